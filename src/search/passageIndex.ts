import { Index } from 'flexsearch';
import type { Party, SourceDocument } from '../corpus/types.js';
import type { Passage } from '../passages/types.js';
import { analyze, STOP_TERM_PREFIX, type Token } from './analyzer.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { RANKING } from './options.js';
import { PhraseMatcher, type PhraseEntry } from './phrases.js';

export const PARTY_TOKEN = '@party:';
export const SYNONYM_TOKEN = '@syn:';

/**
 * FlexSearch orders each term's postings by a "score" bucket we choose at insertion (0 = first).
 * We put each passage in the bucket of its BM25 term weight, so FlexSearch returns a term's best
 * passages first and a bounded number of candidates per term is a good pool to rank exactly.
 */
const IMPACT_BUCKETS = 16;

export interface IndexInput {
  readonly passages: readonly Passage[];
  readonly documents: readonly SourceDocument[];
  readonly parties: readonly Party[];
  readonly synonyms: readonly (readonly string[])[];
}

/** Alias phrases of every party and every synonym group, as phrase entries on stems. */
function phraseEntries(
  parties: readonly Party[],
  synonyms: readonly (readonly string[])[],
): PhraseEntry[] {
  const entries: PhraseEntry[] = [];
  const add = (phrase: string, canonical: string): void => {
    const terms = analyze(phrase).map((token) => token.term);
    if (terms.length > 0) entries.push({ terms, canonical });
  };
  for (const party of parties) {
    for (const phrase of [party.name, ...party.aliases]) add(phrase, PARTY_TOKEN + party.id);
  }
  synonyms.forEach((group, index) => {
    for (const phrase of group) add(phrase, `${SYNONYM_TOKEN}${index}`);
  });
  return entries;
}

/** What a passage's "sic" notes add: the intended words, at the misspelling's place. */
interface SicExtra {
  readonly afterToken: number;
  readonly terms: readonly string[];
}

function sicExtras(
  passage: Passage,
  tokens: readonly Token[],
  document: SourceDocument | undefined,
): SicExtra[] {
  const extras: SicExtra[] = [];
  for (const note of document?.sic ?? []) {
    for (
      let at = passage.text.indexOf(note.text);
      at >= 0;
      at = passage.text.indexOf(note.text, at + 1)
    ) {
      const end = at + note.text.length;
      const last = tokens.findLastIndex((token) => token.start < end);
      if (last >= 0)
        extras.push({
          afterToken: last,
          terms: analyze(note.means)
            .filter((t) => !t.stop)
            .map((t) => t.term),
        });
    }
  }
  return extras;
}

/**
 * The searchable form of the passages: a FlexSearch index for candidates, and per passage the
 * sequence of its term ids (for exact BM25, phrases and proximity, which FlexSearch lacks).
 */
export class PassageIndex {
  readonly passages: readonly Passage[];
  readonly phrases: PhraseMatcher;
  /** Term → id; stop words have ids too (phrases contain them) but are never indexed alone. */
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly documentFrequency: number[] = [];
  /** Per passage, its tokens' term ids in order; ids of added tokens (names, synonyms, sic) are stored as ~id. */
  private readonly sequences: Int32Array;
  private readonly sequenceStarts: Uint32Array;
  private readonly lengths: Uint16Array;
  readonly averageLength: number;
  private readonly flex: Index;
  /** Folded word → its term, for typo correction and completion. */
  private readonly words = new Map<string, string>();
  private sortedWords: string[] | undefined;
  private fuzzyVocabulary: FuzzyVocabulary | undefined;

  constructor(input: IndexInput) {
    this.passages = input.passages;
    this.phrases = new PhraseMatcher(phraseEntries(input.parties, input.synonyms));
    const documents = new Map(input.documents.map((d) => [d.id, d]));

    const sequences: number[][] = [];
    const lengths = new Uint16Array(input.passages.length);
    let totalLength = 0;
    for (const passage of input.passages) {
      const tokens = analyze(passage.text);
      const sequence = this.encodePassage(passage, tokens, documents.get(passage.documentId));
      sequences.push(sequence);
      const length = tokens.reduce((n, token) => n + (token.stop ? 0 : 1), 0);
      lengths[passage.ordinal] = Math.min(length, 0xffff);
      totalLength += length;
    }
    this.lengths = lengths;
    this.averageLength =
      input.passages.length > 0 ? Math.max(1, totalLength / input.passages.length) : 1;

    const total = sequences.reduce((n, s) => n + s.length, 0);
    this.sequences = new Int32Array(total);
    this.sequenceStarts = new Uint32Array(sequences.length + 1);
    let offset = 0;
    sequences.forEach((sequence, ordinal) => {
      this.sequenceStarts[ordinal] = offset;
      this.sequences.set(sequence, offset);
      offset += sequence.length;
    });
    this.sequenceStarts[sequences.length] = offset;

    this.flex = this.buildFlexIndex(sequences);
  }

  private id(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.documentFrequency.push(0);
    }
    return id;
  }

  private encodePassage(
    passage: Passage,
    tokens: readonly Token[],
    document: SourceDocument | undefined,
  ): number[] {
    const extrasAfter = new Map<number, string[]>();
    const addExtra = (afterToken: number, term: string): void => {
      const list = extrasAfter.get(afterToken) ?? [];
      list.push(term);
      extrasAfter.set(afterToken, list);
    };
    for (const match of this.phrases.match(tokens)) addExtra(match.to - 1, match.canonical);
    for (const extra of sicExtras(passage, tokens, document)) {
      for (const term of extra.terms) addExtra(extra.afterToken, term);
    }
    const sequence: number[] = [];
    const seen = new Set<number>();
    const count = (id: number): void => {
      if (seen.has(id)) return;
      seen.add(id);
      this.documentFrequency[id] = (this.documentFrequency[id] ?? 0) + 1;
    };
    tokens.forEach((token, index) => {
      const id = this.id(token.term);
      sequence.push(id);
      if (!token.stop) {
        count(id);
        if (!this.words.has(token.word)) this.words.set(token.word, token.term);
      }
      for (const term of extrasAfter.get(index) ?? []) {
        const extraId = this.id(term);
        sequence.push(~extraId);
        count(extraId);
      }
    });
    return sequence;
  }

  private buildFlexIndex(sequences: readonly number[][]): Index {
    let impacts = new Map<string, number>();
    const flex = new Index({
      tokenize: 'strict',
      resolution: IMPACT_BUCKETS,
      // Passages arrive as their searchable terms joined by spaces: our analyzer already did the work.
      encode: (content: string) => (content ? content.split(' ') : []),
      score: (_content: string[], term: string) => impacts.get(term) ?? IMPACT_BUCKETS - 1,
    });
    sequences.forEach((sequence, ordinal) => {
      const counts = new Map<number, number>();
      for (const raw of sequence) {
        const id = raw < 0 ? ~raw : raw;
        if (raw >= 0 && this.isStopId(id)) continue;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      impacts = new Map();
      for (const [id, tf] of counts)
        impacts.set(this.terms[id] ?? '', this.impactBucket(tf, ordinal));
      if (impacts.size > 0) flex.add(ordinal, [...impacts.keys()].join(' '));
    });
    return flex;
  }

  /** BM25's term-frequency part (0 … k1+1), mapped to a bucket: larger weight → earlier bucket. */
  private impactBucket(tf: number, ordinal: number): number {
    const weight = this.termWeight(tf, ordinal) / (RANKING.k1 + 1);
    return Math.min(IMPACT_BUCKETS - 1, Math.floor((1 - weight) * IMPACT_BUCKETS));
  }

  /** BM25 term-frequency saturation with length normalisation. */
  termWeight(tf: number, ordinal: number): number {
    const length = this.lengths[ordinal] ?? this.averageLength;
    const norm = RANKING.k1 * (1 - RANKING.b + (RANKING.b * length) / this.averageLength);
    return (tf * (RANKING.k1 + 1)) / (tf + norm);
  }

  private isStopId(id: number): boolean {
    return this.term(id).startsWith(STOP_TERM_PREFIX);
  }

  /** Inverse document frequency (BM25's, never negative). */
  idf(termId: number): number {
    const n = this.passages.length;
    const df = this.documentFrequency[termId] ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  term(id: number): string {
    return this.terms[id] ?? '';
  }

  documentFrequencyOf(termId: number): number {
    return this.documentFrequency[termId] ?? 0;
  }

  /** The passage's term ids in order (added tokens as ~id). */
  sequence(ordinal: number): Int32Array {
    return this.sequences.subarray(
      this.sequenceStarts[ordinal] ?? 0,
      this.sequenceStarts[ordinal + 1] ?? 0,
    );
  }

  /** Passages that contain `term`, best BM25 weight first, at most `limit`. */
  postings(term: string, limit: number): number[] {
    return this.flex.search(term, { limit }) as number[];
  }

  /** Passages that contain every one of `terms`. */
  intersection(terms: readonly string[], limit: number): number[] {
    return this.flex.search(terms.join(' '), { limit }) as number[];
  }

  /** The term of a folded word, when the corpus has that word. */
  knownWord(word: string): string | undefined {
    return this.words.get(word);
  }

  /** Corpus words close to an unknown word. */
  corrections(word: string): string[] {
    this.fuzzyVocabulary ??= new FuzzyVocabulary(this.words.keys());
    return this.fuzzyVocabulary.corrections(word);
  }

  /** Corpus words that start with `prefix`, most frequent first. */
  completions(prefix: string, limit: number): string[] {
    this.sortedWords ??= [...this.words.keys()].sort();
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
      this.documentFrequencyOf(this.termId(this.words.get(word) ?? '') ?? -1);
    return found.sort((a, b) => frequency(b) - frequency(a)).slice(0, limit);
  }
}
