import type { Span } from '../text/sentences.js';

/** A window of a verbatim text: the words are untouched; `…` marks where words were left out. */
export interface Excerpt {
  readonly text: string;
  /** Highlights moved into the window's offsets (those outside it are dropped, cut ones clipped). */
  readonly highlights: readonly Span[];
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
}

export const ELLIPSIS = '…';

/**
 * At most `maxChars` of `text` (plus the ellipses), cut at word boundaries, placed so that the
 * first highlight is inside when the text is too long.
 */
export function excerpt(text: string, highlights: readonly Span[], maxChars: number): Excerpt {
  if (text.length <= maxChars) return { text, highlights, cutBefore: false, cutAfter: false };
  const focus = highlights[0]?.start ?? 0;
  // Start a little before the first highlight so it reads in context, but keep the window full.
  let start = Math.max(0, Math.min(focus - Math.floor(maxChars / 4), text.length - maxChars));
  let end = Math.min(text.length, start + maxChars);
  if (start > 0) start = nextWordStart(text, start, end);
  if (end < text.length) end = previousWordEnd(text, start, end);
  if (end <= start) {
    // A single word longer than the window: cut it (still a verbatim slice).
    end = Math.min(text.length, start + maxChars);
  }
  const moved = highlights
    .map((span) => ({
      start: Math.max(span.start, start) - start,
      end: Math.min(span.end, end) - start,
    }))
    .filter((span) => span.end > span.start);
  return {
    text: text.slice(start, end),
    highlights: moved,
    cutBefore: start > 0,
    cutAfter: end < text.length,
  };
}

function nextWordStart(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !/\s/u.test(text[i - 1] ?? ' ')) i++;
  while (i < limit && /\s/u.test(text[i] ?? '')) i++;
  return i;
}

function previousWordEnd(text: string, start: number, from: number): number {
  let i = from;
  while (i > start && !/\s/u.test(text[i] ?? ' ')) i--;
  while (i > start && /[\s,;:]/u.test(text[i - 1] ?? '')) i--;
  return i;
}
