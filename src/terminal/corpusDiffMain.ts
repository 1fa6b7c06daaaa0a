/**
 * `npm run corpus:diff -- <git ref> [directory] [--json | --announcement]`: what changed in the
 * corpus between a past revision and the working tree, in the editors' terms, for editors to review
 * before they publish; `--announcement` prints the announcement followers will get for it. The directory is the argument, else CORPUS_DIR, else the shipped corpus (as for
 * corpus:check). Both sides are checked like corpus:check; anything that stops the comparison is
 * one line on stderr and exit 1. The past revision is read with git's plumbing, never a shell.
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  checkCorpus,
  KNOWLEDGE_FILE,
  type CorpusCheck,
  type CorpusFile,
} from '../corpus/corpus.js';
import { diffCorpus, isEmptyDiff } from '../corpus/corpusDiff.js';
import { storyUpdate } from '../answers/storyUpdate.js';
import { createStory } from '../story/story.js';
import { renderTerminal } from './terminalRenderer.js';
import type { Corpus } from '../corpus/corpusTypes.js';
import { checkCorpusDirectory, DEFAULT_CORPUS_DIR } from '../corpus/loadCorpus.js';
import { CorpusLocationError, formatProblem } from '../corpus/problems.js';
import { decodeUtf8 } from '../corpus/utf8.js';
import { corpusDiffJson, formatCorpusDiff } from './corpusDiffReport.js';

const USAGE = 'Usage: npm run corpus:diff -- <git ref> [directory] [--json | --announcement]';
const FLAGS = ['--json', '--announcement'];
/** A corpus is a few hundred kilobytes; this only stops a runaway blob from filling memory. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Stops the comparison: its message is the one line the editor sees. */
class DiffStop extends Error {}

const run = promisify(execFile);

interface GitFailure {
  readonly code?: number | string;
  readonly stderr?: Buffer | string;
}

/** git's own first line, for failures this tool does not explain itself. */
function gitSays(error: unknown): string {
  const failure = error as GitFailure;
  if (failure.code === 'ENOENT') throw new DiffStop('git not found: corpus:diff needs git on PATH');
  return String(failure.stderr ?? '').split('\n')[0] ?? '';
}

async function git(directory: string, args: readonly string[]): Promise<Buffer> {
  const { stdout } = await run('git', ['-C', directory, ...args], {
    encoding: 'buffer',
    maxBuffer: MAX_FILE_BYTES,
  });
  return stdout;
}

function parseArguments(args: readonly string[]): {
  ref: string;
  directory: string;
  json: boolean;
  announcement: boolean;
} {
  const unknown = args.find((arg) => arg.startsWith('-') && !FLAGS.includes(arg));
  if (unknown !== undefined) throw new DiffStop(`Unknown option '${unknown}'. ${USAGE}`);
  if (FLAGS.every((flag) => args.includes(flag))) throw new DiffStop(USAGE);
  const positional = args.filter((arg) => !FLAGS.includes(arg));
  const [ref, directory, extra] = positional;
  if (ref === undefined || ref === '' || extra !== undefined) throw new DiffStop(USAGE);
  return {
    ref,
    directory: directory ?? (process.env.CORPUS_DIR?.trim() || DEFAULT_CORPUS_DIR),
    json: args.includes('--json'),
    announcement: args.includes('--announcement'),
  };
}

/** The corpus files of `directory` as they were at `ref`, named `<ref>:<path in the repository>`. */
async function readCorpusFilesAt(ref: string, directory: string): Promise<CorpusFile[]> {
  const prefix = await git(directory, ['rev-parse', '--show-prefix']).then(
    (out) => out.toString('utf8').replace(/\n$/, ''),
    (error: unknown) => {
      const said = gitSays(error);
      const why = /not a git repository/i.test(said) ? '' : ` (git: ${said})`;
      throw new DiffStop(`Not a git repository: ${shown(directory)}${why}`);
    },
  );
  const commit = await git(directory, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${ref}^{commit}`,
  ]).then(
    (out) => out.toString('utf8').trim(),
    () => {
      throw new DiffStop(`Unknown git ref "${ref}": no such commit, branch or tag`);
    },
  );
  const where = prefix.replace(/\/$/, '');
  const listing = await git(directory, [
    'ls-tree',
    '-z',
    '--full-tree',
    `${commit}:${where}`,
  ]).catch(() => {
    throw new DiffStop(`No corpus at ${ref}: ${where || '.'}/ did not exist in that revision`);
  });

  const files: CorpusFile[] = [];
  for (const entry of listing.toString('utf8').split('\0')) {
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!match) continue;
    const [, mode, type, object, name = ''] = match;
    if (!name.endsWith('.md') && name !== KNOWLEDGE_FILE) continue;
    const named = `${ref}:${prefix}${name}`;
    if (type === 'tree') {
      throw new DiffStop(`${named}: a directory, not a document file (in that revision)`);
    }
    if (type !== 'blob' || mode === '120000') {
      throw new DiffStop(`${named}: not a plain file, so corpus:diff cannot read it at ${ref}`);
    }
    const bytes = await git(directory, ['cat-file', 'blob', object ?? '']).catch((error) => {
      throw new DiffStop(`${named}: cannot be read (git: ${gitSays(error)})`);
    });
    files.push(decoded(named, bytes));
  }
  return files;
}

/** Like readCorpusFiles: bytes that are not UTF-8 are one of the file's problems. */
function decoded(file: string, bytes: Buffer): CorpusFile {
  const result = decodeUtf8(bytes);
  if (result.ok) return { path: file, text: result.text };
  const hex = result.byte.toString(16).toUpperCase().padStart(2, '0');
  const message = `invalid UTF-8 (byte 0x${hex}): save the file as UTF-8`;
  return {
    path: file,
    text: result.text,
    problems: [{ file, line: result.line, column: result.column, message }],
  };
}

function shown(directory: string): string {
  return path.relative(process.cwd(), directory) || directory;
}

/** Prints a side's problems like corpus:check, naming the side; the corpus when there are none. */
function reported(check: CorpusCheck, side: string): Corpus | undefined {
  if (check.ok) return check.corpus;
  for (const problem of check.problems) console.error(formatProblem(problem));
  const count = check.problems.length;
  console.error(`${count} problem${count === 1 ? '' : 's'} found in ${side}`);
  return undefined;
}

async function main(args: readonly string[]): Promise<number> {
  const { ref, directory, json, announcement } = parseArguments(args);
  const exists = await stat(directory).then(
    (found) => found.isDirectory(),
    () => false,
  );
  if (!exists) throw new DiffStop(`Corpus error: ${shown(directory)}: no such directory`);

  const pastFiles = await readCorpusFilesAt(ref, directory);
  const present = await checkCorpusDirectory(directory).catch((error: unknown) => {
    if (error instanceof CorpusLocationError) throw new DiffStop(`Corpus error: ${error.message}`);
    throw error;
  });
  const before = reported(checkCorpus(pastFiles), `the corpus at ${ref}`);
  const after = reported(present, `the working tree's corpus (${shown(directory)})`);
  if (!before || !after) return 1;

  const diff = diffCorpus(before, after);
  if (announcement) {
    // What a running bot would post for this change (the same reply, drawn for a terminal).
    console.log(
      isEmptyDiff(diff)
        ? 'No changes: nothing would be announced.'
        : renderTerminal(storyUpdate(createStory(after), diff), { color: false }),
    );
  } else if (json) console.log(JSON.stringify(corpusDiffJson(diff)));
  else for (const line of formatCorpusDiff(diff)) console.log(line);
  return 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  if (!(error instanceof DiffStop)) throw error;
  console.error(error.message);
  return 1;
});
