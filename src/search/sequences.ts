import type { SicNote, SourceDocument } from '../corpus/corpusTypes.js';
import type { Passage } from '../passages/passageTypes.js';
import { analyze, contentTerms, wordTerm, writtenWords } from '../text/analyzer.js';
import { IntBuffer } from './intBuffer.js';
import type { PhraseMatch, PhraseMatcher, TermSource } from '../text/phrases.js';
import type { TermTable } from './termTable.js';

/**
 * Every passage as the sequence of its term ids, in one flat array: a word's id where the word
 * stands and, after it, as ~id, the tokens it adds (a name's party, a synonym group, what a
 * "sic" misspelling means). FlexSearch finds candidate passages; scoring reads these for BM25's
 * term frequencies, phrases and proximity, which FlexSearch does not have.
 */
export interface PassageSequences {
  readonly values: Int32Array;
  /** Passage `i` is `values[starts[i]] … values[starts[i + 1] - 1]`. */
  readonly starts: Uint32Array;
  /** Content words (not stop words) per passage: BM25's document length. */
  readonly lengths: Uint16Array;
  readonly totalLength: number;
}

export function encodePassages(
  passages: readonly Passage[],
  documents: ReadonlyMap<string, SourceDocument>,
  table: TermTable,
  phrases: PhraseMatcher,
): PassageSequences {
  const values = new IntBuffer();
  const starts = new Uint32Array(passages.length + 1);
  const lengths = new Uint16Array(passages.length);
  /** Per term id, the last passage (ordinal + 1) that counted it: no Set per passage. */
  const lastCounted: number[] = [];
  const count = (id: number, stamp: number): void => {
    if (lastCounted[id] === stamp) return;
    lastCounted[id] = stamp;
    table.documentFrequency[id] = (table.documentFrequency[id] ?? 0) + 1;
  };
  /** Word as written → its term id (−1: folds to nothing). A corpus repeats its words. */
  const idOfWritten = new Map<string, number>();
  const ids: number[] = [];
  // The passage being read, as the phrase matcher reads it (one object for every passage).
  const words: TermSource & { length: number } = {
    length: 0,
    termAt: (i) => table.term(ids[i] ?? -1),
  };
  /** Per term id: 1 when a name or synonym phrase starts with it, 0 when none does. */
  const phraseStart: number[] = [];
  const startsPhrase = (id: number): boolean =>
    (phraseStart[id] ??= phrases.startsWith(table.term(id)) ? 1 : 0) === 1;
  let totalLength = 0;
  for (let ordinal = 0; ordinal < passages.length; ordinal++) {
    const passage = passages[ordinal] as Passage;
    ids.length = 0;
    for (const raw of writtenWords(passage.text)) {
      let id = idOfWritten.get(raw);
      if (id === undefined) {
        const analyzed = wordTerm(raw);
        id = analyzed ? table.internWord(analyzed) : -1;
        idOfWritten.set(raw, id);
      }
      if (id >= 0) ids.push(id);
    }
    words.length = ids.length;
    const added = addedTerms(
      passage.text,
      words,
      ids,
      startsPhrase,
      phrases,
      documents.get(passage.documentId),
    );
    starts[ordinal] = values.length;
    let length = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      values.push(id);
      if (!table.isStop(id)) {
        length++;
        count(id, ordinal + 1);
      }
      const after = added?.get(k);
      if (after === undefined) continue;
      for (const term of after) {
        const addedId = table.intern(term);
        values.push(~addedId);
        count(addedId, ordinal + 1);
      }
    }
    lengths[ordinal] = Math.min(length, 0xffff);
    totalLength += length;
  }
  starts[passages.length] = values.length;
  return { values: values.toArray(), starts, lengths, totalLength };
}

/** Token index → the terms added after it; undefined when the passage adds none (most do not). */
function addedTerms(
  text: string,
  words: TermSource,
  ids: readonly number[],
  startsPhrase: (id: number) => boolean,
  phrases: PhraseMatcher,
  document: SourceDocument | undefined,
): Map<number, string[]> | undefined {
  let added: Map<number, string[]> | undefined;
  const add = (afterToken: number, term: string): void => {
    added ??= new Map();
    const list = added.get(afterToken);
    if (list) list.push(term);
    else added.set(afterToken, [term]);
  };
  const matches: PhraseMatch[] = [];
  for (let from = 0; from < words.length; from++)
    if (startsPhrase(ids[from] ?? -1)) phrases.matchAt(words, from, matches);
  for (const match of matches) add(match.to - 1, match.canonical);
  // Offsets are needed only where a "sic" note is: the few passages of such documents.
  const tokens = document && document.sic.length > 0 ? analyze(text) : [];
  for (const note of document?.sic ?? []) {
    for (let at = text.indexOf(note.text); at >= 0; at = text.indexOf(note.text, at + 1)) {
      const end = at + note.text.length;
      const last = tokens.findLastIndex((token) => token.start < end);
      if (last >= 0) for (const term of sicMeaning(note)) add(last, term);
    }
  }
  return added;
}

/** The searchable terms a "sic" note means, worked out once per note. */
const sicMeanings = new WeakMap<SicNote, readonly string[]>();

export function sicMeaning(note: SicNote): readonly string[] {
  let terms = sicMeanings.get(note);
  if (!terms) sicMeanings.set(note, (terms = contentTerms(note.means)));
  return terms;
}
