/**
 * A small seeded generator (sfc32), so a corpus and a query mix are the same on every run and
 * every machine: Math.random cannot be seeded.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // The first outputs of sfc32 still show the seed; discard them.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A uniform float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Random.pick: empty list');
    return item;
  }

  /** A standard normal deviate (Box–Muller, both values used). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    const u = 1 - this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

/** Word frequency by rank: Zipf's law in two regimes, as large English corpora show. */
export interface ZipfLaw {
  /** Exponent of the core vocabulary (≈ 1). */
  readonly exponent: number;
  /** Rank where the core vocabulary ends… */
  readonly breakRank: number;
  /** …and the exponent of the rarer words after it (≈ 2): frequency ∝ 1 / rank^tailExponent. */
  readonly tailExponent: number;
}

/** Relative frequency of the word of 0-based `rank` (continuous at the break). */
export function zipfWeight(law: ZipfLaw, rank: number): number {
  const r = rank + 1;
  return r <= law.breakRank
    ? 1 / Math.pow(r, law.exponent)
    : Math.pow(law.breakRank, law.tailExponent - law.exponent) / Math.pow(r, law.tailExponent);
}

/**
 * Ranks drawn with probability ∝ `zipfWeight`, in constant time per draw by Vose's alias method:
 * a million passages need some twenty million draws.
 */
export class ZipfSampler {
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;

  constructor(size: number, law: ZipfLaw) {
    const weights = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank++) total += weights[rank] = zipfWeight(law, rank);
    this.probability = new Float64Array(size);
    this.alias = new Int32Array(size);
    const small: number[] = [];
    const large: number[] = [];
    for (let rank = 0; rank < size; rank++) {
      const scaled = ((weights[rank] ?? 0) * size) / total;
      weights[rank] = scaled;
      (scaled < 1 ? small : large).push(rank);
    }
    for (;;) {
      const s = small.pop();
      const l = large.pop();
      if (s === undefined || l === undefined) {
        // What is left has weight 1 up to rounding.
        for (const rank of [s, l, ...small, ...large])
          if (rank !== undefined) this.probability[rank] = 1;
        break;
      }
      this.probability[s] = weights[s] ?? 0;
      this.alias[s] = l;
      const rest = (weights[l] ?? 0) + (weights[s] ?? 0) - 1;
      weights[l] = rest;
      (rest < 1 ? small : large).push(l);
    }
  }

  /** A 0-based rank. */
  sample(random: Random): number {
    const column = random.int(this.probability.length);
    return random.next() < (this.probability[column] ?? 1) ? column : (this.alias[column] ?? 0);
  }
}
