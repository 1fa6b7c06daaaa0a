import { Document, type DocumentData, type DocumentOptions } from 'flexsearch';
import { contentTerms } from '../text/analyzer.js';
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

/** FlexSearch's configuration; `bucketOf` is asked for each term of the passage being added. */
const options = (bucketOf: (termIndex: number) => number): DocumentOptions<Entry> =>
  ({
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
          score: (_content: string[], _term: string, termIndex: number) => bucketOf(termIndex),
        },
      ],
      tag: [{ field: 'sources' }, { field: 'speaker' }, { field: 'kind' }],
    },
  }) as unknown as DocumentOptions<Entry>;

export class PassageFinder {
  /** The buckets of the passage being added (FlexSearch asks for them term by term, in order). */
  private adding: readonly number[] = [];
  private readonly document = new Document<Entry>(options((i) => this.adding[i] ?? 0));
  private readonly tags = new Map<string, ReadonlySet<number>>();

  /** `size`: how many passages the index holds (added now, or imported). */
  constructor(private readonly size: number) {}

  add(entry: FinderEntry): void {
    this.adding = entry.buckets;
    this.document.add(entry as unknown as Entry);
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
    const search = (count: number): number[] =>
      (this.document.search({
        query: terms as unknown as string,
        index: 'terms',
        limit: count,
        suggest,
      })[0]?.result ?? []) as number[];
    const tags: ReadonlySet<number>[] = [];
    if (filters.documentId !== undefined) tags.push(this.tagged('sources', filters.documentId));
    if (filters.speakerId !== undefined) tags.push(this.tagged('speaker', filters.speakerId));
    if (tags.length === 0) return search(limit);
    // FlexSearch cuts a term's passages to 100 before it applies a tag (flexsearch#524, #533): ask
    // for all of them, best first, and keep those with the tags, up to `limit`.
    const found: number[] = [];
    for (const ordinal of search(this.size)) {
      if (tags.every((tagged) => tagged.has(ordinal)) && found.push(ordinal) >= limit) break;
    }
    return found;
  }

  /** The passages with a tag, from FlexSearch's tag index; kept (few tags are ever asked for). */
  private tagged(field: 'sources' | 'speaker', value: string): ReadonlySet<number> {
    const key = `${field}\u0000${value}`;
    let passages = this.tags.get(key);
    if (!passages) {
      const found = this.document.search({ tag: { [field]: value }, limit: this.size });
      passages = new Set((found[0]?.result ?? []) as number[]);
      this.tags.set(key, passages);
    }
    return passages;
  }

  /** FlexSearch's own export, chunk by chunk (see indexStore.ts). */
  export(write: (key: string, data: string) => void): void {
    this.document.export(write);
  }

  import(key: string, data: string): void {
    this.document.import(key, data);
  }
}
