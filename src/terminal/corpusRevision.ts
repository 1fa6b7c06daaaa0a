/**
 * The corpus files of a directory as they were at a past git revision, read with git's plumbing
 * (never a shell) and named `<ref>:<path in the repository>` so problems point at that revision.
 * For `npm run corpus:diff` and `npm run preview -- --update <ref>`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CorpusFile } from '../corpus/corpus.js';
import { corpusFileFrom, isCorpusFileName, shownPath } from '../corpus/loadCorpus.js';

/** A corpus is a few hundred kilobytes; this only stops a runaway blob from filling memory. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Why the revision could not be read: one line for the editor. */
export class CorpusRevisionError extends Error {
  override readonly name = 'CorpusRevisionError';
}

const run = promisify(execFile);

interface GitFailure {
  readonly code?: number | string;
  readonly stderr?: Buffer | string;
}

/** git's own first line, for failures this tool does not explain itself. */
function gitSays(error: unknown): string {
  const failure = error as GitFailure;
  if (failure.code === 'ENOENT')
    throw new CorpusRevisionError(
      'git not found: reading a past revision of the corpus needs git on PATH',
    );
  return String(failure.stderr ?? '').split('\n')[0] ?? '';
}

async function git(directory: string, args: readonly string[]): Promise<Buffer> {
  const { stdout } = await run('git', ['-C', directory, ...args], {
    encoding: 'buffer',
    maxBuffer: MAX_FILE_BYTES,
  });
  return stdout;
}

/** The corpus files of `directory` as they were at `ref`, named `<ref>:<path in the repository>`. */
export async function readCorpusFilesAt(ref: string, directory: string): Promise<CorpusFile[]> {
  const prefix = await git(directory, ['rev-parse', '--show-prefix']).then(
    (out) => out.toString('utf8').replace(/\n$/, ''),
    (error: unknown) => {
      const said = gitSays(error);
      const why = /not a git repository/i.test(said) ? '' : ` (git: ${said})`;
      throw new CorpusRevisionError(`Not a git repository: ${shownPath(directory)}${why}`);
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
      throw new CorpusRevisionError(`Unknown git ref "${ref}": no such commit, branch or tag`);
    },
  );
  const where = prefix.replace(/\/$/, '');
  const listing = await git(directory, [
    'ls-tree',
    '-z',
    '--full-tree',
    `${commit}:${where}`,
  ]).catch(() => {
    throw new CorpusRevisionError(
      `No corpus at ${ref}: ${where || '.'}/ did not exist in that revision`,
    );
  });

  const files: CorpusFile[] = [];
  for (const entry of listing.toString('utf8').split('\0')) {
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!match) continue;
    const [, mode, type, object, name = ''] = match;
    if (!isCorpusFileName(name)) continue;
    const named = `${ref}:${prefix}${name}`;
    if (type === 'tree') {
      throw new CorpusRevisionError(
        `${named}: a directory, not a document file (in that revision)`,
      );
    }
    if (type !== 'blob' || mode === '120000') {
      throw new CorpusRevisionError(
        `${named}: not a plain file, so corpus:diff cannot read it at ${ref}`,
      );
    }
    const bytes = await git(directory, ['cat-file', 'blob', object ?? '']).catch((error) => {
      throw new CorpusRevisionError(`${named}: cannot be read (git: ${gitSays(error)})`);
    });
    files.push(corpusFileFrom(named, bytes));
  }
  return files;
}
