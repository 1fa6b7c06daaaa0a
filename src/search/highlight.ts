import type { SourceDocument } from '../corpus/corpusTypes.js';
import type { Passage } from '../passages/passageTypes.js';
import type { Span } from '../text/sentences.js';
import { analyze, type Token } from '../text/analyzer.js';
import type { PassageIndex } from './passageIndex.js';
import { sicMeaning } from './sequences.js';

/** What span merging needs of a token. */
type TokenSpan = Pick<Token, 'start' | 'end' | 'stop'>;

/**
 * Where a passage matched its query: spans of the passage text (offsets into `passage.text`),
 * sorted and merged. Renderers escape first and bold these spans.
 */
export function highlightSpans(
  passage: Passage,
  matched: ReadonlySet<number>,
  index: PassageIndex,
  document: SourceDocument | undefined,
): Span[] {
  if (matched.size === 0) return [];
  const text = passage.text;
  // The same analysis that built the passage's term sequence: token k is its k-th word.
  const tokens = analyze(text);
  const matchedTerms = new Set([...matched].map((id) => index.term(id)));
  const spans: Span[] = tokens.filter((token) => !token.stop && matchedTerms.has(token.term));
  if ([...matchedTerms].some((term) => index.phrases.isCanonical(term))) {
    for (const match of index.phrases.match(tokens)) {
      if (!matchedTerms.has(match.canonical)) continue;
      const from = tokens[match.from];
      const to = tokens[match.to - 1];
      if (from && to) spans.push({ start: from.start, end: to.end });
    }
  }
  for (const note of document?.sic ?? []) {
    if (!sicMeaning(note).some((term) => matchedTerms.has(term))) continue;
    for (let at = text.indexOf(note.text); at >= 0; at = text.indexOf(note.text, at + 1)) {
      spans.push({ start: at, end: at + note.text.length });
    }
  }
  return mergeSpans(text, spans, tokens);
}

/**
 * Sorts spans and joins those that overlap or are separated only by spaces and stop words, so a
 * matched phrase reads as one bold run ("full and urgent review").
 */
export function mergeSpans(
  text: string,
  spans: readonly Span[],
  tokens: readonly TokenSpan[],
): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && (span.start <= last.end || joinable(text, tokens, last.end, span.start))) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else {
      merged.push({ start: span.start, end: span.end });
    }
  }
  return merged;
}

/** Whether only spaces, letters of stop words and apostrophes stand between `from` and `to`. */
function joinable(text: string, tokens: readonly TokenSpan[], from: number, to: number): boolean {
  return (
    /^[\s\p{L}'’]*$/u.test(text.slice(from, to)) &&
    tokens.every((token) => token.end <= from || token.start >= to || token.stop)
  );
}
