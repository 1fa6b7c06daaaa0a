import type { SourceDocument } from '../corpus/types.js';
import type { Span } from '../text/sentences.js';
import { analyze, type Token } from './analyzer.js';
import type { PassageIndex } from './passageIndex.js';

/**
 * Where a passage matched its query: spans of the passage text (offsets into `passage.text`),
 * computed from our own analysis, sorted and merged. Renderers escape first and bold these spans.
 */
export function highlightSpans(
  text: string,
  matchedTerms: ReadonlySet<string>,
  index: PassageIndex,
  document: SourceDocument | undefined,
): Span[] {
  if (matchedTerms.size === 0) return [];
  const tokens = analyze(text);
  const spans: Span[] = [];
  for (const token of tokens) if (!token.stop && matchedTerms.has(token.term)) spans.push(token);
  for (const match of index.phrases.match(tokens)) {
    if (!matchedTerms.has(match.canonical)) continue;
    const from = tokens[match.from];
    const to = tokens[match.to - 1];
    if (from && to) spans.push({ start: from.start, end: to.end });
  }
  for (const note of document?.sic ?? []) {
    const means = analyze(note.means).filter((t) => !t.stop);
    if (!means.some((t) => matchedTerms.has(t.term))) continue;
    for (let at = text.indexOf(note.text); at >= 0; at = text.indexOf(note.text, at + 1)) {
      spans.push({ start: at, end: at + note.text.length });
    }
  }
  return mergeSpans(text, spans, tokens);
}

/**
 * Sorts spans and joins those that overlap or are separated only by spaces and stop words, so a
 * matched phrase reads as one bold run ("full and urgent review").
 */
export function mergeSpans(text: string, spans: readonly Span[], tokens: readonly Token[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const joinable = (from: number, to: number): boolean =>
    /^[\s\p{L}'’]*$/u.test(text.slice(from, to)) &&
    tokens.every((token) => token.end <= from || token.start >= to || token.stop);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && (span.start <= last.end || joinable(last.end, span.start))) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else {
      merged.push({ start: span.start, end: span.end });
    }
  }
  return merged;
}
