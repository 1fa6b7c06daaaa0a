import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import { quotesShown } from '../../src/reply/model.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

/** Characters that show as nothing: zero-width space, (non-)joiners, word joiner, BOM, soft hyphen. */
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];

describe('CommandRouter, invisible characters in what users type', () => {
  it.each(
    INVISIBLE.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]),
  )('GIVEN %s inside a searched word THEN finds what the word finds', (_name, invisible) => {
    const clean = router.run({ name: 'quote', options: { text: 'surveillance Palestinians' } });
    const typed = router.run({
      name: 'quote',
      options: { text: `surv${invisible}eillance Pales${invisible}tinians` },
    });
    expect(quotesShown(typed).length).toBeGreaterThan(0);
    expect(typed).toEqual(clean);
  });

  it('GIVEN a zero-width space in a question, a name and a typed command THEN answers as without it', () => {
    const ask = (question: string) =>
      router.run({ name: 'story', subcommand: 'ask', options: { question } });
    expect(ask('who is con\u200Bducting the re\u200Bview?')).toEqual(
      ask('who is conducting the review?'),
    );
    const who = (name: string) =>
      router.run({ name: 'story', subcommand: 'who', options: { name } });
    expect(who('Bur\u200Bling')).toEqual(who('Burling'));
    expect(router.runLine('/quote text:hos\u200Btages').reply).toEqual(
      router.runLine('/quote text:hostages').reply,
    );
  });

  it('GIVEN a zero-width space in a word being typed THEN autocompletes as without it', () => {
    const complete = (value: string) =>
      router.autocomplete({ name: 'quote', options: {} }, { name: 'text', value });
    expect(complete('hos\u200Btag')).toEqual(complete('hostag'));
    expect(complete('hostag').length).toBeGreaterThan(0);
  });

  it('never changes the verbatim passages it shows', () => {
    const reply = router.run({ name: 'quote', options: { text: 'urg\u00ADent review' } });
    const texts = quotesShown(reply).map((quote) => quote.text);
    const documents = router.story.corpus.documents.map((d) => d.text).join('\n');
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(documents).toContain(text);
  });
});
