import type { Story } from '../story/story.js';
import type { SourceDocument } from '../corpus/corpusTypes.js';
import { analyze, STOP_WORDS } from '../text/analyzer.js';
import { PARTY_TOKEN } from '../text/phrases.js';
import { align, type Alignment } from './align.js';
import { quotedParts } from './quotedParts.js';
import { words, type Word } from './words.js';

/**
 * Is a quotation really in the sources? `verbatim` when its words stand in a source in that order
 * (typography and case aside, elisions marked with … allowed); `close` when most words match and
 * the differences are few; `not-found` otherwise, with the nearest passage only when it is related.
 */
export type Verdict = 'verbatim' | 'close' | 'not-found';

/** Where the source's side of a difference stands in the document (offsets into its text). */
export interface SourceWords {
  readonly start: number;
  readonly end: number;
}

export type Difference =
  | {
      readonly type: 'changed';
      readonly said: string;
      readonly source: string;
      readonly at: SourceWords;
    }
  | { readonly type: 'added'; readonly said: string }
  | { readonly type: 'missing'; readonly source: string; readonly at: SourceWords };

export interface SourceSpan {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
}

export interface QuoteCheck {
  /** The quotation checked, as the message has it. */
  readonly quoted: string;
  readonly verdict: Verdict;
  /** 0–1: the share of words quotation and source have in common (Dice), 1 for verbatim. */
  readonly similarity: number;
  /** Where in a source the quotation stands or comes nearest; absent when nothing is related. */
  readonly match?: SourceSpan | undefined;
  /** Word-level differences, quotation vs source (empty when verbatim). */
  readonly differences: readonly Difference[];
}

/**
 * Thresholds, chosen on the labelled set in test/check/labelled.yaml (`npm run eval` reports the
 * precision and recall they give).
 */
export const CHECK_THRESHOLDS = {
  /** Similarity from which a quotation with differences is "close". */
  close: 0.72,
  /** …and it must share at least this many content words, and this share of its own. */
  closeContentWords: 2,
  closeContentShare: 0.6,
  /** A passage is related to an unfound quotation when they share this many meaningful words… */
  relatedWords: 2,
  /** …and this share of the quotation's. */
  relatedShare: 0.35,
  /** Words of a quotation that are checked (a pasted essay is cut here). */
  maxWords: 200,
} as const;

const ELLIPSIS = /\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.{3,})\s*/u;

interface IndexedSource {
  readonly document: SourceDocument;
  readonly words: readonly Word[];
  readonly folded: readonly string[];
}

interface CheckIndex {
  readonly sources: readonly IndexedSource[];
  /** Folded word → where it stands: source index and word position. */
  readonly positions: ReadonlyMap<string, readonly (readonly [number, number])[]>;
}

const indexes = new WeakMap<Story, CheckIndex>();

/** Built on first use (most processes never check a quote) and kept per story. */
function checkIndex(story: Story): CheckIndex {
  let index = indexes.get(story);
  if (index) return index;
  // A statement's own text first: its words are found there rather than where an article quotes them.
  const documents = [...story.corpus.documents]
    .filter((d) => d.completeness !== 'reference')
    .sort((a, b) => Number(a.kind !== 'statement') - Number(b.kind !== 'statement'));
  const sources = documents.map((document) => {
    const found = words(document.text);
    return { document, words: found, folded: found.map((w) => w.word) };
  });
  const positions = new Map<string, [number, number][]>();
  sources.forEach((source, s) =>
    source.folded.forEach((word, position) => {
      const list = positions.get(word);
      if (list) list.push([s, position]);
      else positions.set(word, [[s, position]]);
    }),
  );
  index = { sources, positions };
  indexes.set(story, index);
  return index;
}

function isContent(word: string): boolean {
  return !STOP_WORDS.has(word.replace(/'s$/, ''));
}

/** Every contiguous occurrence of `sequence` in `source`, at or after `from`. */
function findSequence(
  source: readonly string[],
  sequence: readonly string[],
  from: number,
): number {
  outer: for (let i = from; i + sequence.length <= source.length; i++) {
    for (let k = 0; k < sequence.length; k++) if (source[i + k] !== sequence[k]) continue outer;
    return i;
  }
  return -1;
}

/** Fragments between elisions must appear in order, each near the previous one. */
const MAX_ELIDED_WORDS = 120;

function findVerbatim(index: CheckIndex, fragments: readonly string[][]): SourceSpan | undefined {
  const first = fragments[0];
  if (!first || first.length === 0) return undefined;
  for (const source of index.sources) {
    for (
      let at = findSequence(source.folded, first, 0);
      at >= 0;
      at = findSequence(source.folded, first, at + 1)
    ) {
      let end = at + first.length;
      let ok = true;
      for (const fragment of fragments.slice(1)) {
        const next = findSequence(source.folded, fragment, end);
        if (next < 0 || next - end > MAX_ELIDED_WORDS) {
          ok = false;
          break;
        }
        end = next + fragment.length;
      }
      if (ok) {
        return {
          documentId: source.document.id,
          start: source.words[at]?.start ?? 0,
          end: source.words[end - 1]?.end ?? 0,
        };
      }
    }
  }
  return undefined;
}

interface Candidate {
  readonly source: IndexedSource;
  readonly offset: number;
  readonly alignment: Alignment;
  readonly similarity: number;
}

/** Aligns the quotation around where its rarest words stand in the sources; keeps the best. */
function nearest(index: CheckIndex, quote: readonly string[]): Candidate | undefined {
  const anchors = [...new Set(quote.filter(isContent))]
    .map((word) => ({ word, positions: index.positions.get(word) ?? [] }))
    .filter((a) => a.positions.length > 0)
    .sort((a, b) => a.positions.length - b.positions.length)
    .slice(0, 4);
  const seen = new Set<string>();
  let best: Candidate | undefined;
  for (const anchor of anchors) {
    for (const [s, position] of anchor.positions.slice(0, 12)) {
      const source = index.sources[s];
      if (!source) continue;
      const offset = Math.max(0, position - quote.length - 8);
      const key = `${s}:${Math.floor(offset / 8)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const window = source.folded.slice(offset, position + quote.length + 8);
      const alignment = align(quote, window);
      const covered = alignment.sourceEnd - alignment.sourceStart;
      const similarity = (2 * alignment.matched) / (quote.length + Math.max(covered, 0));
      if (!best || similarity > best.similarity) best = { source, offset, alignment, similarity };
    }
  }
  return best;
}

function differences(
  candidate: Candidate,
  quoteWords: readonly Word[],
  quoted: string,
  elisionsAfter: ReadonlySet<number>,
): Difference[] {
  const result: Difference[] = [];
  const text = candidate.source.document.text;
  const sourceWord = (i: number): Word | undefined => candidate.source.words[candidate.offset + i];
  let said: number[] = [];
  let source: number[] = [];
  const flush = (): void => {
    const saidText = said.length
      ? quoted.slice(quoteWords[said[0] ?? 0]?.start, quoteWords[said[said.length - 1] ?? 0]?.end)
      : '';
    const at = {
      start: sourceWord(source[0] ?? 0)?.start ?? 0,
      end: sourceWord(source[source.length - 1] ?? 0)?.end ?? 0,
    };
    const sourceText = source.length ? text.slice(at.start, at.end) : '';
    if (saidText && sourceText)
      result.push({ type: 'changed', said: saidText, source: sourceText, at });
    else if (saidText) result.push({ type: 'added', said: saidText });
    else if (sourceText) result.push({ type: 'missing', source: sourceText, at });
    said = [];
    source = [];
  };
  let lastQuote = -1;
  for (const op of candidate.alignment.ops) {
    if (op.type === 'same') {
      flush();
      lastQuote = op.quote;
    } else if (op.type === 'missing' && elisionsAfter.has(lastQuote) && said.length === 0) {
      // Words left out where the quotation marks an elision (…) are not a difference.
    } else {
      if (op.type !== 'missing') said.push(op.quote);
      if (op.type !== 'added') source.push(op.source);
      if (op.type !== 'missing') lastQuote = op.quote;
    }
  }
  flush();
  return result;
}

export function checkQuotation(story: Story, quoted: string): QuoteCheck {
  const index = checkIndex(story);
  const fragmentsText = quoted.split(ELLIPSIS).filter((f) => words(f).length > 0);
  const fragments = fragmentsText.map((f) => words(f).map((w) => w.word));
  const exact = findVerbatim(index, fragments);
  if (exact) return { quoted, verdict: 'verbatim', similarity: 1, match: exact, differences: [] };

  const quoteWords = words(quoted).slice(0, CHECK_THRESHOLDS.maxWords);
  const folded = quoteWords.map((w) => w.word);
  // Word indexes after which the quotation marks an elision.
  const elisionsAfter = new Set<number>();
  let count = 0;
  for (const fragment of fragments.slice(0, -1)) {
    count += fragment.length;
    elisionsAfter.add(count - 1);
  }
  const candidate = nearest(index, folded);
  const t = CHECK_THRESHOLDS;
  if (candidate) {
    const same = candidate.alignment.ops.filter(
      (op) => op.type === 'same' && isContent(folded[op.quote] ?? ''),
    ).length;
    const contentWords = folded.filter(isContent).length;
    if (
      candidate.similarity >= t.close &&
      same >= t.closeContentWords &&
      same >= t.closeContentShare * contentWords
    ) {
      const start = candidate.source.words[candidate.offset + candidate.alignment.sourceStart];
      const end = candidate.source.words[candidate.offset + candidate.alignment.sourceEnd - 1];
      return {
        quoted,
        verdict: 'close',
        similarity: rounded(candidate.similarity),
        match:
          start && end
            ? { documentId: candidate.source.document.id, start: start.start, end: end.end }
            : undefined,
        differences: differences(candidate, quoteWords, quoted, elisionsAfter),
      };
    }
  }
  return {
    quoted,
    verdict: 'not-found',
    similarity: rounded(candidate?.similarity ?? 0),
    match: relatedPassage(story, quoted),
    differences: [],
  };
}

const rounded = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * For a quotation that is not in the sources: the passage the search finds for it, when it is
 * about the same thing — it shares at least two words (stems and the editors' synonyms count)
 * besides names, and a fair share of the message's. Names alone ("Unit 8200", "Microsoft") make
 * any invention look related, so they do not count.
 */
function relatedPassage(story: Story, quoted: string): SourceSpan | undefined {
  const hit = story.search.search(quoted, { limit: 1 }).hits[0];
  if (!hit) return undefined;
  const said = meaningfulTerms(story, quoted);
  const source = meaningfulTerms(story, hit.passage.text);
  let shared = 0;
  for (const term of said) if (source.has(term)) shared++;
  const t = CHECK_THRESHOLDS;
  if (shared < t.relatedWords || shared < t.relatedShare * said.size) return undefined;
  return { documentId: hit.passage.documentId, start: hit.passage.start, end: hit.passage.end };
}

/** Content stems and synonym groups of a text, leaving out the words of party names. */
function meaningfulTerms(story: Story, text: string): Set<string> {
  const tokens = analyze(text);
  const terms = new Set<string>();
  const inNames = new Set<number>();
  const matches = story.search.index.phrases.match(tokens);
  for (const match of matches) {
    if (match.canonical.startsWith(PARTY_TOKEN))
      for (let i = match.from; i < match.to; i++) inNames.add(i);
  }
  for (const match of matches) {
    const insideName = [...Array(match.to - match.from).keys()].some((i) =>
      inNames.has(match.from + i),
    );
    if (!match.canonical.startsWith(PARTY_TOKEN) && !insideName) terms.add(match.canonical);
  }
  tokens.forEach((token, i) => {
    if (!token.stop && !inNames.has(i)) terms.add(token.term);
  });
  return terms;
}

/** Checks every quotation in a chat message (or the whole message when nothing is quoted). */
export function checkMessage(story: Story, message: string): QuoteCheck[] {
  return quotedParts(message).map((part) => checkQuotation(story, part));
}
