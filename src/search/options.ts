import type { PassageFilters } from './filters.js';

/**
 * Search defaults, in one place. Callers override per call; nothing else in the search code holds
 * a tuning constant.
 */
export interface SearchOptions extends PassageFilters {
  /** How many hits to return. */
  readonly limit: number;
  /** Treat the last word as unfinished (autocomplete while the user types). */
  readonly prefix: boolean;
  /**
   * Rank every passage instead of the bounded candidate pool. Slow on a large corpus: it is the
   * yardstick that measures what the pool misses (`npm run bench`), not for answering.
   */
  readonly exhaustive?: boolean | undefined;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  limit: 10,
  prefix: false,
};

/** Ranking constants. BM25's usual k1 and b; the rest weigh how a query word was matched. */
export const RANKING = {
  k1: 1.2,
  b: 0.75,
  /** A synonym from the editors' knowledge counts this much of the word itself. */
  synonymWeight: 0.7,
  /** A typo correction counts this much. */
  fuzzyWeight: 0.75,
  /** A completion of an unfinished last word counts this much. */
  prefixWeight: 0.85,
  /** How many completions of an unfinished word to try, most frequent first. */
  prefixExpansions: 12,
  /** Bonus for a passage that has the query's words next to each other, in order. */
  sequenceBonus: 1.5,
  /** Bonus scale for query words close together in the passage. */
  proximityBonus: 0.6,
  /** Bonus when the question names a speaker and asks what they said, for that speaker's words. */
  speakerBonus: 0.8,
  /** Bonus per party named (up to two) when the question asks "who". */
  partyBonus: 0.5,
  /** Bonus for dated passages when the question asks "when". */
  dateBonus: 0.4,
  /** Candidates fetched per term from the index, best impact first (and passages with most words). */
  candidatesPerTerm: 200,
} as const;
