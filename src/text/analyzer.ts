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

/** A lowercase word with nothing else to fold: most words of English text. */
const PLAIN = /^[a-z0-9]+$/;

/** Folds a word: case, accents, apostrophes, the possessive ’s. */
export function foldWord(raw: string): string {
  if (raw === '&') return 'and';
  // Fast path: Unicode normalisation and the apostrophe rules cost more than the rest of analysis.
  const lower = raw.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  return raw
    .replace(/^\+/, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]s$/u, '')
    .replace(/['’‘`]/gu, '');
}

const STEMMABLE = /^[a-z]{3,}$/;

/** The stem of a folded word; digits and non-Latin scripts are left as they are. */
export function stem(word: string): string {
  if (!STEMMABLE.test(word)) return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    // The cache is for the hot path (queries and index builds); bounded so huge corpora cannot grow it forever.
    if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** What a written word stands for in the index; `undefined` for "words" that fold to nothing. */
export interface WordTerm {
  readonly term: string;
  readonly word: string;
  readonly stop: boolean;
}

/** Per word as written: most words of a text were met before, and folding and stemming cost. */
const wordTerms = new Map<string, WordTerm | null>();
const WORD_TERM_CACHE_LIMIT = 200_000;

export function wordTerm(raw: string): WordTerm | undefined {
  let known = wordTerms.get(raw);
  if (known === undefined) {
    const word = foldWord(raw);
    const stop = STOP_WORDS.has(word);
    // Stop words get a term of their own kind, so "us" (stop word) never meets "use" (stem "us").
    known =
      word.length === 0 ? null : { term: stop ? STOP_TERM_PREFIX + word : stem(word), word, stop };
    // Bounded, so huge corpora or hostile input cannot grow it forever.
    if (wordTerms.size < WORD_TERM_CACHE_LIMIT) wordTerms.set(raw, known);
  }
  return known ?? undefined;
}

/**
 * Calls `visit` with every word of `text` as written and its offset: the definition of a word.
 */
export function scanWords(text: string, visit: (raw: string, start: number) => void): void {
  // exec on one global pattern, not matchAll: matchAll clones the pattern and allocates an iterator per call.
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const next = WORD.lastIndex;
    visit(match[0], match.index);
    // `visit` may itself scan another text: resume where this one was.
    WORD.lastIndex = next;
  }
}

/** The words of `text` as written, in order: what `scanWords` visits, without their offsets. */
export function writtenWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function analyze(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (raw, start) => {
    const analyzed = wordTerm(raw);
    if (analyzed) {
      const { term, word, stop } = analyzed;
      tokens.push({ term, word, start, end: start + raw.length, stop });
    }
  });
  return tokens;
}

/** The terms of a text's words that are searched alone: its stop words left out. */
export function contentTerms(text: string): string[] {
  return analyze(text)
    .filter((token) => !token.stop)
    .map((token) => token.term);
}
