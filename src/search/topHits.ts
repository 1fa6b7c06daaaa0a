import type { Scored } from './scoring.js';

/**
 * The best `limit` of a stream of scored passages — highest score first, ties by passage order —
 * without sorting the whole stream (a common word brings thousands of candidates; a page shows
 * three). `limit` is small, so a sorted array with insertion is the fastest structure.
 */
export class TopHits {
  private readonly best: Scored[] = [];

  constructor(private readonly limit: number) {}

  /** The score a passage must beat to get in; -Infinity while there is room. */
  get floor(): number {
    return this.best.length < this.limit ? -Infinity : (this.best.at(-1)?.score ?? -Infinity);
  }

  offer(candidate: Scored): void {
    if (this.limit <= 0) return;
    let at = this.best.length;
    while (at > 0 && ranksBefore(candidate, this.best[at - 1] as Scored)) at--;
    if (at >= this.limit) return;
    this.best.splice(at, 0, candidate);
    if (this.best.length > this.limit) this.best.pop();
  }

  /** Best first. */
  get hits(): readonly Scored[] {
    return this.best;
  }
}

function ranksBefore(a: Scored, b: Scored): boolean {
  return a.score > b.score || (a.score === b.score && a.ordinal < b.ordinal);
}
