import type { Reply } from './model.js';

/**
 * A miss: the bot could not answer what was asked — nothing matched, the sources do not cover a
 * question (or a part of it), or a quotation is in none of them. What editors should look at.
 */
export function isMiss(reply: Reply): boolean {
  if (reply.status === 'empty') return true;
  if (reply.status !== 'ok') return false;
  return reply.blocks.some(
    (block) =>
      (block.type === 'note' && block.notCovered === true) ||
      (block.type === 'check' && block.verdict === 'not-found'),
  );
}
