import { analyze, type Token } from './analyzer.js';

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
  private readonly canonicals = new Set<string>();

  constructor(entries: readonly PhraseEntry[]) {
    for (const entry of entries) {
      this.canonicals.add(entry.canonical);
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

  /** Whether `term` is the token some phrase stands for (`@party:…`, `@syn:…`). */
  isCanonical(term: string): boolean {
    return this.canonicals.has(term);
  }

  /** Whether some phrase starts with `term`. */
  startsWith(term: string): boolean {
    return this.byFirstTerm.has(term);
  }

  /** Every occurrence; at one position, the longest phrase of each canonical token only. */
  match(tokens: readonly Token[]): PhraseMatch[] {
    return this.matchTerms(tokens.map((token) => token.term));
  }

  /** `match` over the tokens' terms alone (index builds have terms, not tokens). */
  matchTerms(terms: readonly string[]): PhraseMatch[] {
    const matches: PhraseMatch[] = [];
    const source: TermSource = {
      length: terms.length,
      termAt(index) {
        return terms[index];
      },
    };
    for (let from = 0; from < terms.length; from++) this.matchAt(source, from, matches);
    return matches;
  }

  /** Appends to `matches` the phrases that start at term `from` of `terms`. */
  matchAt(terms: TermSource, from: number, matches: PhraseMatch[]): void {
    const candidates = this.byFirstTerm.get(terms.termAt(from) ?? '');
    if (!candidates) return;
    const seen = new Set<string>();
    for (const entry of candidates) {
      if (seen.has(entry.canonical) || !matchesAt(terms, from, entry.terms)) continue;
      seen.add(entry.canonical);
      matches.push({ canonical: entry.canonical, from, to: from + entry.terms.length });
    }
  }
}

/** A stream of terms, however it is stored. */
export interface TermSource {
  readonly length: number;
  termAt(index: number): string | undefined;
}

function matchesAt(terms: TermSource, from: number, phrase: readonly string[]): boolean {
  if (from + phrase.length > terms.length) return false;
  for (let i = 0; i < phrase.length; i++) if (terms.termAt(from + i) !== phrase[i]) return false;
  return true;
}

export const PARTY_TOKEN = '@party:';
export const SYNONYM_TOKEN = '@syn:';

/** What phrase matching needs of a party of the corpus. */
export interface NamedParty {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

function phraseEntry(phrase: string, canonical: string): PhraseEntry[] {
  const terms = analyze(phrase).map((token) => token.term);
  return terms.length > 0 ? [{ terms, canonical }] : [];
}

/** The name and aliases of every party, as phrase entries on stems (`@party:<id>`). */
export function partyPhrases(parties: readonly NamedParty[]): PhraseEntry[] {
  return parties.flatMap((party) =>
    [party.name, ...party.aliases]
      .flatMap((name) => [name, ...possessiveForm(name)])
      .flatMap((name) => phraseEntry(name, PARTY_TOKEN + party.id)),
  );
}

/**
 * "Government of Israel" is also "Israel's government" (read as "israel government"): a name of
 * the form "A of B", with nothing else in it, said the other way round.
 */
function possessiveForm(name: string): string[] {
  const parts = /^(\p{L}+) of (\p{L}+)$/iu.exec(name.trim());
  return parts ? [`${parts[2]} ${parts[1]}`] : [];
}

/** Alias phrases of every party and every synonym group, as phrase entries on stems. */
export function phraseEntries(
  parties: readonly NamedParty[],
  synonyms: readonly (readonly string[])[],
): PhraseEntry[] {
  return [
    ...partyPhrases(parties),
    ...synonyms.flatMap((group, index) =>
      group.flatMap((phrase) => phraseEntry(phrase, `${SYNONYM_TOKEN}${index}`)),
    ),
  ];
}
