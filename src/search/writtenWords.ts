import { stemOnce, wordTerm } from './analyzer.js';
import type { TermTable } from './termTable.js';
import { lowerCase, scanWordsFast, type WordVisitor } from './wordScanner.js';

/**
 * The index build's tokenizer: passage text → term codes (id·2 + stop bit), exactly what
 * `analyze` gives. ASCII words (see wordScanner.ts) are looked up by their characters, up to
 * case (which folding removes anyway), in a hash table: no substring, no string hashing; other
 * words by their written form. Per word as written, the fold, stem and term lookup happen once.
 */
export class WrittenWords {
  private slots = new Int32Array(1 << 12).fill(-1);
  private readonly keys: string[] = [];
  private readonly hashes: number[] = [];
  private readonly codes: number[] = [];
  /** Words the ASCII path does not take, as written. */
  private readonly others = new Map<string, number>();
  /** Where the words of the text being encoded go. */
  private out: number[] = [];
  private text = '';
  private readonly visitor: WordVisitor = {
    ascii: (start, end, hash) => this.out.push(this.asciiCode(this.text, start, end, hash)),
    other: (raw) => {
      let code = this.others.get(raw);
      if (code === undefined) {
        code = this.codeOf(raw);
        this.others.set(raw, code);
      }
      if (code >= 0) this.out.push(code);
    },
  };

  constructor(private readonly table: TermTable) {}

  /** Appends the codes of `text`'s words to `out`. */
  encode(text: string, out: number[]): void {
    this.text = text;
    this.out = out;
    scanWordsFast(text, this.visitor);
  }

  private asciiCode(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? -1;
      if (entry < 0) {
        const word = text.slice(start, end).toLowerCase();
        const code = this.codeOf(word);
        this.slots[slot] = this.keys.length;
        this.keys.push(word);
        this.hashes.push(hash);
        this.codes.push(code);
        if (this.keys.length * 2 > this.slots.length) this.grow();
        return code;
      }
      if (this.hashes[entry] === hash && sameChars(this.keys[entry] ?? '', text, start, end))
        return this.codes[entry] ?? -1;
    }
  }

  private codeOf(raw: string): number {
    // Each word is analysed once here: the shared stem cache would only grow.
    const analyzed = wordTerm(raw, stemOnce);
    return analyzed === undefined ? -1 : this.table.internWord(analyzed);
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    this.hashes.forEach((hash, entry) => {
      let slot = hash & mask;
      while ((this.slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry;
    });
  }
}

/** Whether `text[start, end)` is `key` up to ASCII case. */
function sameChars(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++)
    if (key.charCodeAt(i) !== lowerCase(text.charCodeAt(start + i))) return false;
  return true;
}
