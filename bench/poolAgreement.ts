import type { SearchEngine } from '../src/search/searchEngine.js';
import { TOP_K } from './engines/engine.js';
import type { BenchQuery } from './queries.js';

/**
 * What the bounded candidate pool costs in answers: for each query, our top 5 from the pool (what
 * the bot answers) against our top 5 from ranking every passage (`exhaustive`).
 */
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
