import { messageText } from '../support/componentsV2.js';
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', 'src/terminal/cliMain.ts'];
const TIMEOUT = 15_000;

describe('npm run cli', () => {
  it('prints one JSON object with the Discord response and the verbatim passages', async () => {
    const { stdout } = await run(
      'node',
      [...CLI, '--json', '/quote text:urgent review speaker:Microsoft'],
      { timeout: TIMEOUT },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? '') as {
      response: { data: { allowed_mentions: unknown } };
      passages: unknown[];
    };
    expect(result).toMatchObject({
      command: '/quote text:urgent review speaker:Microsoft',
      ok: true,
      response: { type: 4 },
    });
    expect(result.response.data.allowed_mentions).toEqual({ parse: [] });
    expect(result.passages[0]).toEqual({
      id: 'microsoft-2025-08-15-update:1.1',
      documentId: 'microsoft-2025-08-15-update',
      text: 'Microsoft appreciates that The Guardian’s recent report raises additional and precise allegations that merit a full and urgent review',
      speaker: 'Microsoft',
      kind: 'direct-quote',
      source: {
        title:
          "August 15, 2025 update to Microsoft's statement on the issues relating to technology services in Israel and Gaza",
        publisher: 'Microsoft',
        published: 'August 15, 2025',
        url: 'https://blogs.microsoft.com/on-the-issues/2025/05/15/statement-technology-israel-gaza/',
      },
    });
  });

  it('gives a quote check its verdict, similarity and flags', async () => {
    const { stdout } = await run(
      'node',
      [
        ...CLI,
        '--json',
        '/story check quote:Microsoft admitted "Unit 8200 used Azure to collect phone calls from Palestinians in Gaza"',
      ],
      { timeout: TIMEOUT },
    );
    const result = JSON.parse(stdout) as { verdict: string; similarity: number; flags: string[] };
    expect(result).toMatchObject({ verdict: 'verbatim', similarity: 1, flags: ['misattributed'] });
  });

  it('answers one JSON line per stdin line, in order, with nothing else on stdout', async () => {
    const child = spawn('node', [...CLI, '--json'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: TIMEOUT,
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdin.end('/story review-status\n/nope\n/quote text:Burling\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    // One of the replies is an error, and the exit code says so.
    expect(code).toBe(1);
    const results = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { command: string; ok: boolean });
    expect(results.map((r) => [r.command, r.ok])).toEqual([
      ['/story review-status', true],
      ['/nope', false],
      ['/quote text:Burling', true],
    ]);
  });

  it('prints readable text without --json', async () => {
    const { stdout } = await run(
      'node',
      [...CLI, '/story ask question:Who is conducting the review?'],
      { timeout: TIMEOUT },
    );
    expect(stdout).toContain('Covington and Buling LLP');
    expect(stdout).not.toContain('{');
  });

  it('says its own words in the language of --locale, and the quotes as they stand', async () => {
    const { stdout } = await run('node', [...CLI, '--locale', 'tr', '/story review-status'], {
      timeout: TIMEOUT,
    });
    expect(stdout).toContain('İnceleme durumu');
    expect(stdout).toContain('Yürüten: The law firm Covington & Burling LLP');
    expect(stdout).toContain(
      'Microsoft said it would public the findings of its review once complete.',
    );
  });
});

describe.concurrent('npm run cli, exit code and help', () => {
  // Exit 0 on an answer: every other test here that runs a command with execFile relies on it.
  it('exits 1 when the reply is an error', async () => {
    const failed = await outcome(['src/terminal/cliMain.ts', '--json', '/story timeline extra']);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false });
  });

  it('answers /help in --json like any command', async () => {
    const help = await outcome(['src/terminal/cliMain.ts', '--json', '/help']);
    expect(help.code).toBe(0);
    const result = JSON.parse(help.stdout) as {
      ok: boolean;
      response: { data: Parameters<typeof messageText>[0] };
    };
    expect(result.ok).toBe(true);
    const text = messageText(result.response.data);
    expect(text).toContain('/story review-status');
    expect(text).toContain('Apps menu');
    expect(text).not.toContain('/Check quote');
  });
});

describe('npm run cli -- --explain', () => {
  it('prints how a question was read and answered, exit 0; with no question, the usage, exit 2', async () => {
    const { stdout } = await run('node', [...CLI, '--explain', 'who runs the review'], {
      timeout: TIMEOUT,
    });
    expect(stdout).toMatch(/^Question: who runs the review\n\nPart 1 of 1: "who runs the review"/);
    expect(stdout).toContain('Answer: leads with review:conducted-by');
    const bare = await outcome(['src/terminal/cliMain.ts', '--explain']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--explain takes a question[\s\S]*Usage:/);
  });
});

describe('npm run cli, misused', () => {
  it('names an unknown flag and shows the usage, exit code 2', async () => {
    const failed = await run('node', [...CLI, '--verbose'], { timeout: TIMEOUT }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in failed && failed.code).toBe(2);
    expect('stderr' in failed && failed.stderr).toMatch(/Unknown option '--verbose'[\s\S]*Usage:/);
  });
});

describe('npm run corpus:check', () => {
  it('exits 0 on the shipped corpus and 1 with file:line messages on a broken one', async () => {
    const ok = await run('node', ['--import', 'tsx', 'src/terminal/corpusCheck.ts'], {
      timeout: TIMEOUT,
    });
    expect(ok.stdout).toMatch(/^corpus ok: \d+ documents/);
    const broken = await run(
      'node',
      ['--import', 'tsx', 'src/terminal/corpusCheck.ts', 'test/fixtures/broken-corpus'],
      { timeout: TIMEOUT },
    ).catch((error: { code: number; stderr: string }) => error);
    expect('code' in broken && broken.code).toBe(1);
    expect('stderr' in broken && broken.stderr).toMatch(/broken-corpus\/bad\.md:4: kind: /);
  });
});

/** Runs an entry point; resolves with its exit code and output whatever the code. */
async function outcome(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return run('node', ['--import', 'tsx', ...args], {
    timeout: TIMEOUT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** One line on stderr naming `path`, nothing on stdout, exit 1: never a stack trace. */
function expectOneLine(result: { code: number; stdout: string; stderr: string }, named: string) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toContain(named);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

// Each test starts its own processes, so they run side by side.
describe.concurrent('corpus locations that cannot be read', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'story-bot-e2e-corpus-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('CORPUS_DIR=/nonexistent npm start: one line naming the directory, exit 1', async () => {
    expectOneLine(await outcome(['src/main.ts'], { CORPUS_DIR: '/nonexistent' }), '/nonexistent');
  });

  it('npm run cli -- --corpus /nonexistent: one line naming the directory, exit 1', async () => {
    expectOneLine(
      await outcome(['src/terminal/cliMain.ts', '--corpus', '/nonexistent', '/story timeline']),
      '/nonexistent',
    );
  });

  it('a directory named drafts.md in the corpus: npm start says so in one line naming it, exit 1', async () => {
    const dir = path.join(scratch, 'with-drafts');
    cpSync('corpus', dir, { recursive: true });
    mkdirSync(path.join(dir, 'drafts.md'));
    expectOneLine(await outcome(['src/main.ts'], { CORPUS_DIR: dir }), 'drafts.md');
  });

  it('CORPUS_DIR=/x npm run corpus:check checks /x, not the shipped corpus', async () => {
    expectOneLine(
      await outcome(['src/terminal/corpusCheck.ts'], { CORPUS_DIR: '/nonexistent' }),
      '/nonexistent',
    );
  });

  it('a document with a byte that is not UTF-8: corpus:check names its file, line and column', async () => {
    const dir = path.join(scratch, 'latin1');
    cpSync('corpus', dir, { recursive: true });
    const file = path.join(dir, 'fox28-microsoft-azure-review.md');
    writeFileSync(
      file,
      Buffer.concat([readFileSync(file), Buffer.from('Caf\xe9 au lait.\n', 'latin1')]),
    );
    const result = await outcome(['src/terminal/corpusCheck.ts', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /fox28-microsoft-azure-review\.md:\d+:4: invalid UTF-8 \(byte 0xE9\)/,
    );
  });
});
