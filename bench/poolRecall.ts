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
import { poolAgreement } from './poolAgreement.js';
import { QUERY_KINDS, queryMix } from './queries.js';

const SIZES = [10_000, 100_000, 1_000_000];

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

const { values } = parseArgs({ options: { 'max-passages': { type: 'string' } } });
const max = values['max-passages'] === undefined ? Infinity : Number(values['max-passages']);
if (!(max > 0)) throw new Error('--max-passages: a positive number');
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
  const lowest = byKind[0];
  console.log(
    `| ${size.toLocaleString('en-US')} | ${all.queries} | ${percent(all.sameBest)} | ${percent(all.overlap)} | ${lowest ? `${lowest.kind} ${percent(lowest.overlap)}` : ''} |`,
  );
}
