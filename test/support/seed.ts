import { commands } from '../../commands/index.js';
import { CommandRouter } from '../../src/bot/router.js';
import { createStory, type Story } from '../../src/story/story.js';
import { buildCorpus, type CorpusFile } from '../../src/corpus/corpus.js';
import { readCorpusFiles } from '../../src/corpus/loadCorpus.js';

/** The shipped corpus's files, read once per test file. */
let files: CorpusFile[] | undefined;
export async function seedFiles(): Promise<CorpusFile[]> {
  files ??= await readCorpusFiles();
  return files;
}

let router: CommandRouter | undefined;
/** The bot's router over the shipped corpus, built once per test file. */
export async function seedRouter(): Promise<CommandRouter> {
  router ??= routerFor(await seedFiles());
  return router;
}

export async function seedStory(): Promise<Story> {
  return (await seedRouter()).story;
}

export function routerFor(corpusFiles: readonly CorpusFile[]): CommandRouter {
  return new CommandRouter(createStory(buildCorpus(corpusFiles)), commands);
}

/** A copy of `files` with one file's text changed (or a file added when `path` is new). */
export function editFile(
  files: readonly CorpusFile[],
  name: string,
  edit: (text: string) => string,
): CorpusFile[] {
  const existing = files.find((f) => f.path.endsWith(name));
  if (!existing) return [...files, { path: `corpus/${name}`, text: edit('') }];
  return files.map((f) => (f === existing ? { path: f.path, text: edit(f.text) } : f));
}

/** Replaces exactly one occurrence, so a test cannot silently edit nothing. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
