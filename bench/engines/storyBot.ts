import { PassageIndex } from '../../src/search/passageIndex.js';
import { SearchEngine } from '../../src/search/searchEngine.js';
import { TOP_K, type EngineBuilder } from './engine.js';

/**
 * Our full search path, as the bot runs it: query planning, FlexSearch candidates, our scoring,
 * the top passages with their text and highlights. (The bot works highlights out only for the
 * passages a page shows; here all five returned are highlighted, so their cost is counted.)
 */
export const buildStoryBot: EngineBuilder = (corpus) => {
  const index = new PassageIndex(corpus);
  const engine = new SearchEngine(index, corpus.documents);
  return {
    search: (query, filters = {}) =>
      engine.search(query, { limit: TOP_K, ...filters }).hits.map((hit) => ({
        id: hit.passage.id,
        text: hit.passage.text,
        highlights: hit.highlights.length,
      })),
  };
};
