import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REUTERS_ADDED, REUTERS_DOCUMENT, STATUS_TEXT } from '../support/corpusEdits.js';

/**
 * `npm run corpus:diff` as editors run it: the compiled CLI (`pretest:e2e` builds dist/) against a
 * throw-away git repository holding a copy of the shipped corpus.
 */
const run = promisify(execFile);
const CLI = path.resolve('dist/src/terminal/corpusDiffMain.js');
const TIMEOUT = 15_000;

const NEW_EVENT = `  - date: 2025-10-01
    event: Reuters reported that the review had concluded.
    cite:
      - doc: reuters-2025-10-01

review:
  subject:`;

const scratch = mkdtempSync(path.join(tmpdir(), 'story-bot-e2e-diff-'));
const repo = path.join(scratch, 'repo');
/** No user or system git configuration (hooks, signing, aliases) reaches the test's git or the CLI. */
const env = {
  PATH: process.env.PATH ?? '',
  HOME: scratch,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: path.join(scratch, 'no-gitconfig'),
};

async function git(...args: string[]): Promise<void> {
  await run(
    'git',
    ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.com', '-C', repo, ...args],
    { env, timeout: TIMEOUT },
  );
}

function replaceOnce(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (text.split(from).length !== 2) throw new Error(`expected exactly one "${from}" in ${file}`);
  writeFileSync(
    file,
    text.replace(from, () => to),
  );
}

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function corpusDiff(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Outcome> {
  return run(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? repo,
    env: { ...env, ...options.env },
    timeout: TIMEOUT,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: Outcome) => error,
  );
}

/** One line on stderr, nothing on stdout, exit 1: never a stack trace. */
function expectOneLine(result: Outcome, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  // v1: the shipped corpus, three times (one copy to break later, one left alone). v2: a broken
  // corpus, fixed since.
  for (const copy of ['corpus', 'breaks-later', 'untouched']) {
    cpSync('corpus', path.join(repo, copy), { recursive: true });
  }
  await git('init', '--quiet');
  await git('add', '.');
  await git('commit', '--quiet', '--no-gpg-sign', '-m', 'v1');
  await git('tag', 'v1');
  cpSync('corpus', path.join(repo, 'was-broken'), { recursive: true });
  const wasBroken = path.join(repo, 'was-broken', 'story.yaml');
  replaceOnce(wasBroken, '    by: microsoft', '    by: nobody');
  await git('add', '.');
  await git('commit', '--quiet', '--no-gpg-sign', '-m', 'v2');
  await git('tag', 'v2');

  // The working tree: an editor's day in corpus/; was-broken/ fixed; breaks-later/ broken; and a
  // corpus that git has never seen.
  writeFileSync(path.join(repo, 'corpus', 'reuters-2025-10-01.md'), REUTERS_DOCUMENT);
  const story = path.join(repo, 'corpus', 'story.yaml');
  replaceOnce(story, 'review:\n  subject:', NEW_EVENT);
  replaceOnce(story, STATUS_TEXT, '    text: Concluded, according to Reuters.');
  replaceOnce(wasBroken, '    by: nobody', '    by: microsoft');
  replaceOnce(
    path.join(repo, 'breaks-later', 'story.yaml'),
    '    by: microsoft',
    '    by: somebody',
  );
  cpSync('corpus', path.join(repo, 'untracked'), { recursive: true });
  cpSync('corpus', path.join(scratch, 'not-in-git'), { recursive: true });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const STATUS_LINE =
  /^review status changed: Ongoing\. On September 25, 2025 .* no published findings\. → Concluded, according to Reuters\.$/;

// Each test starts its own process and only reads the repository, so they run side by side.
describe.concurrent('npm run corpus:diff', () => {
  it('names a new source, a new timeline event and a changed review status, exit 0', async () => {
    const result = await corpusDiff(['v1', 'corpus']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'new source: Microsoft review update — Reuters, October 1, 2025',
      'new timeline event, October 1, 2025: Reuters reported that the review had concluded.',
    ]);
    expect(lines[2]).toMatch(STATUS_LINE);
    expect(lines).toHaveLength(3);
  });

  it('reads the directory from CORPUS_DIR, from any working directory of the repository', async () => {
    const result = await corpusDiff(['HEAD'], {
      cwd: path.join(repo, 'was-broken'),
      env: { CORPUS_DIR: path.join(repo, 'corpus') },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'new source: Microsoft review update — Reuters, October 1, 2025',
    );
  });

  it('says "No changes." when the working tree matches the revision', async () => {
    const result = await corpusDiff(['HEAD', 'untouched']);
    expect(result).toMatchObject({ code: 0, stdout: 'No changes.\n', stderr: '' });
  });

  it('--json prints the diff as one JSON object', async () => {
    const result = await corpusDiff(['--json', 'v1', 'corpus']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const diff = JSON.parse(result.stdout) as { reviewChanges: { after: string }[] };
    expect(diff).toMatchObject({
      addedDocuments: [REUTERS_ADDED],
      addedEvents: [
        { date: '2025-10-01', text: 'Reuters reported that the review had concluded.' },
      ],
      changedEvents: [],
      removedEvents: [],
      reviewChanges: [{ field: 'status', after: 'Concluded, according to Reuters.' }],
      addedParties: [],
    });
  });

  it('--announcement prints what followers would be told, cited', async () => {
    const result = await corpusDiff(['v1', 'corpus', '--announcement']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('The story has been updated');
    expect(result.stdout).toContain('Review status, updated');
    expect(result.stdout).toContain('New on the timeline · October 1, 2025');
    expect(result.stdout).toContain('Reuters reported that the review had concluded.');
    expect(result.stdout).toContain('Microsoft review update');
    const unchanged = await corpusDiff(['HEAD', 'untouched', '--announcement']);
    expect(unchanged.stdout).toBe('No changes: nothing would be announced.\n');
  });

  it('without a ref: the usage in one line, exit 1', async () => {
    expectOneLine(await corpusDiff([]), /^Usage: npm run corpus:diff -- <git ref> \[directory\]/);
    expectOneLine(await corpusDiff(['--json']), /^Usage: /);
    expectOneLine(await corpusDiff(['v1', 'corpus', 'extra']), /^Usage: /);
  });

  it('an unknown option: named in one line, exit 1', async () => {
    expectOneLine(await corpusDiff(['--cached', 'v1']), /^Unknown option '--cached'\. Usage: /);
  });

  it('an unknown ref: one line naming it, exit 1', async () => {
    expectOneLine(await corpusDiff(['no-such-tag', 'corpus']), /^Unknown git ref "no-such-tag"/);
  });

  it('a directory outside any git repository: one line, exit 1', async () => {
    expectOneLine(
      await corpusDiff(['HEAD', path.join(scratch, 'not-in-git')], { cwd: scratch }),
      /^Not a git repository: not-in-git$/,
    );
  });

  it('a directory that does not exist: one line naming it, exit 1', async () => {
    expectOneLine(
      await corpusDiff(['v1', 'nowhere']),
      /^Corpus error: nowhere: no such directory$/,
    );
  });

  it('a directory absent at the ref: one line naming both, exit 1', async () => {
    expectOneLine(
      await corpusDiff(['v1', 'untracked']),
      /^No corpus at v1: untracked\/ did not exist in that revision$/,
    );
  });

  it('a corpus broken at the ref: its file:line problems, named as the past side, exit 1', async () => {
    const result = await corpusDiff(['v2', 'was-broken']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^v2:was-broken\/story\.yaml:\d+: unknown party id "nobody"\n1 problem found in the corpus at v2\n$/,
    );
  });

  it('a corpus broken in the working tree: its file:line problems, named as such, exit 1', async () => {
    const result = await corpusDiff(['v1', 'breaks-later']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^breaks-later\/story\.yaml:\d+: unknown party id "somebody"\n1 problem found in the working tree's corpus \(breaks-later\)\n$/,
    );
  });
});
