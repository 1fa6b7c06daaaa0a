import { Bench } from 'tinybench';
import type { Engine } from './engines/engine.js';
import type { BenchQuery } from './queries.js';

/**
 * Heap in use once garbage collection has settled (needs `node --expose-gc`). V8 also drops the
 * bytecode of functions unused for several collections, so one collection is not enough: collect
 * until the heap stops shrinking.
 */
export function settledHeap(): number {
  const gc = global.gc;
  if (typeof gc !== 'function') throw new Error('run with node --expose-gc');
  let heap = Infinity;
  for (let round = 0; round < 10; round++) {
    gc();
    const now = process.memoryUsage().heapUsed;
    if (heap - now < 64 * 1024) return Math.min(heap, now);
    heap = now;
  }
  return heap;
}

export interface Latency {
  readonly p50Us: number;
  readonly p99Us: number;
  /** Query executions measured. */
  readonly samples: number;
}

/** Time budget for the measured passes over the query mix, per engine and size. */
const MEASURE_BUDGET_MS = 8_000;
const MAX_ROUNDS = 40;
/** Queries run before measuring: JIT, lazy structures, caches. At least this many, and a whole pass when that is quick. */
const WARMUP_QUERIES = 40;
const QUICK_PASS_MS = 2_000;

/**
 * Query latency over the mix: a warm-up (a whole pass of the mix when it is quick, else its first
 * WARMUP_QUERIES), then whole passes over the mix, so every query weighs the same, for about
 * MEASURE_BUDGET_MS (at least one pass). Each query execution is one tinybench sample; p50 and
 * p99 are over all samples.
 */
export function measureQueries(engine: Engine, queries: readonly BenchQuery[]): Latency {
  const run = (query: BenchQuery): void => {
    engine.search(query.text, query.filters);
  };
  const warmStart = performance.now();
  let warmed = 0;
  while (
    warmed < queries.length &&
    (warmed < WARMUP_QUERIES || performance.now() - warmStart < QUICK_PASS_MS)
  )
    run(queries[warmed++] as BenchQuery);
  const perQueryMs = Math.max(0.000_1, (performance.now() - warmStart) / warmed);
  const passMs = perQueryMs * queries.length;
  const rounds = Math.min(MAX_ROUNDS, Math.max(1, Math.round(MEASURE_BUDGET_MS / passMs)));

  let next = 0;
  const bench = new Bench({
    iterations: rounds * queries.length,
    time: 0,
    warmup: false,
    retainSamples: true,
    timestampProvider: 'hrtimeNow',
  });
  bench.add('query mix', () => {
    run(queries[next++ % queries.length] as BenchQuery);
  });
  const [task] = bench.runSync();
  const result = task?.result;
  if (!result || !('latency' in result))
    throw new Error(`query benchmark failed: ${result?.state}`);
  return {
    p50Us: result.latency.p50 * 1000,
    p99Us: result.latency.p99 * 1000,
    samples: result.latency.samplesCount,
  };
}
