import type { BenchCorpus } from '../corpus/seed.js';

/** How many results every engine returns: the same top 5, as ids with their text. */
export const TOP_K = 5;

export const ENGINE_NAMES = ['story-bot', 'minisearch', 'orama'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface Filters {
  /** Only passages of this document, or quoted in it. */
  readonly documentId?: string | undefined;
  /** Only passages whose speaker is this party. */
  readonly speakerId?: string | undefined;
}

export interface Hit {
  readonly id: string;
  readonly text: string;
}

export interface Engine {
  /** The top TOP_K passages for a query, best first. */
  search(query: string, filters?: Filters): readonly Hit[];
}

/** Builds an engine over a corpus: everything from passages to ready-to-search counts as build. */
export type EngineBuilder = (corpus: BenchCorpus) => Engine | Promise<Engine>;

/** The filter the peers apply (ours does the same inside its search). */
export function acceptsPassage(
  passage: {
    readonly documentId: string;
    readonly speakerId?: string | undefined;
    readonly quotedIn: readonly { readonly documentId: string }[];
  },
  filters: Filters,
): boolean {
  return (
    (filters.speakerId === undefined || passage.speakerId === filters.speakerId) &&
    (filters.documentId === undefined ||
      passage.documentId === filters.documentId ||
      passage.quotedIn.some((q) => q.documentId === filters.documentId))
  );
}

export function hasFilters(filters: Filters | undefined): filters is Filters {
  return filters?.documentId !== undefined || filters?.speakerId !== undefined;
}
