/**
 * Typography folding: the characters that differ between how a quote is typed in a chat box and how
 * it is printed in a source (curly vs straight quotes, dashes, odd spaces, case). Folding never
 * changes which letters or digits a text has, so two texts that fold equal carry the same words.
 */

const APOSTROPHES = new Set([
  '\u2018',
  '\u2019',
  '\u201A',
  '\u201B',
  '\u2032',
  '\u02BC',
  '`',
  '\u00B4',
]);
const QUOTES = new Set([
  '\u201C',
  '\u201D',
  '\u201E',
  '\u201F',
  '\u2033',
  '\u00AB',
  '\u00BB',
  '\u2039',
  '\u203A',
]);
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u;
const DASH = /[\u2010-\u2015\u2212]/u;
const SPACE = /\s/u;

/** A folded text and, for each of its characters, the span of the original character it came from. */
export interface FoldedText {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

function foldChar(char: string): string {
  if (APOSTROPHES.has(char)) return "'";
  if (QUOTES.has(char)) return '"';
  if (DASH.test(char)) return '-';
  if (char === '\u2026') return '...';
  return char.toLowerCase();
}

/** Folds quotes, apostrophes, dashes, ellipses, invisible characters, runs of whitespace and case. */
export function foldTypographyWithOffsets(original: string): FoldedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of original) {
    if (INVISIBLE.test(char)) {
      // dropped: zero-width and bidi controls carry no words (and are a favourite of spoofers)
    } else if (SPACE.test(char)) {
      if (text.length > 0 && !text.endsWith(' ')) {
        text += ' ';
        starts.push(offset);
        ends.push(offset + char.length);
      }
    } else {
      const folded = foldChar(char);
      text += folded;
      for (let i = 0; i < folded.length; i++) {
        starts.push(offset);
        ends.push(offset + char.length);
      }
    }
    offset += char.length;
  }
  return { text, starts, ends };
}

export function foldTypography(text: string): string {
  return foldTypographyWithOffsets(text).text.trim();
}

/** Removes zero-width and bidirectional control characters, which can hide or reorder text. */
export function stripInvisible(text: string): string {
  return text.replace(new RegExp(INVISIBLE.source, 'gu'), '');
}

/**
 * Finds `needle` in `haystack` ignoring typography (see above) and returns the span in the
 * original haystack, so what is shown is the source's own characters.
 */
export function findIgnoringTypography(
  haystack: string | FoldedText,
  needle: string,
): { start: number; end: number } | undefined {
  const folded = typeof haystack === 'string' ? foldTypographyWithOffsets(haystack) : haystack;
  const target = foldTypography(needle);
  if (target.length === 0) return undefined;
  const at = folded.text.indexOf(target);
  if (at < 0) return undefined;
  return { start: folded.starts[at] ?? 0, end: folded.ends[at + target.length - 1] ?? 0 };
}

/** Removes control characters (terminal escape sequences among them), keeping newlines and tabs. */
export function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
}
