import { analyze, foldWord } from '../search/analyzer.js';
import type { PhraseMatcher } from '../search/phrases.js';
import { PARTY_TOKEN } from '../search/passageIndex.js';
import { monthNumber } from './questionWords.js';

/**
 * What a question can match in a text (a passage or an editors' unit): its terms (stems), the
 * parties it names, the dates and numbers it holds, and its capitalised words (names of places
 * and things, which answer "where" and "which country").
 */
export interface TextFeatures {
  readonly terms: ReadonlySet<string>;
  readonly partyIds: ReadonlySet<string>;
  readonly months: ReadonlySet<number>;
  readonly years: ReadonlySet<number>;
  readonly hasNumber: boolean;
  /** Folded words written with a capital, other than a sentence's first word. */
  readonly names: readonly string[];
  /** Number of words (for preferring the shorter of two equally good texts). */
  readonly length: number;
}

const NUMBER_WORDS = new Set([
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'millions',
  'billion',
  'billions',
  'dozens',
]);

export function textFeatures(text: string, parties: PhraseMatcher): TextFeatures {
  const tokens = analyze(text);
  const terms = new Set<string>();
  const months = new Set<number>();
  const years = new Set<number>();
  const names: string[] = [];
  let hasNumber = false;
  tokens.forEach((token, index) => {
    if (!token.stop) terms.add(token.term);
    const raw = text.slice(token.start, token.end);
    const month = /^[A-Z]/.test(raw) ? monthNumber(token.word) : undefined;
    if (month !== undefined && (token.word !== 'may' || /\d/.test(text.slice(token.end, token.end + 4))))
      months.add(month);
    if (/^(?:19|20)\d\d$/.test(token.word)) years.add(Number(token.word));
    if (/^\d/.test(token.word) || NUMBER_WORDS.has(token.word)) hasNumber = true;
    const sentenceStart = index === 0 || /[.!?]\s*$/.test(text.slice(0, token.start));
    if (!sentenceStart && /^\p{Lu}/u.test(raw) && !token.stop) names.push(foldWord(raw));
  });
  const partyIds = new Set<string>();
  for (const match of parties.match(tokens)) {
    if (match.canonical.startsWith(PARTY_TOKEN))
      partyIds.add(match.canonical.slice(PARTY_TOKEN.length));
  }
  return { terms, partyIds, months, years, hasNumber, names, length: tokens.length };
}
