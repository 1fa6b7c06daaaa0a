import type { Token } from './analyzer.js';

/**
 * Multi-word names and equivalences found in a token stream: party aliases ("Israeli Defense
 * Force" → the IDF), synonyms from the editors' knowledge ("carry out" ~ "conduct"). Matching is on
 * stems, so "Israeli Defense Forces" and "Israeli Defense Force" are the same name.
 */
export interface PhraseEntry {
  readonly terms: readonly string[];
  /** The token every occurrence stands for, e.g. `@party:idf` or `@syn:3`. */
  readonly canonical: string;
}

export interface PhraseMatch {
  readonly canonical: string;
  /** Token indexes, `to` exclusive. */
  readonly from: number;
  readonly to: number;
}

export class PhraseMatcher {
  private readonly byFirstTerm = new Map<string, PhraseEntry[]>();

  constructor(entries: readonly PhraseEntry[]) {
    for (const entry of entries) {
      const first = entry.terms[0];
      if (first === undefined) continue;
      const list = this.byFirstTerm.get(first) ?? [];
      list.push(entry);
      this.byFirstTerm.set(first, list);
    }
    // Longest first, so "Covington and Burling" wins over "Covington".
    for (const list of this.byFirstTerm.values())
      list.sort((a, b) => b.terms.length - a.terms.length);
  }

  get size(): number {
    return this.byFirstTerm.size;
  }

  /** Every occurrence; at one position, the longest phrase of each canonical token only. */
  match(tokens: readonly Token[]): PhraseMatch[] {
    const matches: PhraseMatch[] = [];
    for (let from = 0; from < tokens.length; from++) {
      const candidates = this.byFirstTerm.get(tokens[from]?.term ?? '');
      if (!candidates) continue;
      const seen = new Set<string>();
      for (const entry of candidates) {
        if (seen.has(entry.canonical) || !matchesAt(tokens, from, entry.terms)) continue;
        seen.add(entry.canonical);
        matches.push({ canonical: entry.canonical, from, to: from + entry.terms.length });
      }
    }
    return matches;
  }
}

function matchesAt(tokens: readonly Token[], from: number, terms: readonly string[]): boolean {
  if (from + terms.length > tokens.length) return false;
  for (let i = 0; i < terms.length; i++) if (tokens[from + i]?.term !== terms[i]) return false;
  return true;
}
