import type { Story } from '../story/story.js';
import { checkMessage, type MessageCheck } from '../check/checkMessage.js';
import type { SourceWords } from '../check/differences.js';
import type { MeaningChange } from '../check/meaningChanges.js';
import type { Misattribution } from '../check/misattribution.js';
import { words } from '../check/words.js';
import type {
  CheckBlock,
  MeaningChangeView,
  MisattributionView,
  Reply,
  SourceExcerpt,
} from '../reply/model.js';
import { passageView, spanView } from './views.js';
import { translator } from '../i18n/i18n.js';

/** Quotations checked from one message at most: a wall of quotes gets the first few. */
const MAX_CHECKS = 3;
/** Words of the source shown on each side of a change of meaning. */
const CONTEXT_WORDS = 3;

function sourceOf(story: Story, check: MessageCheck): CheckBlock['source'] {
  const match = check.match;
  if (!match) return undefined;
  if (check.verdict === 'not-found') {
    const passage = story.passageAt(match.documentId, match.start);
    return passage
      ? passageView(story, passage)
      : spanView(story, match.documentId, match.start, match.end);
  }
  const view = spanView(story, match.documentId, match.start, match.end);
  // In bold: the source's words where the message differs.
  const highlights = check.differences
    .flatMap((d) =>
      d.type === 'added' ? [] : [{ start: d.at.start - match.start, end: d.at.end - match.start }],
    )
    .filter((span) => span.start >= 0 && span.end <= view.text.length);
  // Whose words the quoted ones are: in a sentence that reports two speakers, the one they are from.
  const speaker = check.speaker ? { speaker: check.speaker.name, kind: check.speaker.kind } : {};
  return { ...view, ...speaker, highlights };
}

/** A few words of the source around `span`, within its paragraph, verbatim. */
function sourceExcerpt(story: Story, documentId: string, span: SourceWords): SourceExcerpt {
  const document = story.document(documentId);
  const text = document?.text ?? '';
  // The paragraph its first word is in: a span that starts where a paragraph ends (or between
  // two) is of the next one, not of the end of the one before.
  const paragraph = document?.paragraphs.find((p) => p.end > span.start);
  const from = paragraph?.start ?? 0;
  const all = words(text.slice(from, paragraph?.end ?? text.length));
  const first = all.findIndex((w) => from + w.end > span.start);
  const inside = all.filter((w) => from + w.start < span.end && from + w.end > span.start).length;
  const at = first < 0 ? all.length : first;
  const chosen = all.slice(
    Math.max(0, at - CONTEXT_WORDS),
    at + Math.max(inside, 0) + CONTEXT_WORDS,
  );
  const start = from + (chosen[0]?.start ?? 0);
  const end = from + (chosen[chosen.length - 1]?.end ?? 0);
  return {
    documentId,
    start,
    end,
    text: text.slice(start, end),
    // Within the excerpt: a span that runs on past its paragraph is shown as far as it goes.
    highlights:
      Math.min(span.end, end) > Math.max(span.start, start)
        ? [{ start: Math.max(span.start, start) - start, end: Math.min(span.end, end) - start }]
        : [],
    cutBefore: chosen[0] !== all[0],
    cutAfter: chosen[chosen.length - 1] !== all[all.length - 1],
  };
}

function meaningChangeView(story: Story, documentId: string, m: MeaningChange): MeaningChangeView {
  const source = sourceExcerpt(story, documentId, m.source);
  const sourceWords = story.document(documentId)?.text.slice(m.source.start, m.source.end) ?? '';
  if (m.said === '') return { kind: m.kind, change: 'leaves-out', words: sourceWords, source };
  return { kind: m.kind, change: sourceWords === '' ? 'adds' : 'has', words: m.said, source };
}

function misattributionView(
  story: Story,
  check: MessageCheck,
  m: Misattribution,
): MisattributionView {
  const document = check.match && story.document(check.match.documentId);
  return {
    named: m.named.name,
    speaker: m.speaker.name,
    kind: m.speaker.kind,
    reportedBy: m.speaker.kind === 'reported' ? document?.publisher : undefined,
  };
}

function checkBlock(story: Story, check: MessageCheck): CheckBlock {
  const documentId = check.match?.documentId;
  return {
    type: 'check',
    quoted: check.quoted,
    verdict: check.verdict,
    similarity: check.similarity,
    flags: check.flags,
    meaningChanges:
      documentId === undefined
        ? []
        : check.meaningChanges.map((m) => meaningChangeView(story, documentId, m)),
    misattribution: check.misattribution && misattributionView(story, check, check.misattribution),
    differences: check.differences,
    source: sourceOf(story, check),
  };
}

/** `/story check` and the "Check quote" message command: is the quotation in the sources? */
export function checkQuote(
  story: Story,
  message: string,
  ephemeral = false,
  locale?: string,
): Reply {
  const t = translator(locale);
  const checks = checkMessage(story, message);
  if (checks.length === 0) {
    return {
      status: 'error',
      title: t('check.title'),
      intro: t('check.noText'),
      blocks: [],
      ephemeral: true,
    };
  }
  const blocks = checks.slice(0, MAX_CHECKS).map((check) => checkBlock(story, check));
  const skipped = checks.length - blocks.length;
  return {
    status: 'ok',
    title: t('check.title'),
    intro:
      skipped > 0 ? t('check.tooMany', { count: checks.length, checked: MAX_CHECKS }) : undefined,
    blocks,
    ephemeral,
  };
}
