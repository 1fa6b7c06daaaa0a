import { RANKING } from './options.js';
import type { PassageIndex } from './passageIndex.js';
import type { QueryPlan } from './query.js';

/**
 * Relevance of candidate passages to a query plan: BM25 per query group (the best way the group
 * matched), weighted by how much of the query the passage covers, plus bonuses for the query's
 * words in sequence or close together. Same inputs, same score.
 *
 * A `PlanScorer` compiles the plan once per search — each distinct query term gets a slot, its
 * idf is computed once — and then reads each candidate's term sequence in one pass, collecting
 * positions for those slots only: no per-candidate maps or sets.
 */
export interface Scored {
  readonly ordinal: number;
  readonly score: number;
}

export interface PassageTraits {
  readonly speakerId?: string | undefined;
  readonly kind: string;
  readonly hasDate: boolean;
}

/** Smallest distance spanning one position from each list (lists are sorted ascending). */
function smallestWindow(lists: readonly (readonly number[])[]): number {
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

interface CompiledAlternative {
  readonly slot: number;
  /** The alternative's weight × its term's idf. */
  readonly weightIdf: number;
}

interface CompiledGroup {
  readonly idf: number;
  readonly alternatives: readonly CompiledAlternative[];
}

/**
 * A few term ids → small numbers, in an open-addressing table a quarter full: a look-up is one or
 * two typed-array reads. (A Map, or an array with a slot per term of the corpus, cost several
 * times more per search.)
 */
class SlotTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 4) size *= 2;
    this.keys = new Int32Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The value of `key`, or −1. */
  get(key: number): number {
    for (let i = key & this.mask; ; i = (i + 1) & this.mask) {
      const found = this.keys[i] as number;
      if (found === key) return this.values[i] as number;
      if (found === -1) return -1;
    }
  }

  set(key: number, value: number): void {
    let i = key & this.mask;
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & this.mask;
    this.keys[i] = key;
    this.values[i] = value;
  }
}

const NO_POSITIONS: readonly number[] = [];
/** Room for rounding when a score's upper bound is compared. */
const BOUND_SLACK = 1e-9;

export class PlanScorer {
  /** Distinct term ids of the plan's alternatives, by slot. */
  private readonly slotTerms: number[] = [];
  private readonly groups: CompiledGroup[];
  /** Per slot, the content positions of its term in the passage `stamps[slot]`. */
  private readonly positions: number[][];
  private readonly stamps: Int32Array;
  /** Passages read so far: the stamp of the one being scored. */
  private passagesRead = 0;
  /** The plan's term ids → their slots: read for every word of every candidate. */
  private readonly slots: SlotTable;
  /** The positions each group matched at, for the passage being scored. */
  private readonly groupPositions: (readonly number[])[];
  /** Party ids seen in the passage being scored ("who" questions): the first `partiesSeenCount`. */
  private readonly partiesSeen: number[] = [];
  private partiesSeenCount = 0;

  constructor(
    private readonly index: PassageIndex,
    private readonly plan: QueryPlan,
  ) {
    this.slots = new SlotTable(plan.groups.reduce((n, g) => n + g.alternatives.length, 0));
    this.groups = plan.groups.map((group) => ({
      idf: group.idf,
      alternatives: group.alternatives.map((alternative) => ({
        slot: this.slotOf(alternative.termId),
        weightIdf: alternative.weight * index.idf(alternative.termId),
      })),
    }));
    this.positions = this.slotTerms.map(() => []);
    this.stamps = new Int32Array(this.slotTerms.length);
    this.groupPositions = this.groups.map(() => NO_POSITIONS);
  }

  private slotOf(termId: number): number {
    const known = this.slots.get(termId);
    if (known >= 0) return known;
    this.slots.set(termId, this.slotTerms.length);
    return this.slotTerms.push(termId) - 1;
  }

  /**
   * Reads the passage's sequence: positions per slot, and the parties it names when asked "who".
   * A slot's positions belong to the passage being read only when its stamp says so (resetting
   * every slot's list for every candidate costs more than the reading).
   */
  private collect(ordinal: number): void {
    const stamp = ++this.passagesRead;
    this.partiesSeenCount = 0;
    const values = this.index.sequenceValues;
    const end = this.index.sequenceEnd(ordinal);
    const countParties = this.plan.asksWho;
    let position = -1;
    for (let i = this.index.sequenceStart(ordinal); i < end; i++) {
      const raw = values[i] as number;
      if (raw >= 0) position++;
      const id = raw < 0 ? ~raw : raw;
      const slot = this.slots.get(id);
      if (slot >= 0) {
        if (this.stamps[slot] === stamp) this.positions[slot]?.push(position);
        else {
          this.stamps[slot] = stamp;
          this.positions[slot] = [position];
        }
      }
      if (countParties && this.index.isPartyTerm(id)) this.seeParty(id);
    }
  }

  private seeParty(id: number): void {
    for (let i = 0; i < this.partiesSeenCount; i++) if (this.partiesSeen[i] === id) return;
    this.partiesSeen[this.partiesSeenCount++] = id;
  }

  /** Where the slot's term stands in the passage last read. */
  private positionsOf(slot: number): readonly number[] {
    return this.stamps[slot] === this.passagesRead
      ? (this.positions[slot] ?? NO_POSITIONS)
      : NO_POSITIONS;
  }

  /**
   * The passage's score; `undefined` when no query group matches it (it is not a hit at all).
   * The bonuses for query words in sequence and close together cost the most to work out; when
   * even their largest possible value cannot lift the passage above `floor`, they are skipped
   * and the result is `-Infinity`: a hit that cannot rank.
   */
  score(ordinal: number, traits: PassageTraits, floor = -Infinity): number | undefined {
    this.collect(ordinal);
    let base = 0;
    let coveredIdf = 0;
    let totalIdf = 0;
    let groupsMatched = 0;
    const groupPositions = this.groupPositions;
    for (let g = 0; g < this.groups.length; g++) {
      const group = this.groups[g] as CompiledGroup;
      totalIdf += group.idf;
      let best = 0;
      let bestPositions = NO_POSITIONS;
      for (const alternative of group.alternatives) {
        const found = this.positionsOf(alternative.slot);
        if (found.length === 0) continue;
        const value = alternative.weightIdf * this.index.termWeight(found.length, ordinal);
        if (value > best) {
          best = value;
          bestPositions = found;
        }
      }
      groupPositions[g] = bestPositions;
      if (best > 0) {
        base += best;
        coveredIdf += group.idf;
        groupsMatched++;
      }
    }
    if (groupsMatched === 0 && this.groups.length > 0) return undefined;
    const coverage = totalIdf > 0 ? coveredIdf / totalIdf : 1;
    const plan = this.plan;
    const speakerBonus =
      traits.speakerId !== undefined && plan.speakerIds.has(traits.speakerId)
        ? RANKING.speakerBonus *
          (traits.kind === 'narration' ? 0 : traits.kind === 'direct-quote' ? 1 : 0.6)
        : 0;
    const dateBonus = plan.asksWhen && traits.hasDate ? RANKING.dateBonus : 0;
    const partyBonus = plan.asksWho ? RANKING.partyBonus * Math.min(2, this.partiesNamed()) : 0;
    let score = base * (0.3 + 0.7 * coverage * coverage);

    if (this.groups.length > 1) {
      let presentCount = 0;
      for (const list of groupPositions) if (list.length > 0) presentCount++;
      const largestBonus =
        RANKING.sequenceBonus + RANKING.proximityBonus * Math.max(0, presentCount - 1);
      if (score + largestBonus + speakerBonus + dateBonus + partyBonus + BOUND_SLACK < floor)
        return -Infinity;
      const present = groupPositions.filter((list) => list.length > 0);
      const run = longestSequence(groupPositions);
      if (run > 1) score += (RANKING.sequenceBonus * (run - 1)) / (this.groups.length - 1);
      if (present.length > 1) {
        const window = smallestWindow(present);
        score += (RANKING.proximityBonus * (present.length - 1)) / Math.max(1, window);
      }
    }
    // Added in this order, always, so equal passages get bit-equal scores.
    if (speakerBonus !== 0) score += speakerBonus;
    if (dateBonus !== 0) score += dateBonus;
    if (plan.asksWho) score += partyBonus;
    return score;
  }

  /** Parties the passage names, besides those the question names itself. */
  private partiesNamed(): number {
    let count = 0;
    for (let i = 0; i < this.partiesSeenCount; i++) {
      if (!this.plan.speakerIds.has(this.index.partyOfTerm(this.partiesSeen[i] ?? -1) ?? ''))
        count++;
    }
    return count;
  }

  /** The plan's term ids that occur in the passage (what to highlight). */
  matchedTerms(ordinal: number): Set<number> {
    this.collect(ordinal);
    const matched = new Set<number>();
    this.slotTerms.forEach((termId, slot) => {
      if (this.positionsOf(slot).length > 0) matched.add(termId);
    });
    return matched;
  }
}
