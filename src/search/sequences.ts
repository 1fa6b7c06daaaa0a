import type { SourceDocument } from '../corpus/corpusTypes.js';
import type { Passage } from '../passages/passageTypes.js';
import { analyze, type Token } from './analyzer.js';
import { IntBuffer } from './intBuffer.js';
import type { PhraseMatch, PhraseMatcher, TermSource } from './phrases.js';
import type { TermTable } from './termTable.js';
import { WrittenWords } from './writtenWords.js';

/**
 * Every passage as the sequence of its term ids, in one flat array: a word's id where the word
 * stands, and after it, as ~id, the tokens it adds (a name's party, a synonym group, what a
 * "sic" misspelling means). Scoring reads these for exact BM25, phrases and proximity.
 */
export interface PassageSequences {
  readonly values: Int32Array;
  /** Passage `i` is `values[starts[i]] … values[starts[i + 1] - 1]`. */
  readonly starts: Uint32Array;
  /** Content words (not stop words) per passage: BM25's document length. */
  readonly lengths: Uint16Array;
  readonly totalLength: number;
}

/** What a passage's "sic" notes add: the intended words, at the misspelling's place. */
interface SicExtra {
  readonly afterToken: number;
  readonly terms: readonly string[];
}

function sicExtras(text: string, tokens: readonly Token[], document: SourceDocument): SicExtra[] {
  const extras: SicExtra[] = [];
  for (const note of document.sic) {
    for (let at = text.indexOf(note.text); at >= 0; at = text.indexOf(note.text, at + 1)) {
      const end = at + note.text.length;
      const last = tokens.findLastIndex((token) => token.start < end);
      if (last >= 0)
        extras.push({
          afterToken: last,
          terms: analyze(note.means)
            .filter((t) => !t.stop)
            .map((t) => t.term),
        });
    }
  }
  return extras;
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
  /** Per term id, the last passage (ordinal + 1) that counted it: document frequency without a Set per passage. */
  const lastCounted: number[] = [];
  const frequency = table.documentFrequency;
  let totalLength = 0;
  const codes: number[] = [];
  const written = new WrittenWords(table);
  /** Per term id: 1 when a name or synonym phrase starts with it, 0 when none does. */
  const phraseStart: number[] = [];
  const startsPhrase = (id: number): boolean =>
    (phraseStart[id] ??= phrases.startsWith(table.term(id)) ? 1 : 0) === 1;

  for (let ordinal = 0; ordinal < passages.length; ordinal++) {
    const passage = passages[ordinal] as Passage;
    const stamp = ordinal + 1;
    codes.length = 0;
    written.encode(passage.text, codes);
    const extras = passageExtras(
      passage,
      codes,
      table,
      phrases,
      startsPhrase,
      documents.get(passage.documentId),
    );
    // Dense arrays stay fast: grow them with the term table.
    while (lastCounted.length < table.size) lastCounted.push(0);
    starts[ordinal] = values.length;
    let length = 0;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      const id = code >> 1;
      values.push(id);
      if ((code & 1) === 0) {
        length++;
        if (lastCounted[id] !== stamp) {
          lastCounted[id] = stamp;
          frequency[id] = (frequency[id] ?? 0) + 1;
        }
      }
      const added = extras?.get(i);
      if (added === undefined) continue;
      for (const term of added) {
        const extraId = table.intern(term);
        values.push(~extraId);
        while (lastCounted.length < table.size) lastCounted.push(0);
        if (lastCounted[extraId] !== stamp) {
          lastCounted[extraId] = stamp;
          frequency[extraId] = (frequency[extraId] ?? 0) + 1;
        }
      }
    }
    lengths[ordinal] = Math.min(length, 0xffff);
    totalLength += length;
  }
  starts[passages.length] = values.length;
  return { values: values.toArray(), starts, lengths, totalLength };
}

/** Token index → the terms added after it; undefined when the passage adds nothing (most do not). */
function passageExtras(
  passage: Passage,
  codes: readonly number[],
  table: TermTable,
  phrases: PhraseMatcher,
  startsPhrase: (id: number) => boolean,
  document: SourceDocument | undefined,
): Map<number, string[]> | undefined {
  let extras: Map<number, string[]> | undefined;
  let matches: PhraseMatch[] | undefined;
  for (let from = 0; from < codes.length; from++) {
    if (!startsPhrase((codes[from] ?? 0) >> 1)) continue;
    // A method, not an arrow function: see highlight.ts on named closures under tsx.
    const terms: TermSource = {
      length: codes.length,
      termAt(index) {
        return index < codes.length ? table.term((codes[index] ?? 0) >> 1) : undefined;
      },
    };
    phrases.matchAt(terms, from, (matches ??= []));
  }
  for (const match of matches ?? []) extras = addExtra(extras, match.to - 1, match.canonical);
  if (document !== undefined && document.sic.length > 0) {
    for (const extra of sicExtras(passage.text, analyze(passage.text), document)) {
      for (const term of extra.terms) extras = addExtra(extras, extra.afterToken, term);
    }
  }
  return extras;
}

function addExtra(
  extras: Map<number, string[]> | undefined,
  afterToken: number,
  term: string,
): Map<number, string[]> {
  const map = extras ?? new Map<number, string[]>();
  const list = map.get(afterToken);
  if (list) list.push(term);
  else map.set(afterToken, [term]);
  return map;
}
