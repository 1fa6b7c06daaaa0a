import type { Span } from '../text/sentences.js';

/** A quotation inside a paragraph: the marks' positions and the words between them. */
export interface Quotation {
  readonly open: number;
  readonly close: number;
  /** Between the marks. */
  readonly inner: Span;
}

/**
 * Finds quotations between curly double quotes (nesting-free, as news prose uses them), or
 * between pairs of straight double quotes. An unclosed quotation runs to the end of the paragraph,
 * as a multi-paragraph quotation does in print.
 */
export function findQuotations(text: string, start: number, end: number): Quotation[] {
  const quotations: Quotation[] = [];
  let open: number | undefined;
  let openMark = '';
  for (let i = start; i < end; i++) {
    const char = text[i];
    if (open === undefined) {
      if (char === '\u201C' || char === '"') {
        open = i;
        openMark = char;
      }
    } else if ((openMark === '\u201C' && char === '\u201D') || (openMark === '"' && char === '"')) {
      quotations.push({ open, close: i, inner: { start: open + 1, end: i } });
      open = undefined;
    }
  }
  if (open !== undefined) quotations.push({ open, close: end, inner: { start: open + 1, end } });
  return quotations;
}
