import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import { formatExplanation } from '../../src/terminal/explainReport.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

const explain = (question: string): string =>
  formatExplanation(question, router.story.questions.explain(question));

describe('npm run cli -- --explain', () => {
  it('GIVEN a question THEN shows each part read, its words, the best candidates and the decision', () => {
    const text = explain('who is running the review, and when will we know?');
    expect(text).toContain('Part 1 of 2: "who is running the review" — who');
    expect(text).toMatch(/^ {4}running 1\.\d\d; .*conduct synonym 0\.80/m);
    expect(text).toMatch(/^ {4}\d\.\d\d {2}\d\.\d\d {2}review:conducted-by {2}.*running\*/m);
    expect(text).toContain('Answer: leads with review:conducted-by');
    expect(text).toContain('Part 2 of 2: "when will we know" — when, asks for what comes next');
  });

  it('GIVEN words the sources do not hold THEN names them and says where an editor can add them', () => {
    const text = explain('what did the white house say');
    expect(text).toMatch(/Answer: not covered \(nothing matches “white house”\)/);
    expect(text).toContain('Nothing in the sources matches closely: “white house”.');
    expect(text).toContain('add the word to a group under `synonyms:` in story.yaml');
  });

  it('GIVEN a noun for authors misspelled THEN it is read as one: the kind of answer, not a word to match', () => {
    const [part] = router.story.questions.explain(
      'who are the journalsts behind the guardian investigation',
    );
    expect(part?.read.asksAuthor).toBe(true);
    expect(part?.read.groups.map((g) => g.word)).not.toContain('journalists');
  });

  it('GIVEN every word found THEN names none', () => {
    expect(explain('who is brad smith')).not.toContain('Nothing in the sources matches closely');
    // A filler says nothing of the topic: it is no word to find.
    expect(explain('did microsoft basically clear itself in may')).not.toContain('“basically”');
  });

  it('explains the answer the bot gives: the same lead and passages', () => {
    for (const question of ['what did microsoft cut off in september', 'is it over yet']) {
      const [part] = router.story.questions.explain(question);
      const [answered] = router.story.questions.answer(question).parts;
      expect(part?.answer.lead?.id).toBe(answered?.lead?.id);
      expect(part?.answer.passages.map((p) => p.passage.id)).toEqual(
        answered?.passages.map((p) => p.passage.id),
      );
    }
  });
});
