import { Document, type DocumentData, type DocumentOptions, type Id } from 'flexsearch';
import { contentTerms } from './analyzer.js';
import type { PassageFilters } from './filters.js';

/**
 * FlexSearch's Document over the passages: it finds them, our code ranks them (FlexSearch has no
 * term frequencies or scores). One index field holds a passage's terms — our analyzer is its
 * encoder — and three tags its source documents, speaker and kind, for `/quote`'s filters.
 *
 * Each passage is added with a score per term: the bucket of the term's BM25 weight in it, best
 * first. So FlexSearch returns a term's best passages first, and a bounded number of them per
 * query word is a good pool to rank exactly (`npm run bench:pool` measures what it misses).
 */
export const IMPACT_BUCKETS = 16;

/** A passage as FlexSearch takes it. */
export interface FinderEntry {
  readonly ordinal: number;
  /** Distinct content terms, each with its impact bucket (0 = best) at the same index. */
  readonly terms: readonly string[];
  readonly buckets: readonly number[];
  readonly sources: readonly string[];
  readonly speaker: string | undefined;
  readonly kind: string;
}

/** A term list is what the analyzer made already; text (a query typed as-is) is analyzed. */
function encode(content: string | readonly string[]): string[] {
  return typeof content === 'string' ? contentTerms(content) : [...content];
}

type Entry = DocumentData & { ordinal: number };

/** The per-term bucket of the passage being added (FlexSearch asks term by term, in order). */
let addingBuckets: readonly number[] = [];

const OPTIONS = {
  document: {
    id: 'ordinal',
    index: [
      {
        field: 'terms',
        // FlexSearch hands our field's value to the encoder; a term list passes as it is.
        custom: (entry: DocumentData) =>
          (entry as unknown as FinderEntry).terms as unknown as string,
        encode: encode as (text: string) => string[],
        tokenize: 'strict',
        resolution: IMPACT_BUCKETS,
        score: (_content: string[], _term: string, index: number) => addingBuckets[index] ?? 0,
      },
    ],
    tag: [{ field: 'sources' }, { field: 'speaker' }, { field: 'kind' }],
  },
} as unknown as DocumentOptions<Entry>;

export class PassageFinder {
  private readonly document = new Document<Entry>(OPTIONS);

  add(entry: FinderEntry): void {
    addingBuckets = entry.buckets;
    try {
      this.document.add(entry as unknown as Entry);
    } finally {
      addingBuckets = [];
    }
  }

  /** Passages with `term`, best weight first, at most `limit`; with filters, only those passing. */
  best(term: string, limit: number, filters: PassageFilters = {}): number[] {
    return this.find([term], limit, filters, false);
  }

  /** Passages with all of `terms`, at most `limit`. */
  withAll(terms: readonly string[], limit: number, filters: PassageFilters = {}): number[] {
    return this.find(terms, limit, filters, false);
  }

  /**
   * Passages with most of `terms` (FlexSearch's `suggest`: partial matches, those with more of the
   * terms first), at most `limit`.
   */
  withMost(terms: readonly string[], limit: number, filters: PassageFilters = {}): number[] {
    return this.find(terms, limit, filters, true);
  }

  private find(
    terms: readonly string[],
    limit: number,
    filters: PassageFilters,
    suggest: boolean,
  ): number[] {
    if (terms.length === 0 || limit <= 0) return [];
    const tag: Record<string, string> = {};
    if (filters.documentId !== undefined) tag['sources'] = filters.documentId;
    if (filters.speakerId !== undefined) tag['speaker'] = filters.speakerId;
    const query = terms as unknown as string;
    const found = this.document.search({
      query,
      index: 'terms',
      limit,
      suggest,
      ...(Object.keys(tag).length > 0 ? { tag } : {}),
    });
    return (found[0]?.result ?? []) as Id[] as number[];
  }

  /** FlexSearch's own export, chunk by chunk (see indexStore.ts). */
  export(write: (key: string, data: string) => void): void {
    this.document.export(write);
  }

  import(key: string, data: string): void {
    this.document.import(key, data);
  }
}
