import { create, insertMultiple, search, type Orama, type SearchParams } from '@orama/orama';
import { STOP_WORDS } from '../../src/text/analyzer.js';
import { hasFilters } from '../../src/search/filters.js';
import { TOP_K, type EngineBuilder, type Filters } from './engine.js';

/**
 * Orama as a careful user would set it up: its English tokenizer with its own stemmer, our stop
 * words, BM25 with Orama's defaults, `tolerance: 1` for typos (Orama matches prefixes by
 * default), and every passage that matches any query word (`threshold: 1`, the default).
 * Source and speaker filters are Orama `where` clauses on enum fields.
 */
const SCHEMA = {
  text: 'string',
  speakerId: 'enum',
  /** The passage's document and the documents that quote it. */
  documents: 'enum[]',
} as const;

export const ORAMA_SEARCH = { properties: ['text' as const], tolerance: 1, limit: TOP_K };

/** insertMultiple's batch size: Orama's default is 1000. */
const BATCH = 1000;

function where(filters: Filters): Record<string, unknown> {
  return {
    ...(filters.speakerId === undefined ? {} : { speakerId: { eq: filters.speakerId } }),
    ...(filters.documentId === undefined
      ? {}
      : { documents: { containsAll: [filters.documentId] } }),
  };
}

export const buildOrama: EngineBuilder = async (corpus) => {
  const db: Orama<typeof SCHEMA> = create({
    schema: SCHEMA,
    components: { tokenizer: { language: 'english', stemming: true, stopWords: [...STOP_WORDS] } },
  });
  await insertMultiple(
    db,
    corpus.passages.map((p) => ({
      id: p.id,
      text: p.text,
      speakerId: p.speakerId ?? '',
      documents: [p.documentId, ...p.quotedIn.map((q) => q.documentId)],
    })),
    BATCH,
  );
  return {
    search: (term, filters) => {
      const results = search(db, {
        ...ORAMA_SEARCH,
        term,
        ...(hasFilters(filters) ? { where: where(filters) } : {}),
      } as SearchParams<typeof db>);
      if (results instanceof Promise) throw new Error('Orama answered asynchronously');
      return results.hits.map((hit) => ({ id: hit.id, text: hit.document.text }));
    },
  };
};
