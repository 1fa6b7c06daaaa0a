import { Index } from 'flexsearch';
import { IntBuffer } from './intBuffer.js';
import type { PassageSequences } from './sequences.js';
import type { TermTable } from './termTable.js';

/**
 * FlexSearch orders each term's postings by a "score" bucket (0 = first). We put each passage in
 * the bucket of its BM25 term weight, so FlexSearch returns a term's best passages first and a
 * bounded number of candidates per term is a good pool to rank exactly.
 */
export const IMPACT_BUCKETS = 16;

/** A term's weight in a passage, 0 … 1 (BM25's term-frequency part over its maximum). */
export type ImpactWeight = (tf: number, ordinal: number) => number;

/**
 * Every term's postings, grouped by term and bucket, passages in order within a bucket: cell
 * `term · IMPACT_BUCKETS + bucket` holds `ordinals[cellStarts[cell]] … ordinals[cellStarts[cell + 1] - 1]`.
 * This is what FlexSearch's own `add` would build, laid out flat (and what is persisted).
 */
export interface Postings {
  readonly cellStarts: Int32Array;
  readonly ordinals: Int32Array;
  /** Passages with at least one term (FlexSearch's register). */
  readonly registered: Int32Array;
}

/** Larger weight → earlier bucket. */
function bucketOf(weight: number): number {
  return Math.min(IMPACT_BUCKETS - 1, Math.floor((1 - weight) * IMPACT_BUCKETS));
}

/**
 * The postings of every term of the passages (stop words excepted), in one counting sort: a
 * passage's distinct terms and their frequencies from its sequence, the bucket of each, then
 * every posting written to its cell. Terms in at most `readWholeUpTo` passages — searches never
 * read fewer postings than that — keep theirs in passage order.
 */
export function buildPostings(
  sequences: PassageSequences,
  table: TermTable,
  weight: ImpactWeight,
  readWholeUpTo: number,
): Postings {
  const cellCount = table.size * IMPACT_BUCKETS;
  const cellStarts = new Int32Array(cellCount + 1);
  /** Per posting, in passage order: its cell (the ordinal is implied by `passageEnds`). */
  const cells = new IntBuffer();
  const passageEnds: number[] = [];
  const registered: number[] = [];
  const tf = new Int32Array(table.size);
  const present: number[] = [];
  const { values, starts } = sequences;
  for (let ordinal = 0; ordinal + 1 < starts.length; ordinal++) {
    present.length = 0;
    for (let i = starts[ordinal] ?? 0; i < (starts[ordinal + 1] ?? 0); i++) {
      const raw = values[i] as number;
      const id = raw < 0 ? ~raw : raw;
      if (raw >= 0 && table.isStop(id)) continue;
      const count = tf[id] ?? 0;
      if (count === 0) present.push(id);
      tf[id] = count + 1;
    }
    for (const id of present) {
      // A rare term's postings are always read whole, so their order does not matter: one
      // bucket (fewer, longer arrays for FlexSearch to hold).
      const bucket =
        (table.documentFrequency[id] ?? 0) <= readWholeUpTo
          ? 0
          : bucketOf(weight(tf[id] ?? 0, ordinal));
      const cell = id * IMPACT_BUCKETS + bucket;
      cells.push(cell);
      cellStarts[cell + 1] = (cellStarts[cell + 1] ?? 0) + 1;
      tf[id] = 0;
    }
    if (present.length > 0) registered.push(ordinal);
    passageEnds.push(cells.length);
  }
  for (let cell = 1; cell <= cellCount; cell++)
    cellStarts[cell] = (cellStarts[cell] ?? 0) + (cellStarts[cell - 1] ?? 0);
  const next = cellStarts.slice(0, cellCount);
  const ordinals = new Int32Array(cells.length);
  let posting = 0;
  passageEnds.forEach((end, ordinal) => {
    for (; posting < end; posting++) {
      const cell = cells.at(posting);
      const at = next[cell] ?? 0;
      ordinals[at] = ordinal;
      next[cell] = at + 1;
    }
  });
  return { cellStarts, ordinals, registered: Int32Array.from(registered) };
}

/** FlexSearch's `import` takes parsed data as well as JSON text; the typings only admit text. */
type FlexImport = (key: string, data: unknown) => void;

export class ImpactIndex {
  private readonly flex: Index;

  /**
   * FlexSearch over `postings`. They are handed over through FlexSearch's `import` (the format of
   * its `export`: per term, an array of buckets of ids), not added passage by passage: `add`
   * would build the same structure at several times the cost.
   */
  constructor(
    readonly postings: Postings,
    table: TermTable,
  ) {
    this.flex = new Index({
      tokenize: 'strict',
      resolution: IMPACT_BUCKETS,
      // Queries arrive as terms joined by spaces: our analyzer already did the work.
      encode: (content: string) => (content ? content.split(' ') : []),
    });
    const { cellStarts, ordinals, registered } = postings;
    const map: [string, number[][]][] = [];
    for (let id = 0; id < table.size; id++) {
      const first = id * IMPACT_BUCKETS;
      if (cellStarts[first] === cellStarts[first + IMPACT_BUCKETS]) continue;
      const buckets: number[][] = [];
      for (let bucket = 0; bucket < IMPACT_BUCKETS; bucket++) {
        const from = cellStarts[first + bucket] ?? 0;
        const to = cellStarts[first + bucket + 1] ?? 0;
        if (to <= from) continue;
        // A plain loop: Array.from on a typed array goes through the iterator protocol.
        const ids: number[] = [];
        for (let at = from; at < to; at++) ids.push(ordinals[at] ?? 0);
        buckets[bucket] = ids;
      }
      map.push([table.term(id), buckets]);
    }
    const importData = this.flex.import.bind(this.flex) as FlexImport;
    const register: number[] = [];
    for (const ordinal of registered) register.push(ordinal);
    importData('reg', register);
    importData('map', map);
  }

  /** Passages that contain `term`, best weight first, at most `limit`. */
  search(term: string, limit: number): number[] {
    return this.flex.search(term, { limit }) as number[];
  }
}
