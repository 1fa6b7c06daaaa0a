import { STOP_WORDS } from '../text/analyzer.js';
import { headWord, withCollocations } from './collocations.js';
import type { Difference, SourceWords } from './differences.js';
import { isNegation } from './negations.js';
import { numbersIn, type StatedNumber } from './numbers.js';
import { words, type Word } from './words.js';

/**
 * Differences that change what a quotation means, not how it is worded: a negation added or left
 * out ("found evidence" for "found no evidence"), a word swapped for its opposite ("unlimited" for
 * "limited"), a number, date, month or year changed ("2024" for "2023"). Punctuation, "&" for "and",
 * case and abbreviations ("Oct" for "October") change nothing here.
 */
export type MeaningChangeKind = 'negation' | 'opposite' | 'number';

export interface MeaningChange {
  readonly kind: MeaningChangeKind;
  /** The message's words that change the meaning; empty when it leaves the source's words out. */
  readonly said: string;
  /** The source's words it contradicts, or for words the message adds, where they would stand. */
  readonly source: SourceWords;
}

/** Opposites, from WordNet (lexicon/). */
export interface OppositeWords {
  areOpposites(a: string, b: string, reach?: 'direct' | 'swapped'): boolean;
  /** Whether WordNet knows the word or collocation, in any inflection ("abided by"). */
  isWord(word: string): boolean;
}

export interface MeaningInput {
  readonly differences: readonly Difference[];
  /** The quotation's words. */
  readonly quoted: readonly Word[];
  /** The text of the document matched, and where the quotation was matched in it. */
  readonly sourceText: string;
  readonly match: SourceWords;
  /** The words of the source's sentences around the match (document offsets). */
  readonly context: readonly Word[];
  readonly lexicon: OppositeWords;
}

/** Words of one difference, on each side, with document offsets for the source's. */
interface Sides {
  readonly difference: Difference;
  readonly said: readonly Word[];
  readonly source: readonly Word[];
}

function sides(difference: Difference): Sides {
  const said = difference.type === 'missing' ? [] : words(difference.said);
  const source =
    difference.type === 'added'
      ? []
      : words(difference.source).map((w) => ({
          ...w,
          start: w.start + difference.at.start,
          end: w.end + difference.at.start,
        }));
  return { difference, said, source };
}

const spanOf = (found: readonly { start: number; end: number }[], fallback: SourceWords) =>
  found.length > 0
    ? { start: found[0]?.start ?? 0, end: found[found.length - 1]?.end ?? 0 }
    : fallback;

const saidText = (found: readonly Word[]): string => found.map((w) => w.word).join(' ');

function negationChanges(all: readonly Sides[]): MeaningChange[] {
  const count = (list: readonly Word[]): number => list.filter((w) => isNegation(w.word)).length;
  const said = all.reduce((n, s) => n + count(s.said), 0);
  const source = all.reduce((n, s) => n + count(s.source), 0);
  // A negation moved or reworded ("did not find any" for "found no") leaves the count as it was.
  if (said === source) return [];
  return all
    .filter((s) => count(s.said) !== count(s.source))
    .map((s) => {
      const saidNegations = s.said.filter((w) => isNegation(w.word));
      const sourceNegations = s.source.filter((w) => isNegation(w.word));
      return {
        kind: 'negation',
        said: saidNegations.length > 0 ? saidText(saidNegations) : saidText(s.said),
        source: spanOf(sourceNegations.length > 0 ? sourceNegations : s.source, s.difference.at),
      };
    });
}

/**
 * Numbers the message states where the source states others. A number left out, or added where
 * the source has none, is an omission or an addition, not a change. Words the message adds at
 * either end of a quotation stand where the alignment stopped, so the source's words just past
 * that end are their counterpart ("October 7, 2024" against "October 7, 2023, to help").
 */
function numberChanges(all: readonly Sides[], input: MeaningInput): MeaningChange[] {
  const stated = all.map(({ difference }) => {
    if (difference.type === 'missing') return { difference, said: [], source: [] };
    const said = numbersIn(difference.said);
    if (difference.type === 'changed') {
      const source = numbersIn(difference.source).map((n) => ({
        ...n,
        start: n.start + difference.at.start,
        end: n.end + difference.at.start,
      }));
      return { difference, said, source };
    }
    const edge =
      difference.at.start >= input.match.end
        ? 'after'
        : difference.at.end <= input.match.start
          ? 'before'
          : undefined;
    const source = edge ? numbersBeside(input.sourceText, difference.at, said.length, edge) : [];
    return { difference, said, source };
  });
  const unmatched = stated.flatMap((d) => d.source.map((n) => n.value));
  const changes: MeaningChange[] = [];
  for (const { difference, said, source } of stated) {
    if (source.length === 0 || difference.type === 'missing') continue;
    const changed = said.filter((n) => {
      const at = unmatched.indexOf(n.value);
      if (at >= 0) unmatched.splice(at, 1);
      return at < 0;
    });
    if (changed.length > 0)
      changes.push({
        kind: 'number',
        said: changed.map((n) => difference.said.slice(n.start, n.end)).join(' '),
        source: spanOf(source, difference.at),
      });
  }
  return changes;
}

/** The numbers among the `count` source words right after (or before) an insertion point. */
function numbersBeside(
  text: string,
  at: SourceWords,
  count: number,
  side: 'after' | 'before',
): StatedNumber[] {
  const reach = 40 * Math.max(1, count);
  const from = side === 'after' ? at.end : Math.max(0, at.start - reach);
  const to = side === 'after' ? Math.min(text.length, at.end + reach) : at.start;
  const near = words(text.slice(from, to));
  const beside = side === 'after' ? near.slice(0, count) : near.slice(-count);
  return beside.flatMap((w) =>
    numbersIn(text.slice(from + w.start, from + w.end)).map((n) => ({
      ...n,
      start: from + w.start,
      end: from + w.end,
    })),
  );
}

/** Words worth asking WordNet about: not a negation, a number, a letter or a pair of stop words. */
function comparable(a: string, b: string): boolean {
  if (a === b || a.length < 2 || b.length < 2) return false;
  if (STOP_WORDS.has(a) && STOP_WORDS.has(b)) return false;
  return ![a, b].some((w) => isNegation(w) || /\d/.test(w));
}

/**
 * A word the message puts in whose opposite the source says: in the same place (a changed word,
 * where looser opposites count too: a derivation, a kind of the opposite), or elsewhere in the sentence the quotation comes from, when the
 * message does not say that too ("is allowed under their terms of service" against "… is against
 * their terms of service and is prohibited").
 */
function oppositeChanges(all: readonly Sides[], input: MeaningInput): MeaningChange[] {
  const quoted = new Set(input.quoted.map((w) => w.word));
  const sourceWords = new Set(input.context.map((w) => w.word));
  // Phrasal verbs are read whole ("abided by"), besides their words one by one.
  const terms = (list: readonly Word[]): Word[] =>
    withCollocations(list, (phrase) => input.lexicon.isWord(phrase));
  const context = terms(input.context);
  const changes: MeaningChange[] = [];
  for (const s of all) {
    const said = terms(s.said);
    const found =
      oppositeIn(said, terms(s.source), input.lexicon, 'swapped') ??
      oppositeIn(
        said.filter((w) => !sourceWords.has(headWord(w))),
        context.filter((w) => !quoted.has(headWord(w))),
        input.lexicon,
        'direct',
      );
    if (found) changes.push({ kind: 'opposite', said: found.said.word, source: found.source });
  }
  return changes;
}

/** Bounds the look-ups for one difference (a pasted essay is not one word changed). */
const MAX_SAID_WORDS = 12;

function oppositeIn(
  said: readonly Word[],
  source: readonly Word[],
  lexicon: OppositeWords,
  reach: 'direct' | 'swapped',
): { said: Word; source: Word } | undefined {
  for (const w of said.slice(0, MAX_SAID_WORDS)) {
    for (const v of source) {
      if (comparable(w.word, v.word) && lexicon.areOpposites(w.word, v.word, reach))
        return { said: w, source: v };
    }
  }
  return undefined;
}

/** Every change of meaning among a close quotation's differences, in the message's order. */
export function meaningChanges(input: MeaningInput): MeaningChange[] {
  const all = input.differences.map(sides);
  const changes = [
    ...negationChanges(all),
    ...oppositeChanges(all, input),
    ...numberChanges(all, input),
  ];
  return changes.sort((a, b) => a.source.start - b.source.start);
}
