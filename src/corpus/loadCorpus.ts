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

/** The corpus shipped with the bot. */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));

/** Reads the corpus files of a directory; paths in messages are relative to the working directory. */
export async function readCorpusFiles(directory = DEFAULT_CORPUS_DIR): Promise<CorpusFile[]> {
  const names = (await readdir(directory))
    .filter((name) => name.endsWith('.md') || name === KNOWLEDGE_FILE)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const full = path.join(directory, name);
      return {
        path: path.relative(process.cwd(), full) || full,
        text: await readFile(full, 'utf8'),
      };
    }),
  );
}

export async function loadCorpus(directory?: string): Promise<Corpus> {
  return buildCorpus(await readCorpusFiles(directory));
}

export async function checkCorpusDirectory(directory?: string): Promise<CorpusCheck> {
  return checkCorpus(await readCorpusFiles(directory));
}
