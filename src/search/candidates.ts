import { STOP_TERM_PREFIX } from './analyzer.js';
import type { PassageIndex } from './passageIndex.js';
import type { QueryPlan } from './query.js';

/**
 * Where ranking looks: candidate passages from FlexSearch's impact-ordered postings (each query
 * term's best passages first), plus the passages that have all of the query's words, which
 * per-term cut-offs can miss on a big corpus.
 */

/** At most this many postings of a term are read to find passages with all of a set of terms. */
const SCAN_LIMIT = 5000;
/** A bitmask holds this many terms; a longer AND is checked on its rarest terms. */
const MAX_AND_TERMS = 30;

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
  const primaries = plan.groups.map((g) => g.alternatives[0]).filter((a) => a !== undefined);
  const conjunctions = primaries.length > 1 ? [primaries.map((a) => a.termId)] : [];
  for (const phrase of plan.phrases) conjunctions.push(contentTerms(index, phrase));
  for (const termIds of conjunctions) {
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

/**
 * Up to `limit` passages with all of `termIds`: the rarest term's postings, best first, kept when
 * their term sequence has the others too (a bitmask per passage, one pass over its terms).
 */
export function passagesWithAll(
  index: PassageIndex,
  termIds: readonly number[],
  limit: number,
): number[] {
  const terms = rarestFirst(index, termIds).slice(0, MAX_AND_TERMS);
  const rarest = terms[0];
  if (rarest === undefined) return [];
  const marks = index.acquireTermMarks();
  try {
    terms.forEach((id, bit) => (marks[id] = 1 << bit));
    const all = terms.length === 31 ? -1 : (1 << terms.length) - 1;
    const found: number[] = [];
    const values = index.sequenceValues;
    for (const ordinal of index.postings(index.term(rarest), SCAN_LIMIT)) {
      let seen = 0;
      const end = index.sequenceEnd(ordinal);
      for (let i = index.sequenceStart(ordinal); i < end; i++) {
        const raw = values[i] ?? 0;
        seen |= marks[raw < 0 ? ~raw : raw] ?? 0;
      }
      if (seen === all && found.push(ordinal) >= limit) break;
    }
    return found;
  } finally {
    for (const id of terms) marks[id] = 0;
    index.releaseTermMarks(marks);
  }
}
