import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import {
  renderInteractionResponse,
  renderUpdateResponse,
} from '../../src/discord/discordRenderer.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import { renderTerminal } from '../../src/terminal/terminalRenderer.js';
import { quotesShown, type Reply } from '../../src/reply/model.js';
import { expectWithinDiscordLimits } from '../support/discordLimits.js';
import { hostileString } from '../support/hostile.js';
import { seedRouter } from '../support/seed.js';
import { replyParts } from '../eval/storyRankers.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

/**
 * Questions made of the story's own words, question words and joiners: the replies that lead
 * with the editors' entries, answer several parts, or abstain — shapes hostile strings rarely reach.
 */
const storyWords = [
  'who',
  'what',
  'when',
  'where',
  'why',
  'which',
  'how many',
  'is',
  'did',
  'and',
  'and when',
  '?',
  'microsoft',
  'review',
  'status',
  'latest',
  'covington',
  'guardian',
  'unit 8200',
  'imod',
  'brad smith',
  'september',
  'may',
  'after',
  'findings',
  'hostages',
  'azure',
  'calls',
  'stored',
  'country',
  'white house',
  'sorry',
  'price',
  'article',
  'wrote',
  'click HERE',
  '@everyone',
  '**',
];
/** Every language the bot speaks, Discord's other locales (English), and none. */
const locale = fc.constantFrom(undefined, 'en-US', 'de', 'fr', 'es-ES', 'es-419', 'tr', 'ja');

const storyQuestion = fc
  .array(fc.constantFrom(...storyWords), { minLength: 1, maxLength: 14 })
  .map((words) => words.join(' '));

/** Every command users can send, with arbitrary text where they type text. */
const invocation = fc.oneof(
  fc.record({
    name: fc.constant('quote'),
    options: fc.record({ text: hostileString }, { requiredKeys: [] }),
  }),
  fc.record({
    name: fc.constant('quote'),
    options: fc.record(
      {
        text: hostileString,
        speaker: fc.constantFrom('microsoft', 'the-guardian', 'fox28', 'nobody'),
        source: fc.constantFrom(
          'fox28-microsoft-azure-review',
          'microsoft-2025-05-15-statement',
          'missing',
        ),
        private: fc.boolean(),
      },
      { requiredKeys: ['text'] },
    ),
  }),
  fc.record({
    name: fc.constant('story'),
    subcommand: fc.constant('ask'),
    options: fc.record({ question: fc.oneof(hostileString, storyQuestion) }),
  }),
  fc.record({
    name: fc.constant('story'),
    subcommand: fc.constant('who'),
    options: fc.record({ name: hostileString }, { requiredKeys: [] }),
  }),
  fc.record({
    name: fc.constant('story'),
    subcommand: fc.constantFrom('review-status', 'timeline', 'sources', 'nope'),
    options: fc.constant({}),
  }),
  fc.record({
    name: fc.constant('story'),
    subcommand: fc.constant('check'),
    options: fc.record({ quote: hostileString, private: fc.boolean() }),
  }),
  fc.record({
    name: fc.constant('Check quote'),
    options: fc.constant({}),
    targetMessage: fc.record({ id: fc.constant('1'), content: hostileString }),
  }),
  fc.record({ name: hostileString, options: fc.constant({}) }),
);

function checkReply(reply: Reply): void {
  const body = renderInteractionResponse(reply, { fingerprint: router.story.corpus.fingerprint });
  expect(body.type).toBe(4);
  expectWithinDiscordLimits(body.data);
  expectWithinDiscordLimits({
    ...renderUpdateResponse(reply, { fingerprint: 'x' }).data,
    allowed_mentions: { parse: [] },
  });
  for (const quote of quotesShown(reply)) {
    expect(router.story.document(quote.documentId)?.text.slice(quote.start, quote.end)).toBe(
      quote.text,
    );
  }
  expect(typeof renderTerminal(reply, { color: false })).toBe('string');
}

describe('every reply, for any input, in every language', () => {
  it('GIVEN each command’s richest replies in each language THEN they fit too', () => {
    const lines = [
      '/story review-status',
      '/story timeline',
      '/story who',
      '/story sources',
      '/quote text:Microsoft',
      '/story ask question:who is running it and when will we know?',
      '/story check quote:we believe Microsoft has violated these Commitments in Israel and Gaza',
    ];
    for (const lang of ['en-US', 'de', 'fr', 'es-ES', 'es-419', 'tr']) {
      for (const line of lines) checkReply(router.runLine(line, lang).reply);
    }
  });

  it('never throws, fits Discord’s limits, quotes verbatim and cannot mention anyone', () => {
    fc.assert(
      fc.property(invocation, fc.integer({ min: -3, max: 50 }), locale, (input, page, lang) => {
        checkReply(router.run({ ...input, page, locale: lang }));
      }),
      { numRuns: 400 },
    );
  });

  it('answers every part of a question, or says the sources do not cover it and shows no passage for it', () => {
    fc.assert(
      fc.property(storyQuestion, locale, (question, lang) => {
        const reply = router.run({
          name: 'story',
          subcommand: 'ask',
          options: { question },
          locale: lang,
        });
        checkReply(reply);
        for (const part of replyParts(reply)) {
          if (part.notCovered) expect(part.ids).toEqual([]);
          else expect(part.ids.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parses any typed line without throwing', () => {
    fc.assert(
      fc.property(
        hostileString,
        fc.constantFrom('', '/quote text:', '/story ask question:', '/story who name:', '/story '),
        locale,
        (text, prefix, lang) => {
          checkReply(router.runLine(prefix + text, lang).reply);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('autocomplete offers at most 25 choices with names and values Discord accepts', () => {
    fc.assert(
      fc.property(hostileString, fc.constantFrom('text', 'speaker', 'source'), (typed, focused) => {
        const choices = router.autocomplete(
          { name: 'quote', options: {} },
          { name: focused, value: typed },
        );
        expect(choices.length).toBeLessThanOrEqual(DISCORD_LIMITS.autocompleteChoices);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThan(0);
          expect(choice.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
          expect(choice.value.length).toBeGreaterThan(0);
          expect(choice.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceValue);
        }
      }),
      { numRuns: 300 },
    );
  });
});
