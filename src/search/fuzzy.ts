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

export class FuzzyVocabulary {
  private readonly variants = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || !/^\p{L}+$/u.test(word)) continue;
      for (const variant of [word, ...deletions(word)]) {
        const list = this.variants.get(variant);
        if (list) list.push(word);
        else this.variants.set(variant, [word]);
      }
    }
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
      for (const candidate of this.variants.get(probe) ?? []) {
        if (candidate === word || found.has(candidate)) continue;
        const distance = editDistance(word, candidate, maxEdits);
        if (distance <= maxEdits) found.set(candidate, distance);
      }
    }
    return [...found].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  }
}
