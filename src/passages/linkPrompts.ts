import type { SourceDocument } from '../corpus/corpusTypes.js';
import { publishedSortKey } from '../corpus/dates.js';
import { foldTypography } from '../text/typography.js';

/**
 * Sentences that only point the reader elsewhere — "To read Microsoft’s response, click HERE." —
 * stay verbatim in the corpus, but they answer nothing: they stand for the document they point to.
 */

const LINK_PROMPT =
  /\b(?:click|tap)\s+(?:here|this link|the link|below)\b|^\s*(?:read more|related|see also)\s*:/i;

export function isLinkPrompt(sentence: string): boolean {
  return LINK_PROMPT.test(sentence);
}

const ARTICLE_WORDS =
  /\b(?:article|investigation|investigative|report|reporting|story|piece|coverage)\b/i;
const STATEMENT_NOUN_PATTERN = /\b(?:statement|response|announcement|update|blog|post)\b/i;

/**
 * The document a link prompt of `from` points to: one published before it whose publisher the
 * sentence names (the first named wins: "the Guardian’s investigative article into Microsoft" is
 * the Guardian's) and whose kind its words fit; of equals, the most recent. Undefined when the
 * sentence names no publisher of the corpus.
 */
export function linkTarget(
  sentence: string,
  from: SourceDocument,
  documents: readonly SourceDocument[],
): string | undefined {
  const text = foldTypography(sentence).toLowerCase();
  const latest = publishedSortKey(from.published);
  let best: { id: string; score: number; date: string } | undefined;
  for (const document of documents) {
    if (document.id === from.id) continue;
    const date = publishedSortKey(document.published);
    if (date > latest) continue;
    const publisher = foldTypography(document.publisher).toLowerCase().replace(/^the /, '');
    const at = text.indexOf(publisher);
    if (!publisher || at < 0) continue;
    const firstNamed = documents.every((other) => {
      const name = foldTypography(other.publisher).toLowerCase().replace(/^the /, '');
      const otherAt = name ? text.indexOf(name) : -1;
      return otherAt < 0 || otherAt >= at;
    });
    const kindFits =
      document.kind === 'article' ? ARTICLE_WORDS.test(text) : STATEMENT_NOUN_PATTERN.test(text);
    const score = (firstNamed ? 2 : 1) + (kindFits ? 1 : 0);
    if (!best || score > best.score || (score === best.score && date > best.date))
      best = { id: document.id, score, date };
  }
  return best?.id;
}
