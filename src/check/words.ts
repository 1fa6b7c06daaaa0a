import { foldTypography } from '../text/typography.js';

/**
 * Words for quote checking: folded for typography and case only (no stemming: "reviews" is not
 * "review" when checking a quotation), with offsets into the original text.
 */
export interface Word {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Letters, marks and digits, with inner apostrophes; hyphens and dashes separate words. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’‘`][\p{L}\p{M}\p{N}]+)*/gu;

export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    found.push({
      word: foldTypography(match[0]),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found;
}
