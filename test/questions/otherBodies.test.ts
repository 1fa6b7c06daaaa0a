import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import { quotesShown, type FactBlock, type NoteBlock, type Reply } from '../../src/reply/model.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

const ask = (question: string): Reply =>
  router.run({ name: 'story', subcommand: 'ask', options: { question } });
const lead = (reply: Reply): FactBlock | undefined =>
  reply.blocks.find((b): b is FactBlock => b.type === 'fact');
const notes = (reply: Reply): NoteBlock[] =>
  reply.blocks.filter((b): b is NoteBlock => b.type === 'note');

describe('/story ask: who is who, read as users mean it', () => {
  it('GIVEN a body the user takes for one the sources name THEN shows what they say of that one', () => {
    // The sources say the defense ministry is the customer; users ask about "the IDF".
    const shown = quotesShown(ask('is the idf a client of microsoft')).map((q) => q.id);
    expect(shown.slice(0, 2)).toContain('fox28-microsoft-azure-review:12.1');
  });

  it('GIVEN "is X doing it itself" THEN answers who does it', () => {
    for (const question of [
      'is the company handling the probe itself',
      'are they doing the inquiry themselves',
    ])
      expect(lead(ask(question))?.id, question).toBe('review:conducted-by');
  });

  it('GIVEN a name whose words the story uses only apart THEN it is a name the sources never use', () => {
    // "united" stems as Unit 8200's "unit", and "states" is a story word too.
    for (const question of [
      'what did the united states say about the review',
      'has the us commented on the review',
    ]) {
      expect(notes(ask(question))[0]?.notCovered, question).toBe(true);
      expect(quotesShown(ask(question)), question).toEqual([]);
    }
  });

  it('GIVEN "what year" about something no date in the sources is about THEN abstains', () => {
    // The review was announced in 2025; that is not when Unit 8200 moved its data.
    const reply = ask('what year did unit 8200 first move its data to microsoft');
    expect(notes(reply)[0]?.notCovered).toBe(true);
    expect(quotesShown(reply)).toEqual([]);
  });

  it('GIVEN a preposition WordNet does not hold THEN it is not "corrected" into a topic', () => {
    expect(notes(ask('what did microsoft do during the review'))).toEqual([]);
  });
});
