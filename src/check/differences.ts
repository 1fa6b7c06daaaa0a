import type { Alignment } from './align.js';
import type { Word } from './words.js';

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
  /** Words the source does not have; `at` is where they would stand (an empty span). */
  | { readonly type: 'added'; readonly said: string; readonly at: SourceWords }
  | { readonly type: 'missing'; readonly source: string; readonly at: SourceWords };

/** An alignment read against the texts it aligned. */
export interface AlignedTexts {
  readonly alignment: Alignment;
  /** The quotation and its words. */
  readonly quoted: string;
  readonly quoteWords: readonly Word[];
  /** The source document's text, and its word at an alignment's source index. */
  readonly sourceText: string;
  readonly sourceWord: (index: number) => Word | undefined;
}

/**
 * Word-level differences, quotation vs source: each run of words between matching ones is a
 * change, an addition or an omission. Words left out where the quotation marks an elision (…) are
 * not a difference.
 */
export function differences(texts: AlignedTexts, elisionsAfter: ReadonlySet<number>): Difference[] {
  const { alignment, quoted, quoteWords, sourceText, sourceWord } = texts;
  const result: Difference[] = [];
  let said: number[] = [];
  let source: number[] = [];
  // The last source word passed: words added after it stand right after it.
  let lastSource = alignment.sourceStart - 1;
  const flush = (): void => {
    const saidText = said.length
      ? quoted.slice(quoteWords[said[0] ?? 0]?.start, quoteWords[said[said.length - 1] ?? 0]?.end)
      : '';
    const at = {
      start: sourceWord(source[0] ?? 0)?.start ?? 0,
      end: sourceWord(source[source.length - 1] ?? 0)?.end ?? 0,
    };
    const sourceChanged = source.length ? sourceText.slice(at.start, at.end) : '';
    if (saidText && sourceChanged)
      result.push({ type: 'changed', said: saidText, source: sourceChanged, at });
    else if (saidText) result.push({ type: 'added', said: saidText, at: insertionPoint() });
    else if (sourceChanged) result.push({ type: 'missing', source: sourceChanged, at });
    said = [];
    source = [];
  };
  const insertionPoint = (): SourceWords => {
    const before = sourceWord(lastSource);
    const at = before ? before.end : (sourceWord(alignment.sourceStart)?.start ?? 0);
    return { start: at, end: at };
  };
  let lastQuote = -1;
  for (const op of alignment.ops) {
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
    if (op.type !== 'added' && source.length === 0) lastSource = op.source;
  }
  flush();
  return result;
}

/** For each word of the quotation, where the source word it matches or replaces starts. */
export function sourcePositions(texts: AlignedTexts): (number | undefined)[] {
  const positions: (number | undefined)[] = texts.quoteWords.map(() => undefined);
  for (const op of texts.alignment.ops) {
    if (op.type === 'same' || op.type === 'changed')
      positions[op.quote] = texts.sourceWord(op.source)?.start;
  }
  return positions;
}
