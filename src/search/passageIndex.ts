import { Index } from 'flexsearch';
import type { Party, SourceDocument } from '../corpus/types.js';
import type { Passage } from '../passages/types.js';
import { FuzzyVocabulary } from '../text/nearWords.js';
import { analyze } from './analyzer.js';
import { RANKING } from './options.js';
import { IMPACT_BUCKETS, PassageFinder } from './passageFinder.js';
import { PhraseMatcher, type PhraseEntry } from './phrases.js';
import { encodePassages, type PassageSequences } from './sequences.js';
import { TermTable } from './termTable.js';

export const PARTY_TOKEN = '@party:';
export const SYNONYM_TOKEN = '@syn:';

export interface IndexInput {
  readonly passages: readonly Passage[];
  readonly documents: readonly SourceDocument[];
  readonly parties: readonly Party[];
  readonly synonyms: readonly (readonly string[])[];
}

function phraseEntry(phrase: string, canonical: string): PhraseEntry[] {
  const terms = analyze(phrase).map((token) => token.term);
  return terms.length > 0 ? [{ terms, canonical }] : [];
}

/** The name and aliases of every party, as phrase entries on stems (`@party:<id>`). */
export function partyPhrases(parties: readonly Party[]): PhraseEntry[] {
  return parties.flatMap((party) =>
    [party.name, ...party.aliases].flatMap((name) => phraseEntry(name, PARTY_TOKEN + party.id)),
  );
}

/** Alias phrases of every party and every synonym group, as phrase entries on stems. */
function phraseEntries(
  parties: readonly Party[],
  synonyms: readonly (readonly string[])[],
): PhraseEntry[] {
  return [
    ...partyPhrases(parties),
    ...synonyms.flatMap((group, index) =>
      group.flatMap((phrase) => phraseEntry(phrase, `${SYNONYM_TOKEN}${index}`)),
    ),
  ];
}

/** Larger weight (0 … 1) → earlier bucket. */
function bucketOf(weight: number): number {
  return Math.min(IMPACT_BUCKETS - 1, Math.floor((1 - weight) * IMPACT_BUCKETS));
}

/**
 * The searchable form of the passages: FlexSearch finds them (`finder`, and `vocabulary` for
 * completing a word being typed); per passage the sequence of its term ids serves scoring.
 */
export class PassageIndex {
  readonly passages: readonly Passage[];
  readonly phrases: PhraseMatcher;
  readonly finder = new PassageFinder();
  private readonly table = new TermTable();
  private readonly sequences: PassageSequences;
  readonly averageLength: number;
  /** Per term id: 1 when the term stands for a party (`@party:…`). */
  private readonly partyTerms: Uint8Array;
  /** The corpus's words, most frequent first, with FlexSearch's forward (prefix) tokenizer. */
  private readonly vocabulary = new Index({ tokenize: 'forward', encode: (word) => [word] });
  private readonly vocabularyWords: string[];
  private readonly fuzzyVocabulary: FuzzyVocabulary;

  /**
   * Builds the index of `input`. With `stored` (FlexSearch's export of this very input, see
   * indexStore.ts), FlexSearch's index is imported instead of built.
   */
  constructor(input: IndexInput, stored?: Iterable<readonly [string, string]>) {
    this.passages = input.passages;
    this.phrases = new PhraseMatcher(phraseEntries(input.parties, input.synonyms));
    const documents = new Map(input.documents.map((d) => [d.id, d]));
    this.sequences = encodePassages(input.passages, documents, this.table, this.phrases);
    this.averageLength =
      input.passages.length > 0
        ? Math.max(1, this.sequences.totalLength / input.passages.length)
        : 1;
    this.partyTerms = new Uint8Array(this.table.size);
    for (let id = 0; id < this.table.size; id++)
      if (this.table.term(id).startsWith(PARTY_TOKEN)) this.partyTerms[id] = 1;
    if (stored) for (const [key, data] of stored) this.finder.import(key, data);
    else this.addToFinder();
    this.vocabularyWords = [...this.table.words.keys()]
      .sort()
      .sort((a, b) => this.wordFrequency(b) - this.wordFrequency(a));
    // In frequency order: FlexSearch keeps insertion order, so completions come most frequent first.
    this.vocabularyWords.forEach((word, i) => this.vocabulary.add(i, word));
    // Built now, not on the first typo: ready means ready, whatever the corpus size.
    this.fuzzyVocabulary = FuzzyVocabulary.build(this.table.words.keys());
  }

  /** Hands every passage to FlexSearch: its distinct content terms, each in its weight's bucket. */
  private addToFinder(): void {
    const tf = new Map<number, number>();
    for (let ordinal = 0; ordinal < this.passages.length; ordinal++) {
      const passage = this.passages[ordinal] as Passage;
      tf.clear();
      for (let i = this.sequenceStart(ordinal); i < this.sequenceEnd(ordinal); i++) {
        const raw = this.sequences.values[i] as number;
        const id = raw < 0 ? ~raw : raw;
        if (raw >= 0 && this.table.isStop(id)) continue;
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      const terms: string[] = [];
      const buckets: number[] = [];
      for (const [id, count] of tf) {
        terms.push(this.table.term(id));
        buckets.push(bucketOf(this.termWeight(count, ordinal) / (RANKING.k1 + 1)));
      }
      this.finder.add({
        ordinal,
        terms,
        buckets,
        sources: [passage.documentId, ...passage.quotedIn.map((q) => q.documentId)],
        speaker: passage.speakerId,
        kind: passage.kind,
      });
    }
  }

  isStopTerm(id: number): boolean {
    return this.table.isStop(id);
  }

  isPartyTerm(id: number): boolean {
    return this.partyTerms[id] === 1;
  }

  /** The party id a `@party:…` term stands for. */
  partyOfTerm(id: number): string | undefined {
    return this.isPartyTerm(id) ? this.table.term(id).slice(PARTY_TOKEN.length) : undefined;
  }

  /** BM25 term-frequency saturation with length normalisation. */
  termWeight(tf: number, ordinal: number): number {
    const length = this.sequences.lengths[ordinal] ?? this.averageLength;
    const norm = RANKING.k1 * (1 - RANKING.b + (RANKING.b * length) / this.averageLength);
    return (tf * (RANKING.k1 + 1)) / (tf + norm);
  }

  /** Inverse document frequency (BM25's, never negative). */
  idf(termId: number): number {
    const n = this.passages.length;
    const df = this.documentFrequencyOf(termId);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** How many terms the index knows (ids are 0 … termCount − 1). */
  get termCount(): number {
    return this.table.size;
  }

  termId(term: string): number | undefined {
    return this.table.get(term);
  }

  term(id: number): string {
    return this.table.term(id);
  }

  documentFrequencyOf(termId: number): number {
    return this.table.documentFrequency[termId] ?? 0;
  }

  /** The passage's term ids in order (added tokens as ~id). */
  sequence(ordinal: number): Int32Array {
    return this.sequenceValues.subarray(this.sequenceStart(ordinal), this.sequenceEnd(ordinal));
  }

  /**
   * Every passage's term ids, one after the other: passage `o`'s are from `sequenceStart(o)` to
   * `sequenceEnd(o)`. Hot loops read them here rather than through `sequence`, which allocates.
   */
  get sequenceValues(): Int32Array {
    return this.sequences.values;
  }

  sequenceStart(ordinal: number): number {
    return this.sequences.starts[ordinal] ?? 0;
  }

  sequenceEnd(ordinal: number): number {
    return this.sequences.starts[ordinal + 1] ?? 0;
  }

  /** The term of a folded word, when the corpus has that word. */
  knownWord(word: string): string | undefined {
    return this.table.words.get(word);
  }

  /** Corpus words close to an unknown word. */
  corrections(word: string): string[] {
    return this.fuzzyVocabulary.corrections(word);
  }

  /** Corpus words that start with `prefix`, most frequent first. */
  completions(prefix: string, limit: number): string[] {
    if (prefix.length === 0 || limit <= 0) return [];
    return (this.vocabulary.search(prefix, { limit }) as number[]).map(
      (i) => this.vocabularyWords[i] ?? '',
    );
  }

  private wordFrequency(word: string): number {
    return this.documentFrequencyOf(this.termId(this.table.words.get(word) ?? '') ?? -1);
  }

  /** FlexSearch's export of the passage index, for indexStore.ts. */
  exportFinder(): [string, string][] {
    const chunks: [string, string][] = [];
    this.finder.export((key, data) => chunks.push([key, data]));
    return chunks;
  }
}
