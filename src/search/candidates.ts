import { STOP_TERM_PREFIX } from '../text/analyzer.js';
import type { PassageFilters } from './filters.js';
import type { PassageIndex } from './passageIndex.js';
import type { QueryPlan } from './query.js';

/**
 * Where ranking looks, all of it found by FlexSearch: each query term's best passages (by the
 * term's weight in them), plus the passages that have most of the query's words. Per-term
 * cut-offs alone miss those on a big corpus: a long passage has a low weight for each word it
 * shares with a question, yet the most words of it (measured: `npm run bench:pool`).
 */
export function gatherCandidates(
  index: PassageIndex,
  plan: QueryPlan,
  perTerm: number,
  filters: PassageFilters,
): Set<number> {
  const candidates = new Set<number>();
  const add = (ordinals: readonly number[]): void => {
    for (const ordinal of ordinals) candidates.add(ordinal);
  };
  const fetched = new Set<number>();
  for (const group of plan.groups) {
    for (const { termId } of group.alternatives) {
      if (fetched.has(termId)) continue;
      fetched.add(termId);
      add(index.finder.best(index.term(termId), perTerm, filters));
    }
  }
  if (missesPassagesWithMost(index, plan, perTerm))
    add(
      index.finder.withMost(
        plan.groups.map((group) => index.term(group.alternatives[0]?.termId ?? -1)),
        perTerm,
        filters,
      ),
    );
  for (const phrase of plan.phrases) {
    add(
      index.finder.withAll(
        phraseWords(index, phrase).map((id) => index.term(id)),
        perTerm,
        filters,
      ),
    );
  }
  return candidates;
}

/** A passage has "most" of a question's words when it has this share of them (and two). */
const MOST_WORDS_SHARE = 0.6;

/**
 * Whether the per-term reads may have missed a passage with most of the question's words.
 * Such a passage has one of the `n − need + 1` rarest words; when every passage of those words
 * was read already (no more than `perTerm` have each), nothing is missing. FlexSearch's partial
 * match (`suggest`) reads every posting of every word, so it runs only when this says so.
 */
function missesPassagesWithMost(index: PassageIndex, plan: QueryPlan, perTerm: number): boolean {
  const n = plan.groups.length;
  if (n < 2) return false;
  const need = Math.max(2, Math.ceil(n * MOST_WORDS_SHARE));
  const frequency = (group: QueryPlan['groups'][number]): number =>
    group.alternatives.reduce((sum, { termId }) => sum + index.documentFrequencyOf(termId), 0);
  const rarest = plan.groups
    .map(frequency)
    .sort((a, b) => a - b)
    .slice(0, n - need + 1);
  return rarest.some((df) => df > perTerm);
}

/**
 * All the passages that contain every quoted phrase of the plan (and pass the filters): those
 * FlexSearch finds with all the phrases' words, each checked for the words in order. All of them
 * — a cut-off could report words a source has as missing. `undefined` when the phrases have no
 * word to look up.
 */
export function phraseCandidates(
  index: PassageIndex,
  plan: QueryPlan,
  filters: PassageFilters,
): number[] | undefined {
  const words = [...new Set(plan.phrases.flatMap((phrase) => phraseWords(index, phrase)))];
  if (words.length === 0) return undefined;
  const limit = Math.max(...words.map((id) => index.documentFrequencyOf(id)));
  return index.finder
    .withAll(
      words.map((id) => index.term(id)),
      limit,
      filters,
    )
    .filter((ordinal) => hasPhrases(index, plan, ordinal));
}

/** Whether the passage has every quoted phrase of the plan. */
export function hasPhrases(index: PassageIndex, plan: QueryPlan, ordinal: number): boolean {
  const values = index.sequenceValues;
  const from = index.sequenceStart(ordinal);
  const to = index.sequenceEnd(ordinal);
  for (const phrase of plan.phrases) if (!containsPhrase(values, from, to, phrase)) return false;
  return true;
}

/** Whether `values[from, to)`, its added tokens skipped, has the term ids of `phrase` in a row. */
export function containsPhrase(
  values: Int32Array,
  from: number,
  to: number,
  phrase: readonly number[],
): boolean {
  const first = phrase[0];
  if (first === undefined) return true;
  for (let i = from; i < to; i++) {
    if (values[i] !== first) continue;
    let at = i;
    let matched = 1;
    while (matched < phrase.length) {
      at++;
      while (at < to && (values[at] ?? 0) < 0) at++;
      if (at >= to || values[at] !== phrase[matched]) break;
      matched++;
    }
    if (matched === phrase.length) return true;
  }
  return false;
}

/** The phrase's words that are searched alone (its stop words left out). */
function phraseWords(index: PassageIndex, phrase: readonly number[]): number[] {
  return phrase.filter((id) => !index.term(id).startsWith(STOP_TERM_PREFIX));
}
