import { STOP_TERM_PREFIX } from './analyzer.js';
import type { PassageIndex } from './passageIndex.js';
import type { QueryPlan } from './query.js';

/**
 * Where ranking looks: candidate passages from FlexSearch's impact-ordered postings (each query
 * term's best passages first), plus the passages that have most of the query's words. Per-term
 * cut-offs alone miss those on a big corpus: a long passage has a low weight for each word it
 * shares with a question, yet the most words of it (measured: `npm run bench:pool`).
 */

/** At most this many postings of a term are read to find passages with several terms. */
const SCAN_LIMIT = 5000;
/** A bitmask holds this many words; a longer query is checked on its rarest words. */
const MAX_AND_TERMS = 30;
/** A passage with at least this share of a question's words (and two) is always ranked. */
const MOST_WORDS_SHARE = 0.6;

export function gatherCandidates(
  index: PassageIndex,
  plan: QueryPlan,
  perTerm: number,
): Set<number> {
  const candidates = new Set<number>();
  /** Terms whose every passage is a candidate already (no more than `perTerm` have them). */
  const complete = new Set<number>();
  const fetched = new Set<number>();
  for (const group of plan.groups) {
    for (const { termId } of group.alternatives) {
      if (fetched.has(termId)) continue;
      fetched.add(termId);
      for (const ordinal of index.postings(index.term(termId), perTerm)) candidates.add(ordinal);
      if (index.documentFrequencyOf(termId) <= perTerm) complete.add(termId);
    }
  }
  // Each word as the alternatives it matches by (itself, synonyms, corrections).
  const words = plan.groups.map((g) => [...new Set(g.alternatives.map((a) => a.termId))]);
  if (words.length > 1) {
    const need = Math.max(2, Math.ceil(words.length * MOST_WORDS_SHARE));
    for (const ordinal of passagesWithMost(index, words, need, perTerm, complete))
      candidates.add(ordinal);
  }
  for (const phrase of plan.phrases) {
    const termIds = contentTerms(index, phrase);
    // When one of the terms is complete, every passage with all of them is in already.
    if (termIds.length === 0 || termIds.some((id) => complete.has(id))) continue;
    for (const ordinal of passagesWithAll(index, termIds, perTerm)) candidates.add(ordinal);
  }
  return candidates;
}

/**
 * All the passages that contain every quoted phrase of the plan (and pass `accepts`): the
 * postings of the phrases' rarest word, each checked. All of them — a cut-off could report
 * words a source has as missing. `undefined` when the phrases have no word to look up.
 */
export function phraseCandidates(
  index: PassageIndex,
  plan: QueryPlan,
  accepts: (ordinal: number) => boolean,
): number[] | undefined {
  const words = plan.phrases.flatMap((phrase) => contentTerms(index, phrase));
  if (words.length === 0) return undefined;
  const rarest = rarestFirst(index, words)[0] as number;
  return index
    .postings(index.term(rarest), Math.max(1, index.documentFrequencyOf(rarest)))
    .filter((ordinal) => accepts(ordinal) && hasPhrases(index, plan, ordinal));
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

function contentTerms(index: PassageIndex, phrase: readonly number[]): number[] {
  return phrase.filter((id) => !index.term(id).startsWith(STOP_TERM_PREFIX));
}

function rarestFirst(index: PassageIndex, termIds: readonly number[]): number[] {
  return [...new Set(termIds)].sort(
    (a, b) => index.documentFrequencyOf(a) - index.documentFrequencyOf(b) || a - b,
  );
}

/** Up to `limit` passages with all of `termIds`. */
export function passagesWithAll(
  index: PassageIndex,
  termIds: readonly number[],
  limit: number,
): number[] {
  const words = [...new Set(termIds)].map((id) => [id]);
  return passagesWithMost(index, words, words.length, limit);
}

/** How many passages have any of a word's alternatives, at most (some have several). */
function frequencyOf(index: PassageIndex, word: readonly number[]): number {
  let sum = 0;
  for (const id of word) sum += index.documentFrequencyOf(id);
  return sum;
}

/**
 * Up to `limit` passages with at least `need` of `words` (each word: the term ids it matches by).
 * A passage missing at most `n − need` words has one of any `n − need + 1` of them, so only the
 * postings of that many rarest words are read, best first, and each passage found is checked with
 * a bitmask of the words in its term sequence. Nothing to read when every passage of those words
 * is a candidate already (`complete`: terms with no more passages than the per-term read).
 */
export function passagesWithMost(
  index: PassageIndex,
  words: readonly (readonly number[])[],
  need: number,
  limit: number,
  complete: ReadonlySet<number> = new Set(),
): number[] {
  const ranked = [...words]
    .sort((a, b) => frequencyOf(index, a) - frequencyOf(index, b))
    .slice(0, MAX_AND_TERMS);
  const required = Math.min(need, ranked.length);
  const scanned = ranked.slice(0, ranked.length - required + 1);
  if (required === 0 || scanned.every((word) => word.every((id) => complete.has(id)))) return [];
  const marks = index.acquireTermMarks();
  try {
    ranked.forEach((word, bit) => {
      for (const id of word) marks[id] = (marks[id] ?? 0) | (1 << bit);
    });
    const found: number[] = [];
    const checked = new Set<number>();
    const values = index.sequenceValues;
    for (const word of scanned) {
      for (const id of word) {
        for (const ordinal of index.postings(index.term(id), SCAN_LIMIT)) {
          if (checked.has(ordinal)) continue;
          checked.add(ordinal);
          let seen = 0;
          const end = index.sequenceEnd(ordinal);
          for (let i = index.sequenceStart(ordinal); i < end; i++) {
            const raw = values[i] ?? 0;
            seen |= marks[raw < 0 ? ~raw : raw] ?? 0;
          }
          if (bitCount(seen) >= required && found.push(ordinal) >= limit) return found;
        }
      }
    }
    return found;
  } finally {
    for (const word of ranked) for (const id of word) marks[id] = 0;
    index.releaseTermMarks(marks);
  }
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
