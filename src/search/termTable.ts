import type { WordTerm } from './analyzer.js';

export interface TermTableParts {
  readonly terms: readonly string[];
  readonly stopIds: readonly number[];
  readonly documentFrequency: Int32Array;
  /** The corpus's words, and the id of each one's term. */
  readonly words: readonly string[];
  readonly wordTerms: Int32Array;
}

/**
 * The corpus's terms as small integers: term ↔ id, each term's document frequency, which ids are
 * stop words, and which written words the corpus uses (for typo correction and completion).
 * Stop words have ids too (phrases contain them) but are never indexed alone.
 */
export class TermTable {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly stops: boolean[] = [];
  readonly documentFrequency: number[] = [];
  /** Folded word → its term, for the words passages use (stop words excluded). */
  readonly words = new Map<string, string>();

  /** A table as `parts` described it (a persisted index). */
  static restore(parts: TermTableParts): TermTable {
    const table = new TermTable();
    for (const term of parts.terms) table.intern(term);
    for (const id of parts.stopIds) table.stops[id] = true;
    parts.documentFrequency.forEach((frequency, id) => (table.documentFrequency[id] = frequency));
    parts.words.forEach((word, i) => table.words.set(word, table.term(parts.wordTerms[i] ?? -1)));
    return table;
  }

  /** Everything the table holds, as plain lists (to persist it). */
  parts(): TermTableParts {
    const stopIds: number[] = [];
    this.stops.forEach((stop, id) => stop && stopIds.push(id));
    const words = [...this.words.keys()];
    return {
      terms: this.terms,
      stopIds,
      documentFrequency: Int32Array.from(this.documentFrequency),
      words,
      wordTerms: Int32Array.from(words, (word) => this.ids.get(this.words.get(word) ?? '') ?? -1),
    };
  }
  get size(): number {
    return this.terms.length;
  }

  /** The id of `term`, adding it if new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.stops.push(false);
      this.documentFrequency.push(0);
    }
    return id;
  }

  /** A word of a passage, as id·2 + stop bit; records the word for corrections. */
  internWord(analyzed: WordTerm): number {
    const id = this.intern(analyzed.term);
    this.stops[id] = analyzed.stop;
    // A word always has the same term: setting it again changes nothing (and saves a look-up).
    if (!analyzed.stop) this.words.set(analyzed.word, analyzed.term);
    return id * 2 + (analyzed.stop ? 1 : 0);
  }

  get(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(id: number): string {
    return this.terms[id] ?? '';
  }

  isStop(id: number): boolean {
    return this.stops[id] === true;
  }
}
