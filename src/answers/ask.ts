import type { Story } from '../story/story.js';
import type { Citation } from '../corpus/corpusTypes.js';
import type { AnswerUnit } from '../questions/answerUnits.js';
import type { PartAnswer } from '../questions/answerQuestion.js';
import type { Block, CitationView, FactBlock, Reply } from '../reply/model.js';
import { asOfLine } from './asOf.js';
import { paginate, PASSAGES_PER_PAGE } from './paging.js';
import { echo, quoted } from './searchReply.js';
import { citationView, passageView } from './views.js';
import { translator, type Translate } from '../i18n/i18n.js';

/**
 * `/story ask` and @mentions: the question answered part by part — the editors' entry that
 * answers it first, in their words with its citations, then the passages that answer it — or,
 * when the sources do not cover it, a plain "they do not cover this" with no passage.
 */
export function ask(story: Story, question: string, page = 1, locale?: string): Reply {
  const t = translator(locale);
  const answer = story.questions.answer(question);
  const several = answer.parts.length > 1;
  const blocks: Block[] = [];
  let pager: Reply['pager'];
  let currentPage = 1;
  for (const part of answer.parts) {
    if (several) blocks.push({ type: 'part', question: echo(part.question.text) });
    if (part.notCovered) {
      blocks.push(notCoveredNote(story, part, t));
      continue;
    }
    const passages = part.passages.map((p) => ({
      type: 'quote' as const,
      quote: passageView(story, p.passage, p.highlights),
    }));
    // One part: later pages list more passages; the lead stands on the first.
    const shown = several
      ? { items: passages, page: 1, pageCount: 1 }
      : paginate(passages, page, PASSAGES_PER_PAGE);
    currentPage = shown.page;
    if (part.lead && shown.page === 1) blocks.push(leadBlock(story, part.lead));
    blocks.push(...shown.items);
    if (!several && shown.pageCount > 1) pager = { page: shown.page, pageCount: shown.pageCount };
  }
  const covered = answer.parts.filter((p) => !p.notCovered);
  const corrections = answer.parts.flatMap((p) => p.corrections);
  const readAs = corrections.length
    ? t('ask.readAs', {
        corrections: corrections
          .map((c) => t('ask.readAsOne', { typed: echo(c.typed), meant: c.meant }))
          .join(', '),
      })
    : undefined;
  const dated = answer.parts.some(
    (p) => p.question.asksStatus || p.lead?.kind === 'event' || p.lead?.kind === 'review',
  );
  return {
    status: covered.length === 0 ? 'empty' : 'ok',
    title: quoted(question),
    intro: currentPage === 1 ? readAs : undefined,
    blocks,
    footer: dated ? asOfLine(story, blocks, locale) : undefined,
    ephemeral: false,
    pager,
  };
}

function leadBlock(story: Story, unit: AnswerUnit): FactBlock {
  const citations: CitationView[] = [];
  const seen = new Set<string>();
  for (const citation of unit.citations) {
    const view = citationAsPassage(story, citation);
    const key = view.type === 'quote' ? view.quote.id : `source:${view.source.documentId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    citations.push(view);
  }
  return { type: 'fact', id: unit.id, label: unit.label, text: unit.text, citations };
}

/**
 * A cited span as the whole passage it stands in, the cited words in bold: the reader sees the
 * sentence, and the passage id is the one searches show. A span across passages stays a span.
 */
function citationAsPassage(story: Story, citation: Citation): CitationView {
  if (citation.type === 'source') return citationView(story, citation);
  const passage = story.passageAt(citation.documentId, citation.start);
  if (!passage) return citationView(story, citation);
  const copy =
    passage.documentId === citation.documentId
      ? { start: passage.start, end: passage.end }
      : passage.quotedIn.find((q) => q.documentId === citation.documentId);
  if (!copy || citation.end > copy.end || copy.end - copy.start !== passage.text.length)
    return citationView(story, citation);
  const highlights = [{ start: citation.start - copy.start, end: citation.end - copy.start }];
  return { type: 'quote', quote: passageView(story, passage, highlights) };
}

function notCoveredNote(story: Story, part: PartAnswer, t: Translate): Block {
  const unmatched = part.notCovered?.unmatched ?? [];
  const silent = part.notCovered?.silentParty;
  const silentName = silent
    ? story.corpus.knowledge.parties.find((p) => p.id === silent)?.name
    : undefined;
  const missing = part.notCovered?.missing;
  // What is true of the sources, most telling first: whose words they lack, the words they
  // lack, the amount or date they lack, or that nothing in them answers it.
  const what = silentName
    ? t('ask.notCovered.silent', { name: silentName })
    : unmatched.length > 0
      ? t('ask.notCovered.unmatched', { words: unmatched.map((w) => `“${echo(w)}”`).join(', ') })
      : missing
        ? t(missing === 'amount' ? 'ask.notCovered.noAmount' : 'ask.notCovered.noDate')
        : t('ask.notCovered.thin');
  const parties = story.corpus.knowledge.parties
    .slice(0, 4)
    .map((p) => p.name)
    .join(', ');
  return {
    type: 'note',
    notCovered: true,
    text: t('ask.notCovered', { what, subject: story.corpus.knowledge.review.subject, parties }),
  };
}
