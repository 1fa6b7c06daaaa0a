import { beforeAll, describe, expect, it } from 'vitest';
import { Random, ZipfSampler, zipfWeight } from '../../bench/corpus/random.js';
import { benchCorpus, loadSeed, type Seed } from '../../bench/corpus/seed.js';
import { syntheticCorpus } from '../../bench/corpus/synthetic.js';
import { QUERIES_PER_KIND, queryMix } from '../../bench/queries.js';
import { loadCases } from '../eval/evaluate.js';

let seed: Seed;
beforeAll(async () => {
  seed = await loadSeed();
});

const knowledge = (): Parameters<typeof syntheticCorpus>[0] => ({
  passages: seed.passages,
  parties: seed.corpus.knowledge.parties,
});

describe('seeded random numbers', () => {
  it('gives the same numbers for the same seed, others for another', () => {
    const draw = (s: number): number[] => {
      const random = new Random(s);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws Zipf ranks in proportion to their weights', () => {
    const law = { exponent: 1, breakRank: 50, tailExponent: 2 };
    const sampler = new ZipfSampler(200, law);
    const random = new Random(7);
    const counts = new Array<number>(200).fill(0);
    const draws = 200_000;
    for (let i = 0; i < draws; i++) {
      const rank = sampler.sample(random);
      counts[rank] = (counts[rank] ?? 0) + 1;
    }
    let total = 0;
    for (let rank = 0; rank < 200; rank++) total += zipfWeight(law, rank);
    for (const rank of [0, 9, 49, 120]) {
      const expected = zipfWeight(law, rank) / total;
      expect((counts[rank] ?? 0) / draws).toBeCloseTo(expected, 2);
    }
  });
});

describe('synthetic corpus', () => {
  it('is the same passages on every run', () => {
    const a = syntheticCorpus(knowledge(), 1_000).passages;
    const b = syntheticCorpus(knowledge(), 1_000).passages;
    expect(b.map((p) => [p.id, p.text, p.speakerId, p.kind])).toEqual(
      a.map((p) => [p.id, p.text, p.speakerId, p.kind]),
    );
  });

  it('depends on the seed', () => {
    const a = syntheticCorpus(knowledge(), 200, 1).passages;
    const b = syntheticCorpus(knowledge(), 200, 2).passages;
    expect(b.at(-1)?.text).not.toBe(a.at(-1)?.text);
  });

  it('opens with the seed passages, and a larger corpus extends a smaller one', () => {
    const small = syntheticCorpus(knowledge(), 1_000).passages;
    const large = syntheticCorpus(knowledge(), 2_000).passages;
    expect(large.slice(0, seed.passages.length)).toEqual(seed.passages);
    expect(large.slice(0, 1_000).map((p) => p.text)).toEqual(small.map((p) => p.text));
    expect(large.map((p) => p.ordinal)).toEqual(large.map((_, i) => i));
    expect(new Set(large.map((p) => p.id)).size).toBe(large.length);
  });

  it('reads like news: sentences of news length, English words, the story’s words among them', () => {
    const passages = syntheticCorpus(knowledge(), 3_000).passages.slice(seed.passages.length);
    const lengths = passages.map((p) => p.text.split(' ').length).sort((a, b) => a - b);
    const medianLength = lengths[lengths.length >> 1] ?? 0;
    expect(medianLength).toBeGreaterThanOrEqual(15);
    expect(medianLength).toBeLessThanOrEqual(25);
    const text = passages.map((p) => p.text).join(' ');
    expect(text).toMatch(/\bthe\b/);
    expect(text).toMatch(/\bMicrosoft\b/);
    expect(passages.every((p) => /^\p{Lu}|^\d/u.test(p.text) && /[.?]$/.test(p.text))).toBe(true);
  });

  it('counts word frequencies as a scan of its passages would', () => {
    const corpus = syntheticCorpus(knowledge(), 2_000);
    for (const word of ['the', 'microsoft', 'review', '2020']) {
      const scanned = corpus.passages.filter((p) =>
        new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}'’])`, 'iu').test(p.text),
      ).length;
      expect(corpus.documentFrequency(word)).toBe(scanned);
    }
  });
});

describe('query mix', () => {
  it('is the same queries for the same corpus, with every kind', () => {
    const corpus = benchCorpus(seed, 2_000);
    const a = queryMix(corpus.passages, loadCases(), corpus.documentFrequency);
    const b = queryMix(corpus.passages, loadCases());
    expect(b).toEqual(a);
    for (const kind of ['rare', 'common', 'multi-word', 'phrase', 'misspelled'] as const)
      expect(a.filter((q) => q.kind === kind)).toHaveLength(QUERIES_PER_KIND);
    const cases = loadCases();
    expect(a.filter((q) => q.kind === 'eval')).toHaveLength(cases.quote.length + cases.ask.length);
  });
});
