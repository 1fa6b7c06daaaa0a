import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/story/story.js';
import { analyze, wordTerm, writtenWords } from '../../src/text/analyzer.js';
import { editDistance, FuzzyVocabulary } from '../../src/text/nearWords.js';
import { indexKey, loadIndex, saveIndex } from '../../src/search/indexStore.js';
import { PassageIndex, type IndexInput } from '../../src/search/passageIndex.js';
import { SearchEngine } from '../../src/search/searchEngine.js';
import { TopHits } from '../../src/search/topHits.js';
import { seedStory } from '../support/seed.js';

/** Text made of the characters the tokenizer treats specially, and some it does not. */
const tricky = fc.string({
  unit: fc.constantFrom(
    ..."aZ9 é’‘'`+&-.,\u0301\u05e9א😀 Covington8200sS".split(''),
    'é',
    '\u0301',
  ),
  maxLength: 60,
});

describe('index build words', () => {
  it('reads every text into the words analyze finds, in order (the build and highlighting agree)', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const built = writtenWords(text)
          .map((raw) => wordTerm(raw)?.term)
          .filter((term) => term !== undefined);
        expect(built).toEqual(analyze(text).map((token) => token.term));
      }),
    );
  });
});

describe('typo correction index', () => {
  /** What the deletion index promises, checked the slow way: every word, every variant. */
  function reference(vocabulary: readonly string[], word: string): string[] {
    if (word.length < 4 || word.length > 30) return [];
    const maxEdits = word.length >= 8 ? 2 : 1;
    const deletions = (w: string): string[] => [...w].map((_, i) => w.slice(0, i) + w.slice(i + 1));
    const probes = new Set([word, ...deletions(word)]);
    if (maxEdits === 2)
      for (const d of deletions(word)) for (const dd of deletions(d)) probes.add(dd);
    const found = vocabulary
      .filter((w) => w.length >= 4 && w.length <= 30 && /^\p{L}+$/u.test(w) && w !== word)
      .filter((w) => [w, ...deletions(w)].some((v) => probes.has(v)))
      .map((w) => [w, editDistance(word, w, maxEdits)] as const)
      .filter(([, d]) => d <= maxEdits);
    return found.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  }

  it('finds exactly the words a full scan finds', () => {
    const word = fc.stringMatching(/^[a-eé]{3,10}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), word, (vocabulary, typed) => {
        expect(FuzzyVocabulary.build(vocabulary).corrections(typed)).toEqual(
          reference(vocabulary, typed),
        );
      }),
    );
  });
});

describe('best hits', () => {
  it('keeps what sorting everything and taking the first would', () => {
    const scored = fc.array(
      fc.record({ ordinal: fc.nat(50), score: fc.integer({ min: 0, max: 5 }) }),
    );
    fc.assert(
      fc.property(scored, fc.nat(6), (all, limit) => {
        const unique = [...new Map(all.map((s) => [s.ordinal, s])).values()];
        const top = new TopHits(limit);
        unique.forEach((s) => top.offer(s));
        const sorted = [...unique].sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
        expect(top.hits).toEqual(sorted.slice(0, limit));
      }),
    );
  });
});

describe('stored index', () => {
  let story: Story;
  let input: IndexInput;
  let directory: string;
  beforeAll(async () => {
    story = await seedStory();
    input = {
      passages: story.passages,
      documents: story.corpus.documents,
      parties: story.corpus.knowledge.parties,
      synonyms: story.corpus.knowledge.synonyms,
    };
    directory = mkdtempSync(path.join(tmpdir(), 'story-bot-index-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const answers = (engine: SearchEngine): unknown[] =>
    [
      'urgent review',
      'Covingtn Burlng',
      '"precise allegations"',
      'Who runs the review?',
      'surv',
    ].map((query) => {
      const result = engine.search(query, { limit: 15, prefix: query === 'surv' });
      return [result.total, result.hits.map((h) => [h.passage.id, h.score, h.highlights])];
    });

  it('answers exactly as the index it was saved from', () => {
    const key = indexKey(input);
    saveIndex(new PassageIndex(input), directory, key);
    const loaded = loadIndex(input, directory, key);
    expect(loaded).toBeDefined();
    expect(answers(new SearchEngine(loaded as PassageIndex, input.documents))).toEqual(
      answers(story.search),
    );
  });

  it('is keyed by the passages: another text is another key', () => {
    const first = input.passages[0];
    if (!first) throw new Error('seed corpus without passages');
    const edited = {
      ...input,
      passages: [{ ...first, text: `${first.text} ` }, ...input.passages.slice(1)],
    };
    expect(indexKey(edited)).not.toBe(indexKey(input));
    expect(indexKey({ ...input })).toBe(indexKey(input));
  });

  it('is not used when missing or damaged', () => {
    expect(loadIndex(input, directory, 'no-such-key')).toBeUndefined();
    const key = indexKey(input);
    saveIndex(new PassageIndex(input), directory, key);
    writeFileSync(path.join(directory, `${key}.index`), '{"format": 2, "chunks": 3}\nterms');
    expect(loadIndex(input, directory, key)).toBeUndefined();
  });
});
