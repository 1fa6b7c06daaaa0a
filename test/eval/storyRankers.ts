import type { CommandRouter } from '../../src/app/router.js';
import { quotesShown } from '../../src/reply/model.js';
import type { Rankers } from './evaluate.js';

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
