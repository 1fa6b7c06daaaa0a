/**
 * Typo tolerance over the corpus vocabulary: finds known words within a small edit distance of an
 * unknown one (swapped, missing, extra or wrong letters). A deletion index (the SymSpell idea)
 * keeps look-ups to a few map reads instead of a scan of the vocabulary.
 */

/** Words shorter than this are never corrected: too many short words are one edit apart. */
const MIN_LENGTH = 4;
/** From this length on, two edits are allowed. */
const TWO_EDITS_FROM = 8;
/** Longer "words" are not words (pasted junk, URLs): correcting them would cost more than it helps. */
const MAX_LENGTH = 30;

function deletions(word: string): string[] {
  const variants: string[] = [];
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] ?? cap + 1;
}

/**
 * The deletion index, compact: every eligible word and each of its one-letter deletions is
 * recorded as a 32-bit hash in a bucketed array (no strings, no per-variant arrays), so a
 * vocabulary of hundreds of thousands of words costs a few megabytes and a fraction of a second.
 * A hash hit is confirmed on the strings (the probe really is the word or one of its deletions)
 * before the edit distance is measured, so hashing changes speed, never results.
 */
export interface FuzzyParts {
  readonly words: readonly string[];
  readonly starts: Int32Array;
  readonly entries: Int32Array;
}

export class FuzzyVocabulary {
  private readonly words: readonly string[];
  /** Bucket b holds entries starts[b] … starts[b + 1] - 1. */
  private readonly starts: Int32Array;
  /** Entry e is the hash `entries[2e]` of a variant of word `entries[2e + 1]` (together: one cache line). */
  private readonly entries: Int32Array;
  private readonly mask: number;

  constructor(parts: FuzzyParts) {
    this.words = parts.words;
    this.starts = parts.starts;
    this.entries = parts.entries;
    this.mask = parts.starts.length - 2;
  }

  /** The deletion index of the eligible words among `vocabulary`. */
  static build(vocabulary: Iterable<string>): FuzzyVocabulary {
    const words: string[] = [];
    let entries = 0;
    for (const word of vocabulary) {
      if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || !isLetters(word)) continue;
      words.push(word);
      entries += word.length + 1;
    }
    // About four entries a bucket: a small bucket table stays in cache while it is filled.
    const mask = (1 << Math.max(4, Math.ceil(Math.log2(entries / ENTRIES_PER_BUCKET + 1)))) - 1;
    const hashes = VARIANT_HASHES;
    const counts = new Int32Array(mask + 2);
    for (const word of words) {
      const count = variantHashes(word);
      for (let v = 0; v < count; v++) counts[bucketOf(hashes[v] ?? 0, mask) + 1]! += 1;
    }
    for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1] ?? 0;
    const starts = counts.slice();
    const pairs = new Int32Array(2 * entries);
    const next = counts;
    for (let id = 0; id < words.length; id++) {
      const count = variantHashes(words[id] ?? '');
      for (let v = 0; v < count; v++) {
        const hash = hashes[v] ?? 0;
        const at = next[bucketOf(hash, mask)]!++;
        pairs[2 * at] = hash;
        pairs[2 * at + 1] = id;
      }
    }
    return new FuzzyVocabulary({ words, starts, entries: pairs });
  }

  /** Everything the index holds (to persist it). */
  parts(): FuzzyParts {
    return { words: this.words, starts: this.starts, entries: this.entries };
  }

  /** Known words close to `word`, nearest first (the word itself is not included). */
  corrections(word: string): string[] {
    if (word.length < MIN_LENGTH || word.length > MAX_LENGTH) return [];
    const maxEdits = word.length >= TWO_EDITS_FROM ? 2 : 1;
    const probes = new Set([word, ...deletions(word)]);
    if (maxEdits === 2)
      for (const variant of deletions(word)) for (const d of deletions(variant)) probes.add(d);
    const found = new Map<string, number>();
    for (const probe of probes) {
      const hash = hashOf(probe);
      const bucket = bucketOf(hash, this.mask);
      for (let at = this.starts[bucket] ?? 0; at < (this.starts[bucket + 1] ?? 0); at++) {
        if (this.entries[2 * at] !== hash) continue;
        const candidate = this.words[this.entries[2 * at + 1] ?? -1];
        if (candidate === undefined || candidate === word || found.has(candidate)) continue;
        if (!isVariant(probe, candidate)) continue;
        const distance = editDistance(word, candidate, maxEdits);
        if (distance <= maxEdits) found.set(candidate, distance);
      }
    }
    return [...found].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  }
}

const HASH_BASE = 0x9e3779b1 | 0;
const ENTRIES_PER_BUCKET = 4;

/** A polynomial hash of a string's UTF-16 code units, mod 2^32. */
function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++)
    hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/** HASH_BASE^i for every length a vocabulary word can have. */
const POWERS = Int32Array.from({ length: MAX_LENGTH + 1 }, (_, i) => {
  let power = 1;
  for (let k = 0; k < i; k++) power = Math.imul(power, HASH_BASE);
  return power;
});
/** Scratch for `variantHashes` (words are at most MAX_LENGTH long). */
const SUFFIX_HASHES = new Int32Array(MAX_LENGTH + 2);
const VARIANT_HASHES = new Int32Array(MAX_LENGTH + 1);

/**
 * Puts in VARIANT_HASHES `hashOf` the word and of each of its one-letter deletions, without
 * building the strings (hash(prefix + suffix) = hash(prefix)·BASE^|suffix| + hash(suffix));
 * returns how many.
 */
function variantHashes(word: string): number {
  const n = word.length;
  const suffix = SUFFIX_HASHES;
  suffix[n] = 0;
  for (let i = n - 1; i >= 0; i--)
    suffix[i] = (Math.imul(word.charCodeAt(i), POWERS[n - 1 - i] ?? 0) + (suffix[i + 1] ?? 0)) | 0;
  VARIANT_HASHES[0] = suffix[0] ?? 0;
  let prefix = 0;
  for (let i = 0; i < n; i++) {
    VARIANT_HASHES[i + 1] = (Math.imul(prefix, POWERS[n - 1 - i] ?? 0) + (suffix[i + 1] ?? 0)) | 0;
    prefix = (Math.imul(prefix, HASH_BASE) + word.charCodeAt(i)) | 0;
  }
  return n + 1;
}

/** Letters only (lowercase ASCII checked without a Unicode pattern: nearly every word is). */
function isLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return /^\p{L}+$/u.test(word);
  }
  return true;
}

function bucketOf(hash: number, mask: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return (mixed ^ (mixed >>> 16)) & mask;
}

/** Whether `probe` is `word` or `word` with one letter deleted. */
function isVariant(probe: string, word: string): boolean {
  if (probe === word) return true;
  if (probe.length !== word.length - 1) return false;
  let i = 0;
  while (i < probe.length && probe.charCodeAt(i) === word.charCodeAt(i)) i++;
  for (; i < probe.length; i++) if (probe.charCodeAt(i) !== word.charCodeAt(i + 1)) return false;
  return true;
}
