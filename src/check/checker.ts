import type { Story } from '../story/story.js';
import type { SourceDocument } from '../corpus/corpusTypes.js';
import { analyze, STOP_WORDS } from '../text/analyzer.js';
import { PARTY_TOKEN } from '../text/phrases.js';
import { splitSentences } from '../text/sentences.js';
import { align, type Alignment } from './align.js';
import { differences, sourcePositions, type AlignedTexts, type Difference } from './differences.js';
import { meaningChanges, type MeaningChange } from './meaningChanges.js';
import { words, type Word } from './words.js';

/**
 * Is a quotation really in the sources? `verbatim` when its words stand in a source in that order
 * (typography and case aside, elisions marked with … allowed); `close` when most words match and
 * the differences are few; `not-found` otherwise, with the nearest passage only when it is related.
 */
export type Verdict = 'verbatim' | 'close' | 'not-found';

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
  /** The differences that change what it means (a close quotation's only). */
  readonly meaningChanges: readonly MeaningChange[];
  /**
   * For each word of the quotation (see words.ts), where the source word it matches or replaces
   * starts in the matched document; undefined for a word the source does not have there.
   */
  readonly sourcePositions: readonly (number | undefined)[];
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

const ELLIPSIS_PATTERN = /\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.{3,})\s*/u;

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

interface VerbatimMatch {
  readonly span: SourceSpan;
  /** Where each word of the quotation starts in the source. */
  readonly positions: readonly number[];
}

function findVerbatim(
  index: CheckIndex,
  fragments: readonly string[][],
): VerbatimMatch | undefined {
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
      const starts = [at];
      for (const fragment of fragments.slice(1)) {
        const next = findSequence(source.folded, fragment, end);
        if (next < 0 || next - end > MAX_ELIDED_WORDS) {
          ok = false;
          break;
        }
        starts.push(next);
        end = next + fragment.length;
      }
      if (ok) {
        const positions = fragments.flatMap((fragment, f) =>
          fragment.map((_, k) => source.words[(starts[f] ?? 0) + k]?.start ?? 0),
        );
        const span = {
          documentId: source.document.id,
          start: source.words[at]?.start ?? 0,
          end: source.words[end - 1]?.end ?? 0,
        };
        return { span, positions };
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

export function checkQuotation(story: Story, quoted: string): QuoteCheck {
  const index = checkIndex(story);
  const fragmentsText = quoted.split(ELLIPSIS_PATTERN).filter((f) => words(f).length > 0);
  const fragments = fragmentsText.map((f) => words(f).map((w) => w.word));
  const exact = findVerbatim(index, fragments);
  if (exact) {
    return {
      quoted,
      verdict: 'verbatim',
      similarity: 1,
      match: exact.span,
      differences: [],
      meaningChanges: [],
      sourcePositions: exact.positions,
    };
  }

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
      const { document } = candidate.source;
      const texts: AlignedTexts = {
        alignment: candidate.alignment,
        quoted,
        quoteWords,
        sourceText: document.text,
        sourceWord: (i) => candidate.source.words[candidate.offset + i],
      };
      const start = texts.sourceWord(candidate.alignment.sourceStart);
      const end = texts.sourceWord(candidate.alignment.sourceEnd - 1);
      const found = differences(texts, elisionsAfter);
      return {
        quoted,
        verdict: 'close',
        similarity: rounded(candidate.similarity),
        match:
          start && end ? { documentId: document.id, start: start.start, end: end.end } : undefined,
        differences: found,
        meaningChanges: meaningChanges({
          differences: found,
          quoted: quoteWords,
          sourceText: document.text,
          match: { start: start?.start ?? 0, end: end?.end ?? 0 },
          context: sentenceWords(document, start?.start ?? 0, end?.end ?? 0),
          lexicon: story.lexicon,
        }),
        sourcePositions: sourcePositions(texts),
      };
    }
  }
  return {
    quoted,
    verdict: 'not-found',
    similarity: rounded(candidate?.similarity ?? 0),
    match: relatedPassage(story, quoted),
    differences: [],
    meaningChanges: [],
    sourcePositions: [],
  };
}

/** The words of the sentences of `document` that the span from `start` to `end` touches. */
function sentenceWords(document: SourceDocument, start: number, end: number): Word[] {
  const paragraph = document.paragraphs.find((p) => p.start <= start && start < p.end);
  if (!paragraph) return [];
  return splitSentences(document.text, paragraph.start, paragraph.end)
    .filter((sentence) => sentence.start < end && start < sentence.end)
    .flatMap((sentence) =>
      words(document.text.slice(sentence.start, sentence.end)).map((w) => ({
        ...w,
        start: w.start + sentence.start,
        end: w.end + sentence.start,
      })),
    );
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
