import { RANKING } from './options.js';
import { PARTY_TOKEN, type PassageIndex } from './passageIndex.js';
import type { QueryPlan } from './query.js';

/**
 * Relevance of one candidate passage to a query plan: BM25 per query group (the best way the
 * group matched), weighted by how much of the query the passage covers, plus bonuses for the
 * query's words in sequence or close together. Pure: same inputs, same score.
 */
export interface Scored {
  readonly ordinal: number;
  readonly score: number;
  /** Term ids that matched, for highlighting. */
  readonly matched: ReadonlySet<number>;
  /** How many query groups matched. */
  readonly groupsMatched: number;
}

/** Term ids of the sequence, with each term's content positions (stop words and added tokens share positions). */
function positionsOf(sequence: Int32Array): Map<number, number[]> {
  const positions = new Map<number, number[]>();
  let position = -1;
  for (const raw of sequence) {
    const id = raw < 0 ? ~raw : raw;
    if (raw >= 0) position++;
    const list = positions.get(id);
    if (list) list.push(position);
    else positions.set(id, [position]);
  }
  return positions;
}

export function containsPhrase(sequence: Int32Array, phrase: readonly number[]): boolean {
  const base: number[] = [];
  for (const raw of sequence) if (raw >= 0) base.push(raw);
  outer: for (let i = 0; i + phrase.length <= base.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (base[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Smallest distance spanning one position from each list (lists are sorted ascending). */
function smallestWindow(lists: readonly number[][]): number {
  const cursors = lists.map(() => 0);
  let best = Infinity;
  for (;;) {
    let min = Infinity;
    let max = -Infinity;
    let minList = -1;
    lists.forEach((list, i) => {
      const value = list[cursors[i] ?? 0] ?? Infinity;
      if (value < min) {
        min = value;
        minList = i;
      }
      max = Math.max(max, value);
    });
    best = Math.min(best, max - min);
    const cursor = (cursors[minList] ?? 0) + 1;
    if (minList < 0 || cursor >= (lists[minList]?.length ?? 0)) return best;
    cursors[minList] = cursor;
  }
}

/** Longest run of consecutive query groups found at consecutive positions, in query order. */
function longestSequence(groupPositions: readonly (readonly number[])[]): number {
  let best = 0;
  for (let g = 0; g < groupPositions.length; g++) {
    for (const start of groupPositions[g] ?? []) {
      let run = 1;
      while (
        g + run < groupPositions.length &&
        (groupPositions[g + run] ?? []).includes(start + run)
      )
        run++;
      best = Math.max(best, run);
    }
  }
  return best;
}

export interface PassageTraits {
  readonly speakerId?: string | undefined;
  readonly kind: string;
  readonly hasDate: boolean;
}

/** How many parties a passage names, besides those the query names itself. */
function partiesNamed(
  index: PassageIndex,
  positions: ReadonlyMap<number, number[]>,
  asked: ReadonlySet<string>,
): number {
  let count = 0;
  for (const id of positions.keys()) {
    const term = index.term(id);
    if (term.startsWith(PARTY_TOKEN) && !asked.has(term.slice(PARTY_TOKEN.length))) count++;
  }
  return count;
}

export function scorePassage(
  index: PassageIndex,
  plan: QueryPlan,
  ordinal: number,
  traits: PassageTraits,
): Scored {
  const positions = positionsOf(index.sequence(ordinal));
  const matched = new Set<number>();
  let base = 0;
  let coveredIdf = 0;
  let totalIdf = 0;
  let groupsMatched = 0;
  const groupPositions: number[][] = [];
  for (const group of plan.groups) {
    totalIdf += group.idf;
    let best = 0;
    let bestPositions: number[] = [];
    for (const alternative of group.alternatives) {
      const found = positions.get(alternative.termId);
      if (!found) continue;
      matched.add(alternative.termId);
      const value =
        alternative.weight *
        index.idf(alternative.termId) *
        index.termWeight(found.length, ordinal);
      if (value > best) {
        best = value;
        bestPositions = found;
      }
    }
    groupPositions.push(bestPositions);
    if (best > 0) {
      base += best;
      coveredIdf += group.idf;
      groupsMatched++;
    }
  }
  const coverage = totalIdf > 0 ? coveredIdf / totalIdf : 1;
  let score = base * (0.3 + 0.7 * coverage * coverage);

  if (plan.groups.length > 1) {
    const run = longestSequence(groupPositions);
    if (run > 1) score += (RANKING.sequenceBonus * (run - 1)) / (plan.groups.length - 1);
    const present = groupPositions.filter((list) => list.length > 0);
    if (present.length > 1) {
      const window = smallestWindow(present);
      score += (RANKING.proximityBonus * (present.length - 1)) / Math.max(1, window);
    }
  }
  if (traits.speakerId !== undefined && plan.speakerIds.has(traits.speakerId)) {
    score +=
      RANKING.speakerBonus *
      (traits.kind === 'narration' ? 0 : traits.kind === 'direct-quote' ? 1 : 0.6);
  }
  if (plan.asksWhen && traits.hasDate) score += RANKING.dateBonus;
  if (plan.asksWho)
    score += RANKING.partyBonus * Math.min(2, partiesNamed(index, positions, plan.speakerIds));
  return { ordinal, score, matched, groupsMatched };
}
