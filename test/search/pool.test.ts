import { beforeAll, describe, expect, it } from 'vitest';
import { benchCorpus, loadSeed } from '../../bench/corpus/seed.js';
import { poolAgreement } from '../../bench/poolAgreement.js';
import { queryMix, type BenchQuery } from '../../bench/queries.js';
import type { Passage } from '../../src/passages/passageTypes.js';
import { PassageIndex } from '../../src/search/passageIndex.js';
import { SearchEngine } from '../../src/search/searchEngine.js';
import { RANKING } from '../../src/search/options.js';
import { loadCases } from '../eval/evaluate.js';

/**
 * The bot ranks a bounded pool of candidates (each word's best passages, and the passages with
 * most of the words), not every passage. On a 10,000-passage synthetic corpus that must lose nothing
 * a user sees first: the same best passage as ranking every passage, for every query of the
 * benchmark mix.
 */
let engine: SearchEngine;
let queries: readonly BenchQuery[];
let index: PassageIndex;

beforeAll(async () => {
  const corpus = benchCorpus(await loadSeed(), 10_000);
  index = new PassageIndex(corpus);
  engine = new SearchEngine(index, corpus.documents);
  queries = queryMix(corpus.passages, loadCases(), corpus.documentFrequency);
});

describe('the bounded candidate pool', () => {
  it('ranks more passages when exhaustive, for a word in more passages than the pool reads', () => {
    const common = queries.find(
      (q) =>
        q.kind === 'common' &&
        engine.search(q.text, { exhaustive: true }).total > RANKING.candidatesPerTerm * 2,
    );
    expect(common).toBeDefined();
    const text = common?.text ?? '';
    expect(engine.search(text, { exhaustive: true }).total).toBeGreaterThan(
      engine.search(text).total,
    );
  });

  it('finds the best passage that ranking every passage finds, for every query of the mix', () => {
    const agreement = poolAgreement(engine, queries);
    expect(agreement.queries).toBeGreaterThan(200);
    expect(agreement.sameBest).toBe(1);
    expect(agreement.overlap).toBeGreaterThanOrEqual(0.98);
  });

  it("is FlexSearch's: a word's passages come best weight first, and filters are its tags", () => {
    const countIn = (termId: number, ordinal: number): number => {
      let count = 0;
      for (let i = index.sequenceStart(ordinal); i < index.sequenceEnd(ordinal); i++)
        if (index.sequenceValues[i] === termId) count++;
      return count;
    };
    const termId = index.termId('microsoft') ?? -1;
    const passages = index.passages.filter((p) => countIn(termId, p.ordinal) > 0);
    expect(passages.length).toBeGreaterThan(RANKING.candidatesPerTerm);

    const best = index.finder.best('microsoft', passages.length);
    expect(new Set(best)).toEqual(new Set(passages.map((p) => p.ordinal)));
    const weights = best.map((o) => index.termWeight(countIn(termId, o), o));
    // Buckets are 1/16 of the largest weight wide: later passages never weigh more than that above.
    const bucket = (RANKING.k1 + 1) / 16;
    weights.forEach((w, i) =>
      expect(w).toBeLessThanOrEqual((weights[Math.max(0, i - 1)] ?? w) + bucket),
    );
    expect(weights[0]).toBeGreaterThan(weights[weights.length - 1] ?? Infinity);

    const speakerId = passages.find((p) => p.speakerId !== undefined)?.speakerId;
    expect(speakerId).toBeDefined();
    const filtered = index.finder.best('microsoft', passages.length, { speakerId });
    expect(new Set(filtered)).toEqual(
      new Set(passages.filter((p) => p.speakerId === speakerId).map((p) => p.ordinal)),
    );
  });

  it('brings in, through FlexSearch partial matches, a passage with most words that no per-word read reaches', () => {
    // 300 short passages for each word: each word's best 200 are short ones. The one long passage
    // has all three words, each weighing little in it: only "most of the words" finds it.
    const texts = [
      ...['alpha', 'beta', 'gamma'].flatMap((word) =>
        Array.from({ length: 300 }, (_, i) => `${word} note ${i}.`),
      ),
      `${'filler words run on and on. '.repeat(20)}Alpha, beta and gamma together at last.`,
    ];
    const passages: Passage[] = texts.map((text, ordinal) => ({
      id: `p${ordinal}`,
      ordinal,
      documentId: 'doc',
      start: 0,
      end: text.length,
      text,
      paragraph: ordinal,
      kind: 'narration',
      speaker: '',
      quotedIn: [],
    }));
    const synthetic = new PassageIndex({ passages, documents: [], parties: [], synonyms: [] });
    const found = new SearchEngine(synthetic, []).search('alpha beta gamma', { limit: 1 });
    expect(found.hits[0]?.passage.ordinal).toBe(texts.length - 1);
    for (const word of ['alpha', 'beta', 'gamma'])
      expect(synthetic.finder.best(word, RANKING.candidatesPerTerm)).not.toContain(
        texts.length - 1,
      );
  });
});
