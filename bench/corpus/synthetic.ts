import type { Party } from '../../src/corpus/corpusTypes.js';
import type { Passage, PassageKind } from '../../src/passages/passageTypes.js';
import { Random, ZipfSampler, type ZipfLaw } from './random.js';
import { buildVocabulary, passageWords, type Vocabulary } from './vocabulary.js';

/**
 * Deterministic news-like passages for the benchmarks: sentences whose lengths follow a
 * log-normal law (median ~20 words, like news prose), words drawn from a Zipf law over the
 * ranked vocabulary, some commas and numbers, grouped in documents and paragraphs, attributed as
 * narration, reported speech or direct quotes of the seed story's parties.
 *
 * Passages are generated directly, not as Markdown run through `buildPassages`: sentence
 * splitting of a million sentences would dominate the set-up time and is the same for every
 * engine (they all index passages).
 */

export const SYNTHETIC_SEED = 0x5eed_2025;
/** Mixed into the seed for the vocabulary's random stream. */
const VOCABULARY_STREAM = 0x0b0c_ab1e;

/**
 * Word frequencies: Zipf's law with exponent ≈ 1 over the core vocabulary and ≈ 2 beyond it
 * (Ferrer i Cancho & Solé 2001, "Two regimes in the frequency of words", on the British National
 * Corpus). A single exponent over a 275k-word list would give ten thousand sentences some 45k
 * distinct words where news text has about 20k; the second regime keeps vocabulary growth like
 * real text's (Heaps' law) at every size.
 */
const WORD_FREQUENCIES: ZipfLaw = { exponent: 1.05, breakRank: 10_000, tailExponent: 2 };
/** log-normal sentence length in words: exp(μ + σ·N(0,1)). */
const LENGTH_MU = 3.0;
const LENGTH_SIGMA = 0.45;
const MIN_WORDS = 4;
const MAX_WORDS = 70;
const COMMA_RATE = 0.07;
const NUMBER_RATE = 0.015;
const QUESTION_RATE = 0.03;
const PASSAGES_PER_DOCUMENT = { min: 8, max: 40 };
const SENTENCES_PER_PARAGRAPH = { min: 1, max: 4 };
const KIND_SHARES: readonly (readonly [PassageKind, number])[] = [
  ['narration', 0.7],
  ['reported', 0.15],
  ['direct-quote', 0.15],
];

export interface SeedKnowledge {
  /** The seed corpus's passages: they open every synthetic corpus, so the story is in it. */
  readonly passages: readonly Passage[];
  readonly parties: readonly Party[];
}

/**
 * How many passages use each word, counted while generating (scanning a million passages
 * afterwards would take longer than generating them).
 */
class WordCounts {
  private readonly byRank: Int32Array;
  private readonly lastPassageOfRank: Int32Array;
  private readonly others = new Map<string, { count: number; lastPassage: number }>();
  private passage = 0;

  constructor(vocabularySize: number) {
    this.byRank = new Int32Array(vocabularySize);
    this.lastPassageOfRank = new Int32Array(vocabularySize);
  }

  nextPassage(): void {
    this.passage++;
  }

  rank(rank: number): void {
    if (this.lastPassageOfRank[rank] === this.passage) return;
    this.lastPassageOfRank[rank] = this.passage;
    this.byRank[rank] = (this.byRank[rank] ?? 0) + 1;
  }

  word(key: string): void {
    const entry = this.others.get(key);
    if (!entry) this.others.set(key, { count: 1, lastPassage: this.passage });
    else if (entry.lastPassage !== this.passage) {
      entry.count++;
      entry.lastPassage = this.passage;
    }
  }

  /** Passages using `key` (a lowercased word). */
  frequency(vocabulary: Vocabulary, key: string): number {
    const rank = vocabulary.rankOf(key);
    return (rank === undefined ? 0 : (this.byRank[rank] ?? 0)) + (this.others.get(key)?.count ?? 0);
  }
}

export class SentenceGenerator {
  private readonly zipf: ZipfSampler;
  readonly counts: WordCounts;

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly random: Random,
  ) {
    this.zipf = new ZipfSampler(vocabulary.words.length, WORD_FREQUENCIES);
    this.counts = new WordCounts(vocabulary.words.length);
  }

  /** A sentence for a new passage. */
  sentence(): string {
    const random = this.random;
    this.counts.nextPassage();
    const length = Math.min(
      MAX_WORDS,
      Math.max(MIN_WORDS, Math.round(Math.exp(LENGTH_MU + LENGTH_SIGMA * random.normal()))),
    );
    const parts: string[] = [];
    for (let i = 0; i < length; i++) {
      let word = random.chance(NUMBER_RATE) ? this.number() : this.word();
      if (i === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
      parts.push(word);
      if (i < length - 1) parts.push(random.chance(COMMA_RATE) ? ', ' : ' ');
    }
    parts.push(random.chance(QUESTION_RATE) ? '?' : '.');
    // One flat string, like text sliced from a document. A rope of concatenations would be
    // flattened (and its pieces freed) inside whichever engine reads it first, distorting that
    // engine's build time and memory.
    return parts.join('');
  }

  private word(): string {
    const rank = this.zipf.sample(this.random);
    this.counts.rank(rank);
    return this.vocabulary.words[rank] ?? 'the';
  }

  private number(): string {
    const number = this.random.chance(0.5)
      ? String(1990 + this.random.int(36))
      : String(1 + this.random.int(9999));
    this.counts.word(number);
    return number;
  }
}

export interface SyntheticCorpus {
  readonly passages: Passage[];
  /** How many passages use a word (lowercased, as the query mix reads words). */
  readonly documentFrequency: (key: string) => number;
}

/** Vocabularies already built in this process: building one reads and sorts 275k words. */
const vocabularies = new Map<string, Vocabulary>();

function vocabularyFor(seedTexts: readonly string[], seed: number): Vocabulary {
  const key = `${seed}\u0000${seedTexts.join('\u0000')}`;
  let vocabulary = vocabularies.get(key);
  if (!vocabulary) {
    // Its own random stream, so a vocabulary is the same whether built or remembered.
    vocabulary = buildVocabulary(seedTexts, new Random(seed ^ VOCABULARY_STREAM));
    vocabularies.set(key, vocabulary);
  }
  return vocabulary;
}

/**
 * `count` passages: the seed's, then synthetic ones up to `count` (never fewer than the seed's).
 * Same `count` and `seed`, same passages, byte for byte.
 */
export function syntheticCorpus(
  knowledge: SeedKnowledge,
  count: number,
  seed = SYNTHETIC_SEED,
): SyntheticCorpus {
  const random = new Random(seed);
  const vocabulary = vocabularyFor(
    knowledge.passages.map((p) => p.text),
    seed,
  );
  const sentences = new SentenceGenerator(vocabulary, random);
  const passages: Passage[] = [...knowledge.passages];
  const parties = knowledge.parties;
  const publishers = parties.filter((p) => /guardian|972|local-call|fox/.test(p.id));
  let document = 0;
  while (passages.length < count) {
    const documentId = `synthetic-${String(++document).padStart(6, '0')}`;
    const publisher = random.pick(publishers.length > 0 ? publishers : parties);
    const size =
      PASSAGES_PER_DOCUMENT.min +
      random.int(PASSAGES_PER_DOCUMENT.max - PASSAGES_PER_DOCUMENT.min + 1);
    let offset = 0;
    let paragraph = 0;
    for (let made = 0; made < size && passages.length < count;) {
      paragraph++;
      const inParagraph =
        SENTENCES_PER_PARAGRAPH.min +
        random.int(SENTENCES_PER_PARAGRAPH.max - SENTENCES_PER_PARAGRAPH.min + 1);
      for (let n = 1; n <= inParagraph && made < size && passages.length < count; n++, made++) {
        const text = sentences.sentence();
        const kind = pickKind(random);
        const speaker = kind === 'narration' ? publisher : random.pick(parties);
        passages.push({
          id: `${documentId}:${paragraph}.${n}`,
          ordinal: passages.length,
          documentId,
          start: offset,
          end: offset + text.length,
          text,
          paragraph,
          kind,
          speakerId: speaker.id,
          speaker: speaker.name,
          quotedIn: [],
        });
        offset += text.length + 1;
      }
      offset += 1;
    }
  }
  const seedCounts = new Map<string, number>();
  for (const passage of knowledge.passages) {
    for (const key of new Set(passageWords(passage.text)))
      seedCounts.set(key, (seedCounts.get(key) ?? 0) + 1);
  }
  return {
    passages: passages.slice(0, Math.max(count, knowledge.passages.length)),
    documentFrequency: (key) =>
      sentences.counts.frequency(vocabulary, key) + (seedCounts.get(key) ?? 0),
  };
}

function pickKind(random: Random): PassageKind {
  let roll = random.next();
  for (const [kind, share] of KIND_SHARES) {
    roll -= share;
    if (roll < 0) return kind;
  }
  return 'narration';
}
