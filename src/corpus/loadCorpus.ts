import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildCorpus,
  checkCorpus,
  KNOWLEDGE_FILE,
  type CorpusCheck,
  type CorpusFile,
} from './corpus.js';
import type { Corpus } from './corpusTypes.js';
import { CorpusLocationError } from './problems.js';
import { decodeUtf8 } from './utf8.js';

/** A path inside the repository, from src/ or from the compiled dist/src/ (`npm start`). */
export function repositoryPath(relative: string): string {
  // Two folders up from src/corpus/, three when compiled to dist/src/corpus/.
  const root = import.meta.url.includes('/dist/src/') ? '../../../' : '../../';
  return fileURLToPath(new URL(`${root}${relative}`, import.meta.url));
}

/** The corpus shipped with the bot. */
export const DEFAULT_CORPUS_DIR = repositoryPath('corpus/');

/** Why a path could not be read, in words (the code stays for searching). */
function unreadable(shown: string, error: unknown, isDirectory: boolean): CorpusLocationError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  if (isDirectory && code === 'ENOENT')
    return new CorpusLocationError(`${shown}: no such directory`);
  if (isDirectory && code === 'ENOTDIR')
    return new CorpusLocationError(`${shown}: not a directory`);
  if (!isDirectory && code === 'EISDIR') {
    return new CorpusLocationError(
      `${shown}: a directory, not a document file (move it out of the corpus directory or rename it)`,
    );
  }
  const why = (error as Error).message.split(',')[0] ?? code;
  return new CorpusLocationError(`${shown}: cannot be read (${why})`);
}

/** The files a corpus is made of: its documents (`*.md`) and the editors' knowledge. */
export function isCorpusFileName(name: string): boolean {
  return name.endsWith('.md') || name === KNOWLEDGE_FILE;
}

/** A path as messages show it: relative to the working directory. */
export function shownPath(full: string): string {
  return path.relative(process.cwd(), full) || full;
}

/**
 * A corpus file from its bytes, named `file` in messages: bytes that are not UTF-8 are one of its
 * problems (at line and column), reported with every other problem of the corpus.
 */
export function corpusFileFrom(file: string, bytes: Uint8Array): CorpusFile {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return { path: file, text: decoded.text };
  const { line, column, byte } = decoded;
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  const message = `invalid UTF-8 (byte 0x${hex}): save the file as UTF-8`;
  return { path: file, text: decoded.text, problems: [{ file, line, column, message }] };
}

/**
 * Reads the corpus files of a directory; paths in messages are relative to the working directory.
 * A path that cannot be read is a CorpusLocationError.
 */
export async function readCorpusFiles(directory = DEFAULT_CORPUS_DIR): Promise<CorpusFile[]> {
  const names = await readdir(directory).catch((error: unknown) => {
    throw unreadable(directory, error, true);
  });
  return Promise.all(
    names
      .filter(isCorpusFileName)
      .sort()
      .map(async (name) => {
        const full = path.join(directory, name);
        const bytes = await readFile(full).catch((error: unknown) => {
          throw unreadable(shownPath(full), error, false);
        });
        return corpusFileFrom(shownPath(full), bytes);
      }),
  );
}

export async function loadCorpus(directory?: string): Promise<Corpus> {
  return buildCorpus(await readCorpusFiles(directory));
}

export async function checkCorpusDirectory(directory?: string): Promise<CorpusCheck> {
  return checkCorpus(await readCorpusFiles(directory));
}
