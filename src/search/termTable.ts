import type { WordTerm } from '../text/analyzer.js';

/**
 * The corpus's terms as small integers, for the per-passage term sequences that scoring reads:
 * term ↔ id, each term's document frequency, which ids are stop words, and which folded words
 * the corpus uses (typo correction and completion look words up here).
 */
export class TermTable {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly stops: boolean[] = [];
  readonly documentFrequency: number[] = [];
  /** Folded word → its term, for the words passages use (stop words excluded). */
  readonly words = new Map<string, string>();

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

  /** The id of a passage's word; records the word for corrections and completion. */
  internWord(analyzed: WordTerm): number {
    const id = this.intern(analyzed.term);
    this.stops[id] = analyzed.stop;
    if (!analyzed.stop) this.words.set(analyzed.word, analyzed.term);
    return id;
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
