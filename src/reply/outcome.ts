import type { Reply } from './model.js';

/** How a command ended, as operators count it. */
export type Outcome =
  'answered' | 'abstained' | 'nothing-found' | 'verbatim' | 'close' | 'not-found' | 'error';

/**
 * A quote check is counted by its verdict (the first quotation's); a question the sources do not
 * cover at all abstained — one covered in part was answered; a mistake the user can fix is an error.
 */
export function outcomeOf(reply: Reply): Outcome {
  if (reply.status === 'error') return 'error';
  const check = reply.blocks.find((block) => block.type === 'check');
  if (check) return check.verdict;
  const abstains = reply.blocks.some((b) => b.type === 'note' && b.notCovered === true);
  const answers = reply.blocks.some((b) => b.type !== 'note' && b.type !== 'part');
  if (abstains && !answers) return 'abstained';
  return reply.status === 'empty' ? 'nothing-found' : 'answered';
}
