import type { SicNote, SourceDocument } from '../corpus/corpusTypes.js';
import type { Passage } from '../passages/passageTypes.js';
import type { Span } from '../text/sentences.js';
import { analyze, foldWord, type Token } from './analyzer.js';
import type { PassageIndex } from './passageIndex.js';
import { scanWordsFast } from './wordScanner.js';

/** What span merging needs of a token. */
type TokenSpan = Pick<Token, 'start' | 'end' | 'stop'>;

/**
 * The passage's words with their offsets, aligned with its term sequence in the index: word `k`
 * is the `k`-th word entry of the sequence. Offsets come from the tokenizer alone; folding and
 * stemming were done at index time and are not repeated.
 */
function wordSpans(text: string): Span[] {
  const spans: Span[] = [];
  // Methods, not arrow functions: under tsx every named closure made per call costs a
  // defineProperty (esbuild's keepNames), and this runs for every highlighted passage.
  scanWordsFast(text, {
    ascii(start, end) {
      spans.push({ start, end });
    },
    other(raw, start) {
      // Only a word that opens with a combining mark (U+0300 or later) can fold to nothing.
      if (raw.charCodeAt(0) >= 0x300 && foldWord(raw).length === 0) return;
      spans.push({ start, end: start + raw.length });
    },
  });
  return spans;
}

/** The searchable terms each "sic" note means, worked out once per note. */
const sicMeanings = new WeakMap<SicNote, readonly string[]>();

function meaningOf(note: SicNote): readonly string[] {
  let terms = sicMeanings.get(note);
  if (!terms) {
    terms = analyze(note.means)
      .filter((token) => !token.stop)
      .map((token) => token.term);
    sicMeanings.set(note, terms);
  }
  return terms;
}

/**
 * Where a passage matched its query: spans of the passage text (offsets into `passage.text`),
 * sorted and merged. Renderers escape first and bold these spans.
 */
export function highlightSpans(
  passage: Passage,
  matched: ReadonlySet<number>,
  index: PassageIndex,
  document: SourceDocument | undefined,
): Span[] {
  if (matched.size === 0) return [];
  const text = passage.text;
  const words = wordSpans(text);
  const ids: number[] = [];
  for (const raw of index.sequence(passage.ordinal)) if (raw >= 0) ids.push(raw);
  const tokens: TokenSpan[] = words.map((word, k) => ({
    start: word.start,
    end: word.end,
    stop: index.isStopTerm(ids[k] ?? -1),
  }));

  const spans: Span[] = [];
  tokens.forEach((token, k) => {
    if (!token.stop && matched.has(ids[k] ?? -1)) spans.push(token);
  });
  const matchedTerms = [...matched].map((id) => index.term(id));
  if (matchedTerms.some((term) => index.phrases.isCanonical(term))) {
    const wanted = new Set(matchedTerms);
    for (const match of index.phrases.matchTerms(ids.map((id) => index.term(id)))) {
      if (!wanted.has(match.canonical)) continue;
      const from = tokens[match.from];
      const to = tokens[match.to - 1];
      if (from && to) spans.push({ start: from.start, end: to.end });
    }
  }
  for (const note of document?.sic ?? []) {
    if (!meaningOf(note).some((term) => matchedTerms.includes(term))) continue;
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
export function mergeSpans(
  text: string,
  spans: readonly Span[],
  tokens: readonly TokenSpan[],
): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && (span.start <= last.end || joinable(text, tokens, last.end, span.start))) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else {
      merged.push({ start: span.start, end: span.end });
    }
  }
  return merged;
}

/** Whether only spaces, letters of stop words and apostrophes stand between `from` and `to`. */
function joinable(text: string, tokens: readonly TokenSpan[], from: number, to: number): boolean {
  return (
    /^[\s\p{L}'’]*$/u.test(text.slice(from, to)) &&
    tokens.every((token) => token.end <= from || token.start >= to || token.stop)
  );
}
