import { beforeAll, describe, expect, it } from 'vitest';
import { StoryTerms } from '../../src/questions/storyTerms.js';
import type { Story } from '../../src/story/story.js';
import { seedStory } from '../support/seed.js';

let story: Story;
let terms: StoryTerms;
beforeAll(async () => {
  story = await seedStory();
  terms = new StoryTerms(
    story.search.index,
    story.units,
    story.corpus.knowledge.parties,
    story.corpus.knowledge.synonyms,
    (w) => story.lexicon.baseForms(w),
  );
});

describe('StoryTerms: the words the sources answer with', () => {
  it('GIVEN words only the link prompts use ("To read …, click HERE.") THEN they are not story words the answers hold', () => {
    const prompts = story.passages.filter((p) => p.linksTo !== undefined);
    expect(prompts.some((p) => /\bclick\b/i.test(p.text))).toBe(true);
    expect(terms.isKnown(terms.termOf('click'))).toBe(false);
    expect(terms.idf(terms.termOf('click'))).toBe(terms.idf('@never-used'));
  });

  it('GIVEN a word the answerable passages use THEN it stays known and weighs by its rarity', () => {
    expect(terms.isKnown(terms.termOf('surveillance'))).toBe(true);
    expect(terms.idf(terms.termOf('surveillance'))).toBeLessThan(terms.rareIdf);
  });
});

describe('StoryTerms: corrections', () => {
  it('GIVEN a long word with two letters left out, one of them its third ("anouncment") THEN it is corrected to the story word', () => {
    expect(terms.corrections('anouncment')[0]).toBe('announcement');
    expect(terms.corrections('survelance')[0]).toBe('surveillance');
  });

  it('GIVEN a seven-letter word misspelled twice ("artical") THEN it is corrected to the story word', () => {
    expect(terms.corrections('artical')[0]).toBe('article');
  });
});
