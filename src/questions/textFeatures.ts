import { analyze, foldWord, stem } from '../text/analyzer.js';
import type { PhraseMatcher } from '../text/phrases.js';
import { PARTY_TOKEN } from '../text/phrases.js';
import { DOCUMENT_NOUNS, monthNumber, REASON_WORDS } from './questionWords.js';

/** The term a text gets for naming a document ("article", "piece"); every source unit has it. */
export const DOCUMENT_TERM = '@document';

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
  /** Token indexes of its dates (month names and years). */
  readonly dates: readonly number[];
  /** Token indexes of its amounts (numbers and number words that are not names or dates). */
  readonly amounts: readonly number[];
  /** Says why: "after", "because", "prompted" … */
  readonly reasons: boolean;
  /** Folded words written with a capital (not a sentence's first word), and their token index. */
  readonly names: readonly { readonly word: string; readonly at: number }[];
  /** Token indexes of each term. */
  readonly positions: ReadonlyMap<string, readonly number[]>;
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

/**
 * `lemmas` gives a word's dictionary forms ("written" → write): their stems are added to the
 * text's terms, so "wrote" in a question meets "written" in a text.
 */
export function textFeatures(
  text: string,
  parties: PhraseMatcher,
  lemmas: (word: string) => readonly string[] = () => [],
): TextFeatures {
  const tokens = analyze(text);
  const terms = new Set<string>();
  const months = new Set<number>();
  const years = new Set<number>();
  const names: { word: string; at: number }[] = [];
  const positions = new Map<string, number[]>();
  const amounts: number[] = [];
  const dates: number[] = [];
  let reasons = false;
  tokens.forEach((token, index) => {
    if (!token.stop) {
      // "article", "story", "piece", "report": in news, each names a document.
      if (DOCUMENT_NOUNS.has(token.word)) terms.add(DOCUMENT_TERM);
      for (const term of [token.term, ...lemmas(token.word).map(stem)]) {
        terms.add(term);
        positions.set(term, [...(positions.get(term) ?? []), index]);
      }
    }
    const raw = text.slice(token.start, token.end);
    const month = /^[A-Z]/.test(raw) ? monthNumber(token.word) : undefined;
    // "May" is a month only before a day: "May 15".
    const isMonth =
      month !== undefined &&
      (token.word !== 'may' || /\d/.test(text.slice(token.end, token.end + 4)));
    if (isMonth) {
      months.add(month);
      dates.push(index);
    }
    const isYear = /^(?:19|20)\d\d$/.test(token.word);
    if (isYear) {
      years.add(Number(token.word));
      dates.push(index);
    }
    const dayOfMonth =
      monthNumber(tokens[index - 1]?.word ?? '') !== undefined && /^\d{1,2}$/.test(token.word);
    if ((/^\d/.test(token.word) && !dayOfMonth && !isYear) || NUMBER_WORDS.has(token.word))
      amounts.push(index);
    if (REASON_WORDS.has(token.word)) reasons = true;
    const sentenceStart = index === 0 || /[.!?]\s*$/.test(text.slice(0, token.start));
    if (!sentenceStart && /^\p{Lu}/u.test(raw) && !token.stop)
      names.push({ word: foldWord(raw), at: index });
  });
  const partyIds = new Set<string>();
  const inNames = new Set<number>();
  for (const match of parties.match(tokens)) {
    if (!match.canonical.startsWith(PARTY_TOKEN)) continue;
    partyIds.add(match.canonical.slice(PARTY_TOKEN.length));
    positions.set(match.canonical, [...(positions.get(match.canonical) ?? []), match.from]);
    for (let i = match.from; i < match.to; i++) inNames.add(i);
  }
  // "Unit 8200" and "+972" are names, not amounts.
  const amountsOutsideNames = amounts.filter((index) => !inNames.has(index));
  return {
    terms,
    partyIds,
    months,
    years,
    amounts: amountsOutsideNames,
    dates,
    reasons,
    names,
    positions,
    length: tokens.length,
  };
}
