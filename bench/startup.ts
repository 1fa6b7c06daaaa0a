import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The console prints this once the corpus is loaded and the index built. */
const READY = 'story-bot console:';
/** A command answered before the process counts as ready to answer. */
const FIRST_COMMAND = '/quote text:urgent review\n';
const ANSWERED = /urgent review/i;
const TIMEOUT_MS = 60_000;

/** How the bot is started: `npm start` runs the compiled JavaScript, `npm run dev` the sources through tsx. */
const ENTRIES = {
  compiled: ['dist/src/main.js'],
  tsx: ['--import', 'tsx', 'src/main.ts'],
} as const;

/**
 * Process start to ready-to-answer in console mode (what `npm start` runs without a token): a
 * fresh `node dist/src/main.js` (or, for `tsx`, `node --import tsx src/main.ts`) until it has
 * answered its first command.
 */
export function consoleStartup(how: keyof typeof ENTRIES = 'compiled'): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const env: NodeJS.ProcessEnv = { ...process.env, BOT_MODE: 'console', LOG_LEVEL: 'silent' };
    delete env.DISCORD_TOKEN;
    const child = spawn(process.execPath, [...ENTRIES[how]], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`console start-up: no answer within ${TIMEOUT_MS} ms:\n${output}`));
    }, TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (!ready && output.includes(READY)) ready = true;
      if (ready && ANSWERED.test(output.slice(output.indexOf(READY) + READY.length))) {
        const elapsed = performance.now() - started;
        clearTimeout(timer);
        child.stdin.end('/exit\n');
        child.once('exit', () => resolve(elapsed));
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.stdin.write(FIRST_COMMAND);
  });
}
