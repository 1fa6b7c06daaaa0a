import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import { passageView } from '../../src/answers/views.js';
import { renderMessageData } from '../../src/discord/discordRenderer.js';
import type { Block, QuoteView, Reply } from '../../src/reply/model.js';
import { expectWithinDiscordLimits } from '../support/discordLimits.js';
import { hostileString } from '../support/hostile.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
let quotes: QuoteView[];
beforeAll(async () => {
  router = await seedRouter();
  quotes = router.story.passages.map((p) => passageView(router.story, p));
});

/**
 * Replies no command makes today — dozens of passages, facts with many citations, walls of the
 * bot's own words — still fit: the layout gets plainer and the quotes shorter until they do. A
 * later kind of text block (a "meaning changed" note) renders as a note does.
 */
const block = (): fc.Arbitrary<Block> =>
  fc.oneof(
    fc.nat().map((i): Block => ({ type: 'quote', quote: quotes[i % quotes.length]! })),
    fc
      .record({ label: hostileString, text: hostileString, n: fc.nat({ max: 6 }), i: fc.nat() })
      .map(({ label, text, n, i }): Block => ({
        type: 'fact',
        label,
        text,
        citations: Array.from({ length: n }, (_, k) =>
          k % 3 === 2
            ? { type: 'source' as const, source: quotes[(i + k) % quotes.length]!.source }
            : { type: 'quote' as const, quote: quotes[(i + k) % quotes.length]! },
        ),
      })),
    hostileString.map((text): Block => ({ type: 'note', text })),
    hostileString.map((question): Block => ({ type: 'part', question })),
  );

const reply: fc.Arbitrary<Reply> = fc.record({
  status: fc.constantFrom('ok', 'empty', 'error'),
  title: hostileString,
  intro: fc.option(hostileString, { nil: undefined }),
  blocks: fc.array(block(), { maxLength: 30 }),
  footer: fc.option(hostileString, { nil: undefined }),
  ephemeral: fc.boolean(),
  pager: fc.option(
    fc.record({
      page: fc.constant(1),
      pageCount: fc.constant(3),
      invocation: fc.record({
        name: fc.constant('quote'),
        options: fc.record({ text: hostileString }),
      }),
    }),
    { nil: undefined },
  ),
  locale: fc.constantFrom(undefined, 'de', 'fr', 'es-419', 'tr'),
});

describe('fitting any reply into one Components V2 message', () => {
  it('GIVEN any reply, however large THEN the body is within every limit', () => {
    fc.assert(
      fc.property(reply, (r) => {
        const data = renderMessageData(r, { fingerprint: 'x' });
        expectWithinDiscordLimits(data);
        expect(data.flags! & (1 << 15)).not.toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
