import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { analyze, STOP_WORDS } from './analyzer.js';
import { IMPACT_BUCKETS } from './impactIndex.js';
import { RANKING } from './options.js';
import { PassageIndex, type IndexInput, type IndexParts } from './passageIndex.js';

/**
 * A built index kept on disk, so a large corpus starts in seconds instead of being indexed
 * again. A stored index is used only for the very input and index configuration it was built
 * from: its file is named by a hash of both, and anything that does not check out on reading
 * (another format, a truncated file) means building anew. Below PERSIST_FROM_PASSAGES, building
 * is faster than hashing and reading, and nothing is stored.
 */
export const PERSIST_FROM_PASSAGES = 50_000;

/** Bumped whenever the stored layout or the meaning of a stored part changes. */
const FORMAT = 1;
const MAGIC = 0x58494253; // "SBIX"
const SUFFIX = '.index';
/** Stored indexes kept in a directory (the newest ones); older ones are removed. */
const KEEP = 3;
/** How the analyzer reads this line is part of the key: a change of stemming or folding shows. */
const ANALYZER_PROBE =
  'Surveillance surveilled intercepting statements state Covington’s COVINGTON +972 & 8200 cafés running';

type Section = Int32Array | Uint32Array | Uint16Array;

interface Header {
  readonly format: number;
  readonly key: string;
  readonly passages: number;
  readonly totalLength: number;
  readonly terms: readonly string[];
  readonly stopIds: readonly number[];
  readonly words: readonly string[];
  /** Element count of each section, in file order. */
  readonly sections: Record<SectionName, number>;
}

const SECTION_NAMES = [
  'documentFrequency',
  'wordTerms',
  'values',
  'starts',
  'lengths',
  'cellStarts',
  'ordinals',
  'registered',
  'fuzzyWords',
  'fuzzyStarts',
  'fuzzyEntries',
  'sortedWords',
] as const;
type SectionName = (typeof SECTION_NAMES)[number];
const SECTION_TYPES: Record<SectionName, 'i32' | 'u32' | 'u16'> = {
  documentFrequency: 'i32',
  wordTerms: 'i32',
  values: 'i32',
  starts: 'u32',
  lengths: 'u16',
  cellStarts: 'i32',
  ordinals: 'i32',
  registered: 'i32',
  fuzzyWords: 'i32',
  fuzzyStarts: 'i32',
  fuzzyEntries: 'i32',
  sortedWords: 'i32',
};

/** A hash of the index's input and of everything in the code that shapes the index. */
export function indexKey(input: IndexInput): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      format: FORMAT,
      analyzer: analyze(ANALYZER_PROBE).map((token) => token.term),
      stopWords: [...STOP_WORDS].sort(),
      buckets: IMPACT_BUCKETS,
      ranking: [RANKING.k1, RANKING.b, RANKING.candidatesPerTerm],
      parties: input.parties.map((p) => [p.id, p.name, p.aliases]),
      synonyms: input.synonyms,
      sic: input.documents.map((d) => [d.id, d.sic]),
    }),
  );
  // One small update per passage: concatenating the corpus into large strings first would cost
  // several times the hashing.
  for (const passage of input.passages)
    hash.update(`${passage.id}\u0001${passage.documentId}\u0001${passage.text}\u0000`);
  return hash.digest('hex').slice(0, 32);
}

function sectionsOf(parts: IndexParts): Record<SectionName, Section> {
  return {
    documentFrequency: parts.table.documentFrequency,
    wordTerms: parts.table.wordTerms,
    values: parts.sequences.values,
    starts: parts.sequences.starts,
    lengths: parts.sequences.lengths,
    cellStarts: parts.postings.cellStarts,
    ordinals: parts.postings.ordinals,
    registered: parts.postings.registered,
    fuzzyWords: parts.fuzzyWords,
    fuzzyStarts: parts.fuzzyStarts,
    fuzzyEntries: parts.fuzzyEntries,
    sortedWords: parts.sortedWords,
  };
}

const padding = (bytes: number): number => (4 - (bytes % 4)) % 4;

/** Writes the index under `key` (atomically: a reader never sees half a file). */
export function saveIndex(index: PassageIndex, directory: string, key: string): void {
  const parts = index.parts();
  const sections = sectionsOf(parts);
  const header: Header = {
    format: FORMAT,
    key,
    passages: index.passages.length,
    totalLength: parts.sequences.totalLength,
    terms: parts.table.terms,
    stopIds: parts.table.stopIds,
    words: parts.table.words,
    sections: Object.fromEntries(
      SECTION_NAMES.map((name) => [name, sections[name].length]),
    ) as Record<SectionName, number>,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.writeUInt32LE(MAGIC, 0);
  prefix.writeUInt32LE(json.length, 4);
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, key + SUFFIX);
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, prefix);
    writeSync(fd, json);
    writeSync(fd, Buffer.alloc(padding(json.length)));
    for (const name of SECTION_NAMES) {
      const section = sections[name];
      writeSync(fd, Buffer.from(section.buffer, section.byteOffset, section.byteLength));
      writeSync(fd, Buffer.alloc(padding(section.byteLength)));
    }
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  prune(directory);
}

/** Removes all but the KEEP most recently written stored indexes. */
function prune(directory: string): void {
  const stored = readdirSync(directory)
    .filter((name) => name.endsWith(SUFFIX))
    .map((name) => ({ name, time: statSync(path.join(directory, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of stored.slice(KEEP)) rmSync(path.join(directory, name), { force: true });
}

/** The index stored under `key` for `input`, or undefined when there is none or it does not check out. */
export function loadIndex(
  input: IndexInput,
  directory: string,
  key: string,
): PassageIndex | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path.join(directory, key + SUFFIX));
  } catch {
    return undefined;
  }
  if (file.length < 8 || file.readUInt32LE(0) !== MAGIC) return undefined;
  const jsonLength = file.readUInt32LE(4);
  let header: Header;
  try {
    header = JSON.parse(file.toString('utf8', 8, 8 + jsonLength)) as Header;
  } catch {
    return undefined;
  }
  if (header.format !== FORMAT || header.key !== key || header.passages !== input.passages.length)
    return undefined;
  // Typed arrays need aligned offsets; a file buffer normally starts aligned, else copy it.
  const bytes = file.byteOffset % 4 === 0 ? file : Buffer.from(file);
  let offset = 8 + jsonLength + padding(jsonLength);
  const sections = {} as Record<SectionName, Section>;
  for (const name of SECTION_NAMES) {
    const length = header.sections[name];
    const type = SECTION_TYPES[name];
    const width = type === 'u16' ? 2 : 4;
    if (!Number.isInteger(length) || offset + length * width > bytes.length) return undefined;
    const at = bytes.byteOffset + offset;
    sections[name] =
      type === 'i32'
        ? new Int32Array(bytes.buffer, at, length)
        : type === 'u32'
          ? new Uint32Array(bytes.buffer, at, length)
          : new Uint16Array(bytes.buffer, at, length);
    offset += length * width + padding(length * width);
  }
  const parts: IndexParts = {
    table: {
      terms: header.terms,
      stopIds: header.stopIds,
      documentFrequency: sections.documentFrequency as Int32Array,
      words: header.words,
      wordTerms: sections.wordTerms as Int32Array,
    },
    sequences: {
      values: sections.values as Int32Array,
      starts: sections.starts as Uint32Array,
      lengths: sections.lengths as Uint16Array,
      totalLength: header.totalLength,
    },
    postings: {
      cellStarts: sections.cellStarts as Int32Array,
      ordinals: sections.ordinals as Int32Array,
      registered: sections.registered as Int32Array,
    },
    fuzzyWords: sections.fuzzyWords as Int32Array,
    fuzzyStarts: sections.fuzzyStarts as Int32Array,
    fuzzyEntries: sections.fuzzyEntries as Int32Array,
    sortedWords: sections.sortedWords as Int32Array,
  };
  if (!consistent(parts, input.passages.length)) return undefined;
  return new PassageIndex(input, parts);
}

/** The sizes that tie the parts together, so a damaged file cannot make a broken index. */
function consistent(parts: IndexParts, passages: number): boolean {
  const terms = parts.table.terms.length;
  const { sequences, postings } = parts;
  return (
    parts.table.documentFrequency.length === terms &&
    parts.table.wordTerms.length === parts.table.words.length &&
    sequences.starts.length === passages + 1 &&
    sequences.lengths.length === passages &&
    sequences.starts[passages] === sequences.values.length &&
    postings.cellStarts.length === terms * IMPACT_BUCKETS + 1 &&
    postings.cellStarts[terms * IMPACT_BUCKETS] === postings.ordinals.length &&
    parts.sortedWords.length === parts.table.words.length
  );
}

export type IndexSource = 'built' | 'loaded';

/**
 * The index of `input`: loaded from `directory` when stored there for this very input, else
 * built (and stored, for a large corpus). A directory that cannot be written only costs the
 * next start the build.
 */
export function loadOrBuildIndex(
  input: IndexInput,
  directory: string,
): { readonly index: PassageIndex; readonly source: IndexSource } {
  if (input.passages.length < PERSIST_FROM_PASSAGES)
    return { index: new PassageIndex(input), source: 'built' };
  const key = indexKey(input);
  const stored = loadIndex(input, directory, key);
  if (stored) return { index: stored, source: 'loaded' };
  const index = new PassageIndex(input);
  try {
    saveIndex(index, directory, key);
  } catch {
    // Not storing is not an error: the index is built and answering either way.
  }
  return { index, source: 'built' };
}
