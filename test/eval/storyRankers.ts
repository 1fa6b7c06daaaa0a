import type { CommandRouter } from '../../src/bot/router.js';
import { quotesShown, type Block, type Reply } from '../../src/reply/model.js';
import type { Rankers } from './evaluate.js';
import type { PartResult, QuestionRanker } from './evaluateQuestions.js';

/** The bot's own answers to the evaluation cases, through the same command path users take. */
export function storyRankers(router: CommandRouter): Rankers {
  const ids = (options: Record<string, string>, name: string, subcommand?: string): string[] => {
    const reply = router.run({ name, subcommand, options });
    return reply.status === 'ok' ? quotesShown(reply).map((quote) => quote.id) : [];
  };
  return {
    quote: (c) =>
      ids(
        Object.fromEntries(
          Object.entries({ text: c.text, source: c.source, speaker: c.speaker }).filter(
            ([, v]) => v !== undefined,
          ),
        ) as Record<string, string>,
        'quote',
      ),
    ask: (c) => ids({ question: c.question }, 'story', 'ask'),
  };
}

/**
 * `/story ask` as the questions set reads it: one result per part of the reply (a part heading
 * starts the next), each the editors' entries and passages in the order shown.
 */
export function storyQuestionRanker(router: CommandRouter): QuestionRanker {
  return (question) =>
    replyParts(router.run({ name: 'story', subcommand: 'ask', options: { question } }));
}

export function replyParts(reply: Reply): PartResult[] {
  const parts: { ids: string[]; notCovered: boolean }[] = [];
  let current: { ids: string[]; notCovered: boolean } | undefined;
  const open = (): { ids: string[]; notCovered: boolean } => {
    current ??= { ids: [], notCovered: false };
    if (!parts.includes(current)) parts.push(current);
    return current;
  };
  for (const block of reply.blocks) {
    if (block.type === 'part') {
      current = { ids: [], notCovered: false };
      parts.push(current);
      continue;
    }
    const part = open();
    if (block.type === 'note' && block.notCovered) part.notCovered = true;
    part.ids.push(...blockIds(block));
  }
  return parts.length > 0 ? parts : [{ ids: [], notCovered: false }];
}

function blockIds(block: Block): string[] {
  const shown = quotesShown({ status: 'ok', title: '', blocks: [block], ephemeral: false }).map(
    (quote) => quote.id,
  );
  return block.type === 'fact' && block.id !== undefined ? [block.id, ...shown] : shown;
}
