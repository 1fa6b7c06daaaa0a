/**
 * `npm run bench:pool`: how much the bounded candidate pool costs in answers. For every query of
 * the benchmark mix, at each corpus size, our top 5 from the pool (what the bot answers) against
 * our top 5 from ranking every passage (`exhaustive`): the share of queries with the same best
 * passage, and the share of the exhaustive top 5 the pool's top 5 holds. `--max-passages N` skips
 * larger sizes.
 */
import { parseArgs } from 'node:util';
import { PassageIndex } from '../src/search/passageIndex.js';
import { SearchEngine } from '../src/search/searchEngine.js';
import { loadCases } from '../test/eval/evaluate.js';
import { benchCorpus, loadSeed } from './corpus/seed.js';
import { TOP_K } from './engines/engine.js';
import { QUERY_KINDS, queryMix, type BenchQuery } from './queries.js';

const SIZES = [10_000, 100_000, 1_000_000];

export interface PoolAgreement {
  readonly queries: number;
  /** Share of queries whose best passage is the exhaustive search's best. */
  readonly sameBest: number;
  /** Mean share of the exhaustive top 5 found in the pool's top 5. */
  readonly overlap: number;
}

/** Agreement of the pool with exhaustive ranking over `queries`. */
export function poolAgreement(engine: SearchEngine, queries: readonly BenchQuery[]): PoolAgreement {
  let sameBest = 0;
  let overlap = 0;
  let counted = 0;
  for (const query of queries) {
    const options = { limit: TOP_K, ...query.filters };
    const ids = (exhaustive: boolean): number[] =>
      engine.search(query.text, { ...options, exhaustive }).hits.map((h) => h.passage.ordinal);
    const truth = ids(true);
    if (truth.length === 0) continue;
    const pool = ids(false);
    counted++;
    if (pool[0] === truth[0]) sameBest++;
    overlap += truth.filter((ordinal) => pool.includes(ordinal)).length / truth.length;
  }
  return { queries: counted, sameBest: sameBest / counted, overlap: overlap / counted };
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { 'max-passages': { type: 'string' } } });
  const max = values['max-passages'] === undefined ? Infinity : Number(values['max-passages']);
  const seed = await loadSeed();
  const cases = loadCases();
  console.log(
    '| passages | queries | same best passage | exhaustive top 5 found | lowest kind (top 5 found) |',
  );
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const size of SIZES.filter((n) => n <= max)) {
    const corpus = benchCorpus(seed, size);
    const queries = queryMix(corpus.passages, cases, corpus.documentFrequency);
    const engine = new SearchEngine(new PassageIndex(corpus), corpus.documents);
    const all = poolAgreement(engine, queries);
    const byKind = QUERY_KINDS.map((kind) => ({
      kind,
      ...poolAgreement(
        engine,
        queries.filter((q) => q.kind === kind),
      ),
    })).sort((a, b) => a.overlap - b.overlap);
    const worst = byKind[0];
    console.log(
      `| ${size.toLocaleString('en-US')} | ${all.queries} | ${percent(all.sameBest)} | ${percent(all.overlap)} | ${worst ? `${worst.kind} ${percent(worst.overlap)}` : ''} |`,
    );
  }
}
