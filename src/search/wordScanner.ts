import { wordAt } from './analyzer.js';

/**
 * Where the words of a text are — exactly the words `scanWords` finds — without running its
 * Unicode pattern on the words that dominate English text. A word of ASCII letters and digits
 * ends where those end (the pattern cannot run on past a space or punctuation), so it is read
 * straight from the characters, with a hash of them in lower case for callers that look words
 * up. Everything else — accents, curly apostrophes, "+972", "&" — is found by the pattern itself.
 */
export interface WordVisitor {
  /** An ASCII word at `[start, end)`, with the FNV-1a hash of its characters in lower case. */
  ascii(start: number, end: number, hash: number): void;
  /** Any other word, as written, at `start`. */
  other(raw: string, start: number): void;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;
const SPACE = 0x20;
const APOSTROPHE = 0x27;
const BACKTICK = 0x60;
const PLUS = 0x2b;
const AMPERSAND = 0x26;

export function isAsciiWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** An ASCII letter in lower case; other characters as they are. */
export function lowerCase(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

export function scanWordsFast(text: string, visitor: WordVisitor): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (isAsciiWordChar(c)) {
      let hash = FNV_OFFSET;
      let j = i;
      for (; j < length; j++) {
        const d = text.charCodeAt(j);
        if (!isAsciiWordChar(d)) break;
        hash = Math.imul(hash ^ lowerCase(d), FNV_PRIME);
      }
      const next = j < length ? text.charCodeAt(j) : SPACE;
      if (next < 0x80 && next !== APOSTROPHE && next !== BACKTICK) {
        visitor.ascii(i, j, hash);
        i = j;
        continue;
      }
    } else if (c < 0x80 && c !== PLUS && c !== AMPERSAND) {
      i++;
      continue;
    }
    const raw = wordAt(text, i);
    if (raw === undefined) i++;
    else {
      visitor.other(raw, i);
      i += raw.length;
    }
  }
}
