import type { PassageFilters } from '../../src/search/filters.js';
import type { BenchCorpus } from '../corpus/seed.js';

/** How many results every engine returns: the same top 5, as ids with their text. */
export const TOP_K = 5;

export const ENGINE_NAMES = ['story-bot', 'minisearch', 'orama'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** The same filters as the bot's, applied by each engine its own way. */
export type Filters = PassageFilters;

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
