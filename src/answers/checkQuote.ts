import type { Story } from '../story/story.js';
import { checkMessage, type MessageCheck } from '../check/checkMessage.js';
import type { CheckBlock, Reply } from '../reply/model.js';
import { passageView, spanView } from './views.js';

/** Quotations checked from one message at most: a wall of quotes gets the first few. */
const MAX_CHECKS = 3;

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
  return { ...view, highlights };
}

/** `/story check` and the "Check quote" message command: is the quotation in the sources? */
export function checkQuote(story: Story, message: string, ephemeral = false): Reply {
  const checks = checkMessage(story, message);
  if (checks.length === 0) {
    return {
      status: 'error',
      title: 'Quote check',
      intro:
        'There is no text to check: paste a quotation, or use “Check quote” on a message with text.',
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
    title: 'Quote check',
    intro:
      skipped > 0
        ? `The message has ${checks.length} quotations; the first ${MAX_CHECKS} are checked.`
        : undefined,
    blocks,
    ephemeral,
  };
}
