import { Index } from 'flexsearch';
import type { Party, SourceDocument } from '../corpus/corpusTypes.js';
import type { Passage } from '../passages/passageTypes.js';
import { FuzzyVocabulary } from '../text/nearWords.js';
import { PARTY_TOKEN, phraseEntries, PhraseMatcher } from '../text/phrases.js';
import { RANKING } from './options.js';
import { IMPACT_BUCKETS, PassageFinder } from './passageFinder.js';
import { encodePassages, type PassageSequences } from './sequences.js';
import { TermTable } from './termTable.js';

export interface IndexInput {
  readonly passages: readonly Passage[];
  readonly documents: readonly SourceDocument[];
  readonly parties: readonly Party[];
  readonly synonyms: readonly (readonly string[])[];
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
  readonly finder: PassageFinder;
  private readonly table = new TermTable();
  private readonly sequences: PassageSequences;
  private readonly averageLength: number;
  /** Per term id: 1 when the term stands for a party (`@party:…`). */
  private readonly partyTerms: Uint8Array;
  /**
   * The corpus's words, most frequent first, in a FlexSearch index with the forward (prefix)
   * tokenizer. Built on the first completion (autocomplete; `prepareCompletions`), not with the
   * index: only someone typing needs it, and it costs about as much as the passages' index.
   */
  private vocabulary: { readonly index: Index; readonly words: readonly string[] } | undefined;
  private readonly fuzzyVocabulary: FuzzyVocabulary;

  /**
   * Builds the index of `input`. With `stored` (FlexSearch's export of this very input, see
   * indexStore.ts), FlexSearch's index is imported instead of built.
   */
  constructor(input: IndexInput, stored?: Iterable<readonly [string, string]>) {
    this.passages = input.passages;
    this.finder = new PassageFinder(input.passages.length);
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
    // Built now, not on the first typo: ready means ready, whatever the corpus size.
    this.fuzzyVocabulary = FuzzyVocabulary.build(this.table.words.keys());
  }

  /** Hands every passage to FlexSearch: its distinct content terms, each in its weight's bucket. */
  private addToFinder(): void {
    // Per term id, its count in the passage being added; `present` lists the ids counted.
    const tf = new Int32Array(this.table.size);
    const present: number[] = [];
    for (let ordinal = 0; ordinal < this.passages.length; ordinal++) {
      const passage = this.passages[ordinal] as Passage;
      present.length = 0;
      for (let i = this.sequenceStart(ordinal); i < this.sequenceEnd(ordinal); i++) {
        const raw = this.sequences.values[i] as number;
        const id = raw < 0 ? ~raw : raw;
        if (raw >= 0 && this.table.isStop(id)) continue;
        if ((tf[id] ?? 0) === 0) present.push(id);
        tf[id] = (tf[id] ?? 0) + 1;
      }
      const terms: string[] = [];
      const buckets: number[] = [];
      for (const id of present) {
        terms.push(this.table.term(id));
        buckets.push(bucketOf(this.termWeight(tf[id] ?? 0, ordinal) / (RANKING.k1 + 1)));
        tf[id] = 0;
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

  termId(term: string): number | undefined {
    return this.table.get(term);
  }

  term(id: number): string {
    return this.table.term(id);
  }

  documentFrequencyOf(termId: number): number {
    return this.table.documentFrequency[termId] ?? 0;
  }

  /**
   * Every passage's term ids (added tokens as ~id), one after the other: passage `o`'s are from
   * `sequenceStart(o)` to `sequenceEnd(o)`.
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
    const { index, words } = this.prepareCompletions();
    return (index.search(prefix, { limit }) as number[]).map((i) => words[i] ?? '');
  }

  /** Builds the completion index now (a bot does so right after start-up). */
  prepareCompletions(): { readonly index: Index; readonly words: readonly string[] } {
    if (this.vocabulary) return this.vocabulary;
    const frequency = new Map<string, number>();
    for (const [word, term] of this.table.words)
      frequency.set(word, this.documentFrequencyOf(this.termId(term) ?? -1));
    const words = [...frequency.keys()]
      .sort()
      .sort((a, b) => (frequency.get(b) ?? 0) - (frequency.get(a) ?? 0));
    const index = new Index({ tokenize: 'forward', encode: (word) => [word] });
    // In frequency order: FlexSearch keeps insertion order, so completions come most frequent first.
    words.forEach((word, i) => index.add(i, word));
    this.vocabulary = { index, words };
    return this.vocabulary;
  }

  /** FlexSearch's export of the passage index, for indexStore.ts. */
  exportFinder(): [string, string][] {
    const chunks: [string, string][] = [];
    this.finder.export((key, data) => chunks.push([key, data]));
    return chunks;
  }
}
