import MiniSearch, { type Options } from 'minisearch';
import type { Passage } from '../../src/passages/passageTypes.js';
import { foldWord, stem, STOP_WORDS } from '../../src/text/analyzer.js';
import { hasFilters, passesFilters } from '../../src/search/filters.js';
import { TOP_K, type EngineBuilder } from './engine.js';

/**
 * MiniSearch as a careful user would set it up for quotes: the same folding, stop words and
 * stemmer as ours (so term matching is equal and only the engines differ), prefix search, fuzzy
 * matching at MiniSearch's documented 0.2 (edit distance ≤ 20% of the term's length), and OR
 * combination ranked by its BM25+ (questions contain words no passage has, so AND would answer
 * almost nothing). Source and speaker filters use MiniSearch's own `filter` option.
 */
export const MINISEARCH_OPTIONS: Options<Passage> = {
  idField: 'ordinal',
  fields: ['text'],
  processTerm: (term: string): string | null => {
    const word = foldWord(term);
    return word.length === 0 || STOP_WORDS.has(word) ? null : stem(word);
  },
  searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'OR' },
};

export const buildMiniSearch: EngineBuilder = (corpus) => {
  const passages = corpus.passages;
  const index = new MiniSearch<Passage>(MINISEARCH_OPTIONS);
  index.addAll(passages);
  return {
    search: (query, filters) => {
      const results = index.search(
        query,
        hasFilters(filters)
          ? {
              filter: (result) => {
                const passage = passages[result.id as number];
                return passage !== undefined && passesFilters(passage, filters);
              },
            }
          : {},
      );
      return results.slice(0, TOP_K).map((result) => {
        const passage = passages[result.id as number] as Passage;
        return { id: passage.id, text: passage.text };
      });
    },
  };
};
