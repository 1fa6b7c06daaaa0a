import { beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/story/story.js';
import { analyze } from '../../src/text/analyzer.js';
import { editDistance } from '../../src/text/nearWords.js';
import { seedStory } from '../support/seed.js';

let story: Story;
beforeAll(async () => {
  story = await seedStory();
});

const top = (query: string, options = {}): string | undefined =>
  story.search.search(query, options).hits[0]?.passage.text;
const boldWords = (query: string): string[] => {
  const hit = story.search.search(query).hits[0];
  return hit ? hit.highlights.map((s) => hit.passage.text.slice(s.start, s.end)) : [];
};

describe('analyzer', () => {
  it('stems word forms to one term', () => {
    const terms = (text: string) => analyze(text).map((t) => t.term);
    expect(terms('surveil surveillance surveilled')).toEqual(['surveil', 'surveil', 'surveil']);
    expect(terms('intercepting intercepted')).toEqual(['intercept', 'intercept']);
    expect(terms('state statement station')).toEqual(['state', 'statement', 'station']);
  });

  it('folds case, accents, curly apostrophes and possessives', () => {
    expect(analyze('Guardian’s GUARDIAN’s café').map((t) => t.term)).toEqual([
      'guardian',
      'guardian',
      'cafe',
    ]);
  });

  it('keeps numbers whole and reads & as and', () => {
    expect(analyze('Unit 8200, +972 & 2025').map((t) => t.word)).toEqual([
      'unit',
      '8200',
      '972',
      'and',
      '2025',
    ]);
  });

  it('measures edit distance with transpositions', () => {
    expect(editDistance('surveillance', 'survelliance', 2)).toBe(2);
    expect(editDistance('covington', 'covingotn', 2)).toBe(1);
  });
});

describe('search', () => {
  it('matches word forms: intercepting finds "intercepted", surveil finds "surveillance"', () => {
    expect(top('intercepting')).toContain('intercepted');
    expect(boldWords('surveil')).toContain('surveillance');
  });

  it('corrects typos and says what it read', () => {
    const result = story.search.search('survellance civilans');
    expect(result.hits[0]?.passage.text).toContain('mass surveillance of civilians');
    expect(result.plan.corrections.map((c) => c.meant)).toEqual(['surveillance', 'civilians']);
  });

  it('finds names by alias: IDF, IMOD, Burling', () => {
    expect(boldWords('IDF')).toEqual(
      expect.arrayContaining([expect.stringMatching(/Israeli (military|Defense Force)/)]),
    );
    expect(top('IMOD')).toMatch(/Ministry of Defense|IMOD/);
    expect(boldWords('Burling')).toEqual(['Covington and Buling']);
  });

  it('finds a misspelling in the original under its correct spelling (sic)', () => {
    expect(top('would publish the findings')).toBe(
      'Microsoft said it would public the findings of its review once complete.',
    );
  });

  it('treats "exact phrases" as required and bolds the phrase', () => {
    const result = story.search.search('"full and urgent review"');
    expect(result.total).toBe(1);
    expect(boldWords('"full and urgent review"')).toEqual(['full and urgent review']);
    expect(story.search.search('"urgent and full review"').phraseMissing).toBe(true);
  });

  it('reads curly and straight quotes alike', () => {
    expect(top('“Guardian’s recent report”')).toBe(top('"Guardian\'s recent report"'));
  });

  it('filters by speaker and by source (a statement is found in the article that quotes it)', () => {
    const guardian = story.search.search('surveillance', { speakerId: 'the-guardian' });
    expect(guardian.hits.length).toBeGreaterThan(0);
    expect(guardian.hits.every((h) => h.passage.speakerId === 'the-guardian')).toBe(true);
    const inArticle = story.search.search('urgent review', {
      documentId: 'fox28-microsoft-azure-review',
    });
    expect(inArticle.hits[0]?.passage.documentId).toBe('microsoft-2025-08-15-update');
  });

  it('answers natural questions while ignoring question words', () => {
    expect(top('Who is conducting the review?')).toContain('Covington and Buling LLP');
    expect(top('When did Microsoft announce the review?')).toMatch(
      /^On August 15, Microsoft announced/,
    );
  });

  it('ranks a passage with the query words in sequence above scattered matches', () => {
    expect(top('review once complete')).toBe(
      'Microsoft said it would public the findings of its review once complete.',
    );
  });

  it('completes an unfinished last word when asked to (autocomplete)', () => {
    const result = story.search.search('Coving', { prefix: true });
    expect(result.hits[0]?.passage.text).toContain('Covington');
    expect(story.search.search('Coving').hits).toHaveLength(0);
  });

  it('completes a prefix with the corpus words that start with it, most frequent first', () => {
    const index = story.search.index;
    const frequency = (word: string): number =>
      index.documentFrequencyOf(index.termId(index.knownWord(word) ?? '') ?? -1);
    for (const prefix of ['s', 'co', 'micro', 'rev']) {
      const found = index.completions(prefix, 12);
      expect(found.length, prefix).toBeGreaterThan(0);
      for (const word of found) expect(word.startsWith(prefix)).toBe(true);
      const frequencies = found.map(frequency);
      expect(frequencies).toEqual([...frequencies].sort((a, b) => b - a));
    }
    // Every word with the prefix is a candidate: none left out ranks above the last one shown.
    const shown = index.completions('s', 5);
    const last = frequency(shown[shown.length - 1] ?? '');
    expect(
      index
        .completions('s', 10_000)
        .slice(5)
        .every((w) => frequency(w) <= last),
    ).toBe(true);
  });

  it('returns nothing, with the unknown words, when nothing matches', () => {
    const result = story.search.search('zebra xylophone');
    expect(result.hits).toEqual([]);
    expect(result.plan.unknownWords).toEqual(['zebra', 'xylophone']);
  });

  it('treats a query of stop words only as empty', () => {
    expect(story.search.search('who is it').plan.empty).toBe(true);
  });
});
