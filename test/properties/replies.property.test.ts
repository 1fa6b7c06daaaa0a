import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import {
  renderInteractionResponse,
  renderUpdateResponse,
} from '../../src/discord/discordRenderer.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import { renderTerminal } from '../../src/terminal/terminalRenderer.js';
import { quotesShown, type CheckBlock, type Reply } from '../../src/reply/model.js';
import { words } from '../../src/check/words.js';
import { buttons, textDisplays } from '../support/componentsV2.js';
import { sharedCopy } from '../../src/discord/replyActions.js';
import { pagedCommandFromTexts } from '../../src/discord/pageTurns.js';
import { isMiss } from '../../src/reply/misses.js';
import { translator } from '../../src/i18n/i18n.js';
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

/**
 * Messages that quote the sources the way misquotes do: a slice of a passage with a negation put
 * in or taken out, a word swapped for its opposite, a number changed, given to a party (by name or
 * alias), a pronoun or anyone, in the phrasings people use — the replies that lead with a changed
 * meaning or a wrong speaker.
 */
const misquote = fc
  .record({
    passage: fc.nat(),
    from: fc.nat(),
    length: fc.integer({ min: 4, max: 24 }),
    change: fc.constantFrom('none', 'negate', 'unnegate', 'opposite', 'number'),
    at: fc.nat(),
    who: fc.oneof(
      fc.constantFrom('he', 'someone', 'the article', '<@123456789012345678>', '@everyone'),
      fc.nat().map((i) => {
        const names = router.story.corpus.knowledge.parties.flatMap((p) => [p.name, ...p.aliases]);
        return names[i % names.length] ?? 'Microsoft';
      }),
      hostileString,
    ),
    frame: fc.constantFrom(
      (who: string, q: string) => `${who} said “${q}”`,
      (who: string, q: string) => `lol ${who} literally wrote: "${q}"`,
      (who: string, q: string) => `according to ${who}, "${q}"`,
      (who: string, q: string) => `"${q}" — ${who}`,
      (who: string, q: string) => `${who}'s statement said **"${q}"**`,
      (who: string, q: string) => `> ${q}\n- ${who}`,
      (who: string, q: string) => `${who} said that ${q}`,
      (_who: string, q: string) => q,
    ),
  })
  .map(({ passage, from, length, change, at, who, frame }) => {
    const passages = router.story.passages;
    const chosen = passages[passage % passages.length];
    const all = words(chosen?.text ?? '').map((w) => (chosen?.text ?? '').slice(w.start, w.end));
    const slice = all.slice(
      from % Math.max(1, all.length),
      (from % Math.max(1, all.length)) + length,
    );
    const i = at % Math.max(1, slice.length);
    const word = slice[i] ?? '';
    if (change === 'negate') slice.splice(i, 0, 'not');
    if (change === 'unnegate') {
      const negation = slice.findIndex((w) => /^(?:no|not|never)$/i.test(w));
      if (negation >= 0) slice.splice(negation, 1);
      else slice.splice(i, 0, 'no');
    }
    if (change === 'opposite') {
      const opposite = [...router.story.lexicon.opposites(word.toLowerCase())][0];
      if (opposite) slice[i] = opposite;
    }
    if (change === 'number') {
      const number = slice.findIndex((w) => /^\d+$/.test(w));
      if (number >= 0) slice[number] = String(Number(slice[number]) + 1);
      else slice.splice(i, 0, '2024');
    }
    return frame(who, slice.join(' '));
  });

/** Check replies: the words a changed meaning is shown in are the source's, and flags lead. */
function checkFlagsLead(reply: Reply): void {
  const checks = reply.blocks.filter((b): b is CheckBlock => b.type === 'check');
  for (const check of checks) {
    for (const change of check.meaningChanges) {
      const { source } = change;
      expect(router.story.document(source.documentId)?.text.slice(source.start, source.end)).toBe(
        source.text,
      );
      for (const span of source.highlights) {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(source.text.length);
      }
    }
    expect(check.flags.includes('meaning-changed')).toBe(check.meaningChanges.length > 0);
    expect(check.flags.includes('misattributed')).toBe(check.misattribution !== undefined);
  }
  const firstCheck = checks[0];
  if (!firstCheck || reply.intro) return;
  // The check's own text display: it starts with a flag or with the verdict's mark.
  const description =
    textDisplays(renderInteractionResponse(reply, { fingerprint: 'x' }).data.components).find(
      (text) => /^(?:⛔|✅|⚠️|❌)/u.test(text),
    ) ?? '';
  const terminal = renderTerminal(reply, { color: false }).split('\n')[2] ?? '';
  const leads = firstCheck.flags.length > 0;
  expect(description.startsWith('⛔')).toBe(leads);
  expect(terminal.startsWith('⛔')).toBe(leads);
}

/** The longest name Discord allows, all Markdown and a mention: escaped, it fills the reserve. */
const SHARER = '@everyone*_~`|>#<@1234567890123';

/** Any reply, made private, carries buttons Discord accepts, and its shared copy fits too. */
function checkButtons(reply: Reply): void {
  const privately = renderInteractionResponse(
    { ...reply, ephemeral: true },
    { fingerprint: router.story.corpus.fingerprint },
  ).data;
  expectWithinDiscordLimits(privately);
  const ids = buttons(privately.components).map((b) =>
    typeof b.custom_id === 'string' ? b.custom_id : '',
  );
  for (const id of ids) expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
  expect(ids.some((id) => id.startsWith('share:'))).toBe(reply.status === 'ok');
  expect(ids.some((id) => id.startsWith('miss:'))).toBe(
    isMiss(reply) && pagedCommandFromTexts(textDisplays(privately.components)) !== undefined,
  );
  if (reply.status === 'ok') {
    const copy = sharedCopy(privately.components ?? [], SHARER, translator(reply.locale));
    expectWithinDiscordLimits(copy);
  }
}

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
      for (const line of lines) {
        const { reply } = router.runLine(line, lang);
        checkReply(reply);
        checkButtons(reply);
      }
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

  it('gives any reply, made private, share and report buttons Discord accepts, and a shared copy that fits', () => {
    fc.assert(
      fc.property(invocation, locale, (input, lang) => {
        checkButtons(router.run({ ...input, locale: lang }));
      }),
      { numRuns: 100 },
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

  it('leads every quote check with a changed meaning or a wrong speaker when there is one, verbatim and within limits', () => {
    fc.assert(
      fc.property(misquote, fc.boolean(), (message, menu) => {
        const reply = menu
          ? router.run({
              name: 'Check quote',
              options: {},
              targetMessage: { id: '1', content: message },
            })
          : router.run({ name: 'story', subcommand: 'check', options: { quote: message } });
        checkReply(reply);
        checkFlagsLead(reply);
      }),
      { numRuns: 300 },
    );
  });

  it('the misquotes reach both flags, each alone and together', () => {
    const flags = fc
      .sample(misquote, { numRuns: 300, seed: 7 })
      .map((message) =>
        router
          .run({ name: 'story', subcommand: 'check', options: { quote: message } })
          .blocks.flatMap((b) => (b.type === 'check' ? [b.flags.join('+')] : [])),
      );
    const count = (shape: string): number => flags.filter((f) => f[0] === shape).length;
    expect(count('meaning-changed')).toBeGreaterThan(10);
    expect(count('misattributed')).toBeGreaterThan(10);
    expect(count('meaning-changed+misattributed')).toBeGreaterThan(0);
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
