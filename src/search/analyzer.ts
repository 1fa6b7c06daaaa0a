import { stemmer } from 'stemmer';

/**
 * Text → search tokens, the same way for passages and for queries. Offsets point into the original
 * text so highlights land on the source's own characters.
 */
export interface Token {
  /** What is indexed and compared: the stem of the folded word ("surveillance" → "surveil"). */
  readonly term: string;
  /** The folded word before stemming (typo correction compares these). */
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** Stop words are kept in the stream (phrases and names contain them) but not searched alone. */
  readonly stop: boolean;
}

/**
 * Common English function words, plus the question words people type ("who runs the review?").
 * Deliberately short: words such as "not", "no" or "against" change meaning and stay searchable.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or of to in on at by for from with as into onto about than then so ' +
    'is are was were be been being am do does did doing done has have had having ' +
    'it its this that these those there here which who whom whose what when where why how ' +
    'i me my we our us you your he him his she her they them their ' +
    'will would shall should can could may might must ' +
    'any some such very just also too more most other own same only both each ' +
    'tell show give please say said says'
  ).split(' '),
);

/**
 * A word: letters, marks and digits, with inner apostrophes ("don't", "Guardian’s"). "&" stands
 * for "and" so "Covington & Burling" and "Covington and Burling" read alike. "+972" and "8200"
 * are words of digits.
 */
const WORD = /(?:\+(?=\p{N}))?[\p{L}\p{M}\p{N}]+(?:['’‘`][\p{L}\p{M}\p{N}]+)*|&/gu;

/** Marks stop-word terms; "_" never occurs inside a word. */
export const STOP_TERM_PREFIX = '_';

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Folds a word: case, accents, apostrophes, the possessive ’s. */
export function foldWord(raw: string): string {
  if (raw === '&') return 'and';
  return raw
    .replace(/^\+/, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]s$/u, '')
    .replace(/['’‘`]/gu, '');
}

/** The stem of a folded word; digits and non-Latin scripts are left as they are. */
export function stem(word: string): string {
  if (!/^[a-z]{3,}$/.test(word)) return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    // The cache is for the hot path (queries and index builds); bounded so huge corpora cannot grow it forever.
    if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, stemmed);
  }
  return stemmed;
}

export function analyze(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = foldWord(match[0]);
    if (word.length === 0) continue;
    const stop = STOP_WORDS.has(word);
    tokens.push({
      // Stop words get a term of their own kind, so "us" (stop word) never meets "use" (stem "us").
      term: stop ? STOP_TERM_PREFIX + word : stem(word),
      word,
      start: match.index,
      end: match.index + match[0].length,
      stop,
    });
  }
  return tokens;
}
