import { beforeAll, describe, expect, it } from 'vitest';
import { benchCorpus, loadSeed } from '../../bench/corpus/seed.js';
import { poolAgreement } from '../../bench/poolAgreement.js';
import { queryMix, type BenchQuery } from '../../bench/queries.js';
import { PassageIndex } from '../../src/search/passageIndex.js';
import { SearchEngine } from '../../src/search/searchEngine.js';
import { RANKING } from '../../src/search/options.js';
import { loadCases } from '../eval/evaluate.js';

/**
 * The bot ranks a bounded pool of candidates (each word's best postings, and the passages with
 * all the words), not every passage. On a 10,000-passage synthetic corpus that must lose nothing
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
});
