import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Corpus, Party, SourceDocument } from '../../src/corpus/corpusTypes.js';
import { buildPassages } from '../../src/passages/buildPassages.js';
import type { Passage } from '../../src/passages/passageTypes.js';
import { syntheticCorpus } from './synthetic.js';

/**
 * What every engine indexes at one corpus size: the passages, and the seed corpus's documents and
 * editors' knowledge (parties, synonyms), so names and aliases behave as in production.
 */
export interface BenchCorpus {
  readonly passages: readonly Passage[];
  /** How many passages use a word (lowercased), when known without scanning them. */
  readonly documentFrequency?: (key: string) => number;
  readonly documents: readonly SourceDocument[];
  readonly parties: readonly Party[];
  readonly synonyms: readonly (readonly string[])[];
}

export interface Seed {
  readonly corpus: Corpus;
  readonly passages: readonly Passage[];
}

export async function loadSeed(): Promise<Seed> {
  const corpus = await loadCorpus();
  return { corpus, passages: buildPassages(corpus.documents, corpus.knowledge.parties) };
}

/** The seed corpus itself when `size` is at most its passage count, else a synthetic corpus of `size`. */
export function benchCorpus(seed: Seed, size: number): BenchCorpus {
  const parties = seed.corpus.knowledge.parties;
  const synthetic =
    size <= seed.passages.length
      ? undefined
      : syntheticCorpus({ passages: seed.passages, parties }, size);
  return {
    passages: synthetic?.passages ?? seed.passages,
    ...(synthetic ? { documentFrequency: synthetic.documentFrequency } : {}),
    documents: seed.corpus.documents,
    parties,
    synonyms: seed.corpus.knowledge.synonyms,
  };
}
