/**
 * One engine at one corpus size, in its own process so heaps never mix: builds the corpus and
 * the query mix, builds the engine (timed, heap measured), runs the query mix, prints one JSON
 * line. With `--startup DIR` (story-bot only) it measures start-up instead: the index loaded from
 * DIR when stored there, else built and stored. Started by bench/run.ts.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadOrBuildIndex, type IndexSource } from '../src/search/indexStore.js';
import { SearchEngine } from '../src/search/searchEngine.js';
import { loadCases } from '../test/eval/evaluate.js';
import { benchCorpus, loadSeed } from './corpus/seed.js';
import { ENGINE_NAMES, type EngineName } from './engines/engine.js';
import { ENGINES } from './engines/index.js';
import { measureQueries, settledHeap } from './measure.js';
import { queryMix } from './queries.js';
import { timed } from './sched.js';

export interface ChildResult {
  readonly engine: EngineName;
  readonly passages: number;
  readonly queries: number;
  readonly buildMs: number;
  readonly queryP50Us: number;
  readonly queryP99Us: number;
  readonly samples: number;
  /** Heap the engine holds once built (heap after build − heap before, both after full GC). */
  readonly heapMB: number;
  /** Process start to the first answer, without the time spent generating the corpus. */
  readonly readyMs: number;
  /** Share of the build and of the query runs spent waiting for a CPU (another process had it). */
  readonly buildWaitShare: number;
  readonly queryWaitShare: number;
}

export interface StartupResult {
  readonly passages: number;
  readonly source: IndexSource;
  /** Building or loading the index (with hashing the input and, when built, storing it). */
  readonly indexMs: number;
  /** Process start to the first answer, without the time spent generating the corpus. */
  readonly readyMs: number;
}

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    passages: { type: 'string' },
    startup: { type: 'string' },
  },
});
const engineName = values.engine as EngineName;
if (!ENGINE_NAMES.includes(engineName))
  throw new Error(`--engine: one of ${ENGINE_NAMES.join(', ')}`);
const size = Number(values.passages);
if (!Number.isInteger(size) || size < 1) throw new Error('--passages: a positive integer');

const generateStart = performance.now();
const seed = await loadSeed();
const corpus = benchCorpus(seed, size);
const queries = queryMix(corpus.passages, loadCases(), corpus.documentFrequency);
const generateMs = performance.now() - generateStart;
const firstQuery = queries[0];
/** performance.now() counts from process start: ready is that, minus generating the corpus. */
const readyNow = (): number => performance.now() - generateMs;

let line: ChildResult | StartupResult;
if (values.startup !== undefined) {
  if (engineName !== 'story-bot') throw new Error('--startup: story-bot only');
  mkdirSync(values.startup, { recursive: true });
  const start = performance.now();
  const { index, source } = loadOrBuildIndex(corpus, values.startup);
  const indexMs = performance.now() - start;
  const engine = new SearchEngine(index, corpus.documents);
  if (firstQuery) engine.search(firstQuery.text, { limit: 5, ...firstQuery.filters });
  line = { passages: corpus.passages.length, source, indexMs, readyMs: readyNow() };
} else {
  const heapBefore = settledHeap();
  const build = await timed(() => ENGINES[engineName](corpus));
  const engine = build.value;
  if (firstQuery) engine.search(firstQuery.text, firstQuery.filters);
  const readyMs = readyNow();
  const heapMB = (settledHeap() - heapBefore) / 2 ** 20;
  const latency = await timed(() => measureQueries(engine, queries));
  line = {
    engine: engineName,
    passages: corpus.passages.length,
    queries: queries.length,
    buildMs: build.ms,
    queryP50Us: latency.value.p50Us,
    queryP99Us: latency.value.p99Us,
    samples: latency.value.samples,
    heapMB,
    readyMs,
    buildWaitShare: build.waitShare,
    queryWaitShare: latency.waitShare,
  };
}
process.stdout.write(`${JSON.stringify(line)}\n`);
