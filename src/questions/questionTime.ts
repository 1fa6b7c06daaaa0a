import type { Lexicon } from '../lexicon/lexicon.js';
import {
  AFTER_WORDS,
  AUXILIARIES,
  BEFORE_WORDS,
  DETERMINERS,
  DO_WORDS,
  monthNumber,
} from './questionWords.js';

/** When a question part speaks of, and which of its words say only that. */
export interface PartTime {
  readonly months: readonly number[];
  readonly years: readonly number[];
  /** "… after the review started": the words that name the earlier event. */
  readonly after?: string | undefined;
  readonly before?: string | undefined;
  /**
   * The positions of the words that only place the part in time, and of adverbial idioms: none
   * is a topic of the part.
   */
  readonly timeWords: ReadonlySet<number>;
}

const TIME_PREPOSITIONS = new Set([
  'in',
  'on',
  'since',
  'after',
  'before',
  'during',
  'of',
  'until',
  'by',
]);

/** Cues of a time clause only before this word ("later than", "prior to"). */
const COMPARATIVE_CUES: Readonly<Record<string, string>> = {
  later: 'than',
  earlier: 'than',
  prior: 'to',
};
/** Words that say how near in time, before "after" or "before": "right after", "shortly before". */
const TIME_DEGREE = new Set([
  'right',
  'just',
  'shortly',
  'soon',
  'immediately',
  'directly',
  'straight',
  'long',
  'well',
]);

/** The months, years and "after"/"before" clauses of a part's (standard) words. */
export function partTime(plain: readonly string[], lexicon: Lexicon): PartTime {
  const timeWords = new Set<number>();
  const { months, years } = monthsAndYears(plain, timeWords);
  const after = eventClause(plain, AFTER_WORDS, timeWords);
  const before = after === undefined ? eventClause(plain, BEFORE_WORDS, timeWords) : undefined;
  // "in the first place", "of course", "at all": adverbial idioms say nothing of the topic.
  for (const [from, to] of adverbialIdioms(plain, lexicon))
    for (let i = from; i < to; i++) timeWords.add(i);
  return { months, years, after, before, timeWords };
}

/**
 * The seasons as the months they span ("back in the spring": March to May). The story's places
 * are in the northern hemisphere, as are most of its readers.
 */
const SEASONS: Readonly<Record<string, readonly number[]>> = {
  spring: [3, 4, 5],
  summer: [6, 7, 8],
  autumn: [9, 10, 11],
  fall: [9, 10, 11],
  winter: [12, 1, 2],
};
/** Words before "spring" or "fall" that make it a season, not a verb ("did shares fall"). */
const SEASON_CUES = new Set(['last', 'next', 'early', 'late', 'mid']);

/** The months and years named, their words added to `timeWords`. */
function monthsAndYears(
  plain: readonly string[],
  timeWords: Set<number>,
): { months: number[]; years: number[] } {
  const months: number[] = [];
  const years: number[] = [];
  plain.forEach((word, i) => {
    const month = monthNumber(word);
    const isMonth =
      month !== undefined &&
      (word !== 'may' ||
        TIME_PREPOSITIONS.has(plain[i - 1] ?? '') ||
        DETERMINERS.has(plain[i - 1] ?? '') ||
        /^\d/.test(plain[i + 1] ?? ''));
    const season = SEASONS[word];
    if (
      season !== undefined &&
      (word === 'summer' ||
        word === 'autumn' ||
        word === 'winter' ||
        TIME_PREPOSITIONS.has(plain[i - 1] ?? '') ||
        DETERMINERS.has(plain[i - 1] ?? '') ||
        SEASON_CUES.has(plain[i - 1] ?? '') ||
        /^\d/.test(plain[i + 1] ?? ''))
    ) {
      months.push(...season);
      timeWords.add(i);
    } else if (isMonth) {
      months.push(month);
      timeWords.add(i);
      // "late September", "early May": where in the month is not a topic.
      if (['late', 'early', 'mid', 'end', 'beginning'].includes(plain[i - 1] ?? ''))
        timeWords.add(i - 1);
    } else if (/^(?:19|20)\d\d$/.test(word)) {
      years.push(Number(word));
      timeWords.add(i);
    }
  });
  return { months, years };
}

/**
 * The words after a cue ("after", "before") that name an event, the cue and what follows it added
 * to `timeWords`.
 */
function eventClause(
  plain: readonly string[],
  cue: ReadonlySet<string>,
  timeWords: Set<number>,
): string | undefined {
  const at = plain.findIndex((word, i) => cue.has(word) && i > 0);
  // "earlier", "later" alone say when, not after what: only "earlier than", "prior to" do.
  const comparative = COMPARATIVE_CUES[plain[at] ?? ''];
  if (at >= 0 && comparative !== undefined && plain[at + 1] !== comparative) {
    timeWords.add(at);
    return undefined;
  }
  if (at < 0) return undefined;
  // "right after", "shortly before": how near in time is not a topic either.
  const from = TIME_DEGREE.has(plain[at - 1] ?? '') ? at - 1 : at;
  // "how long after the Guardian story did Microsoft announce its review": a clause before the
  // question's own "did" ends there; the rest is what the question asks.
  const opens = !plain.slice(0, at).some((word) => AUXILIARIES.has(word));
  const main = opens ? plain.findIndex((word, i) => i > at + 1 && DO_WORDS.has(word)) : -1;
  const to = main < 0 ? plain.length : main;
  for (let i = from; i < to; i++) timeWords.add(i);
  return plain.slice(at + 1, to).join(' ');
}

/** Spans of two to four words that WordNet knows as an adverb ("in the first place"). */
function adverbialIdioms(words: readonly string[], lexicon: Lexicon): [number, number][] {
  const spans: [number, number][] = [];
  for (let from = 0; from < words.length; from++) {
    for (let to = Math.min(words.length, from + 4); to >= from + 2; to--) {
      const phrase = words.slice(from, to).join(' ');
      if (lexicon.mainPartOfSpeech(phrase) === 'adv') {
        spans.push([from, to]);
        from = to - 1;
        break;
      }
    }
  }
  return spans;
}
