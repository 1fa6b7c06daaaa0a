import type { Story } from '../story/story.js';
import { checkMessage, type QuoteCheck } from '../check/checker.js';
import type { CheckBlock, Reply } from '../reply/model.js';
import { passageAt, passageView, spanView } from './views.js';
import { translator } from '../i18n/i18n.js';

/** Quotations checked from one message at most: a wall of quotes gets the first few. */
const MAX_CHECKS = 3;

function sourceOf(story: Story, check: QuoteCheck): CheckBlock['source'] {
  const match = check.match;
  if (!match) return undefined;
  if (check.verdict === 'not-found') {
    const passage = passageAt(story, match.documentId, match.start);
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
  return { ...view, highlights };
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
  const blocks: CheckBlock[] = checks.slice(0, MAX_CHECKS).map((check) => ({
    type: 'check',
    quoted: check.quoted,
    verdict: check.verdict,
    similarity: check.similarity,
    differences: check.differences,
    source: sourceOf(story, check),
  }));
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
