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
import { analyze, STOP_WORDS } from '../text/analyzer.js';
import { RANKING } from './options.js';
import { IMPACT_BUCKETS } from './passageFinder.js';
import { PassageIndex, type IndexInput } from './passageIndex.js';

/**
 * FlexSearch's index of a large corpus kept on disk (its own `export`, imported at the next start
 * instead of adding every passage again). A stored index is used only for the very input and
 * configuration it was built from — FlexSearch imports silently wrong results otherwise: its file
 * is named by a hash of both, and a file that does not check out means building anew. Below
 * PERSIST_FROM_PASSAGES, building is faster than hashing and reading, and nothing is stored.
 */
export const PERSIST_FROM_PASSAGES = 50_000;

/** Bumped whenever what is stored or how FlexSearch is configured changes. */
const FORMAT = 2;
const SUFFIX = '.index';
/** Stored indexes kept in a directory (the newest ones); older ones are removed. */
const KEEP = 3;
/** How the analyzer reads this line is part of the key: a change of stemming or folding shows. */
const ANALYZER_PROBE =
  'Surveillance surveilled intercepting statements state Covington’s COVINGTON +972 & 8200 cafés running';

/**
 * The file: a header line (JSON), then per chunk of FlexSearch's export its key and its data on
 * a line each (FlexSearch writes JSON without line breaks). Lines, not one JSON document: at a
 * million passages the export would not fit in one JavaScript string once escaped.
 */
interface Header {
  readonly format: number;
  readonly key: string;
  readonly passages: number;
  readonly chunks: number;
}

/** A hash of the index's input and of everything in the code that shapes the index. */
export function indexKey(input: IndexInput): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      format: FORMAT,
      analyzer: analyze(ANALYZER_PROBE).map((token) => token.term),
      stopWords: [...STOP_WORDS].sort(),
      buckets: IMPACT_BUCKETS,
      ranking: [RANKING.k1, RANKING.b],
      parties: input.parties.map((p) => [p.id, p.name, p.aliases]),
      synonyms: input.synonyms,
      sic: input.documents.map((d) => [d.id, d.sic]),
    }),
  );
  // One small update per passage: joining the corpus into large strings first costs more.
  for (const passage of input.passages)
    hash.update(
      `${passage.id}\u0001${passage.documentId}\u0001${passage.speakerId ?? ''}\u0001${passage.kind}\u0001${passage.text}\u0000`,
    );
  return hash.digest('hex').slice(0, 32);
}

/** Writes the index under `key` (atomically: a reader never sees half a file). */
export function saveIndex(index: PassageIndex, directory: string, key: string): void {
  const chunks = index.exportFinder();
  const header: Header = {
    format: FORMAT,
    key,
    passages: index.passages.length,
    chunks: chunks.length,
  };
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, key + SUFFIX);
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, JSON.stringify(header) + '\n');
    for (const [chunkKey, data] of chunks) writeSync(fd, `${chunkKey}\n${data}\n`);
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
  let lines: string[];
  let header: Header;
  try {
    lines = readFileSync(path.join(directory, key + SUFFIX), 'utf8').split('\n');
    header = JSON.parse(lines[0] ?? '') as Header;
  } catch {
    return undefined;
  }
  const valid =
    header.format === FORMAT &&
    header.key === key &&
    header.passages === input.passages.length &&
    lines.length === 2 + 2 * header.chunks;
  if (!valid) return undefined;
  const chunks: [string, string][] = [];
  for (let i = 1; i + 1 < lines.length; i += 2) chunks.push([lines[i] ?? '', lines[i + 1] ?? '']);
  try {
    return new PassageIndex(input, chunks);
  } catch {
    return undefined;
  }
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
