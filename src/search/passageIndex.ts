import type { Party, SourceDocument } from '../corpus/corpusTypes.js';
import type { Passage } from '../passages/passageTypes.js';
import { analyze } from './analyzer.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { buildPostings, ImpactIndex, type Postings } from './impactIndex.js';
import { RANKING } from './options.js';
import { PhraseMatcher, type PhraseEntry } from './phrases.js';
import { encodePassages, type PassageSequences } from './sequences.js';
import { TermTable, type TermTableParts } from './termTable.js';

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

/** Everything an index is made of besides its input: what is persisted. */
export interface IndexParts {
  readonly table: TermTableParts;
  readonly sequences: PassageSequences;
  readonly postings: Postings;
  /** The typo-correction index; its words as positions in `table.words`. */
  readonly fuzzyWords: Int32Array;
  readonly fuzzyStarts: Int32Array;
  readonly fuzzyEntries: Int32Array;
  /** `table.words` in sorted order, as positions. */
  readonly sortedWords: Int32Array;
}

/**
 * The searchable form of the passages: a FlexSearch index for candidates, and per passage the
 * sequence of its term ids (for exact BM25, phrases and proximity, which FlexSearch lacks).
 */
export class PassageIndex {
  readonly passages: readonly Passage[];
  readonly phrases: PhraseMatcher;
  private readonly table: TermTable;
  private readonly sequences: PassageSequences;
  readonly averageLength: number;
  private readonly impacts: ImpactIndex;
  /** Per term id: 1 when the term stands for a party (`@party:…`). */
  private readonly partyTerms: Uint8Array;
  /** Scratch for scorers (one per search, released at its end); see `acquireTermMarks`. */
  private termMarks: Int32Array | undefined;
  /** The corpus's words, sorted (for completion). */
  private readonly sortedWords: string[];
  private readonly fuzzyVocabulary: FuzzyVocabulary;

  /** Builds the index of `input`, or takes it from `stored` (parts of an index of the same input). */
  constructor(input: IndexInput, stored?: IndexParts) {
    this.passages = input.passages;
    this.phrases = new PhraseMatcher(phraseEntries(input.parties, input.synonyms));
    if (stored) {
      this.table = TermTable.restore(stored.table);
      this.sequences = stored.sequences;
    } else {
      this.table = new TermTable();
      const documents = new Map(input.documents.map((d) => [d.id, d]));
      this.sequences = encodePassages(input.passages, documents, this.table, this.phrases);
    }
    this.averageLength =
      input.passages.length > 0
        ? Math.max(1, this.sequences.totalLength / input.passages.length)
        : 1;
    this.partyTerms = new Uint8Array(this.table.size);
    for (let id = 0; id < this.table.size; id++)
      if (this.table.term(id).startsWith(PARTY_TOKEN)) this.partyTerms[id] = 1;
    const postings =
      stored?.postings ??
      buildPostings(
        this.sequences,
        this.table,
        (tf, ordinal) => this.termWeight(tf, ordinal) / (RANKING.k1 + 1),
        RANKING.candidatesPerTerm,
      );
    this.impacts = new ImpactIndex(postings, this.table);
    if (stored) {
      const words = stored.table.words;
      this.fuzzyVocabulary = new FuzzyVocabulary({
        words: Array.from(stored.fuzzyWords, (i) => words[i] ?? ''),
        starts: stored.fuzzyStarts,
        entries: stored.fuzzyEntries,
      });
      this.sortedWords = Array.from(stored.sortedWords, (i) => words[i] ?? '');
    } else {
      // Built now, not on the first typo or keystroke: ready means ready, whatever the corpus size.
      this.fuzzyVocabulary = FuzzyVocabulary.build(this.table.words.keys());
      this.sortedWords = [...this.table.words.keys()].sort();
    }
  }

  /** What the index is made of, to persist it (see indexStore.ts). */
  parts(): IndexParts {
    const table = this.table.parts();
    const position = new Map(table.words.map((word, i) => [word, i]));
    const positions = (words: readonly string[]): Int32Array =>
      Int32Array.from(words, (word) => position.get(word) ?? -1);
    const fuzzy = this.fuzzyVocabulary.parts();
    return {
      table,
      sequences: this.sequences,
      postings: this.impacts.postings,
      fuzzyWords: positions(fuzzy.words),
      fuzzyStarts: fuzzy.starts,
      fuzzyEntries: fuzzy.entries,
      sortedWords: positions(this.sortedWords),
    };
  }

  /**
   * An all-zero array with a slot per term id, for a scorer to mark the query's terms in; give it
   * back zeroed with `releaseTermMarks`. Allocating one per search would cost more than the search
   * on a large corpus.
   */
  acquireTermMarks(): Int32Array {
    const marks = this.termMarks ?? new Int32Array(this.table.size);
    this.termMarks = undefined;
    return marks;
  }

  releaseTermMarks(marks: Int32Array): void {
    this.termMarks = marks;
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
    const df = this.table.documentFrequency[termId] ?? 0;
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

  /**
   * Passages that contain `term`, best BM25 weight first, at most `limit` (never less than
   * `RANKING.candidatesPerTerm`: a term in no more passages than that lists them in passage order).
   */
  postings(term: string, limit: number): number[] {
    return this.impacts.search(term, limit);
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
    const words = this.sortedWords;
    let low = 0;
    let high = words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((words[mid] ?? '') < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < words.length && (words[i] ?? '').startsWith(prefix); i++)
      found.push(words[i] ?? '');
    const frequency = (word: string): number =>
      this.documentFrequencyOf(this.termId(this.table.words.get(word) ?? '') ?? -1);
    return found.sort((a, b) => frequency(b) - frequency(a)).slice(0, limit);
  }
}
