import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import { startConsole } from '../../src/terminal/console.js';
import { renderTerminal } from '../../src/terminal/terminalRenderer.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

/** Types the lines into a console and returns everything it printed once it has closed. */
async function typeInto(lines: readonly string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const rl = startConsole(router, { input, output, color: false, terminal: false });
  const closed = new Promise((resolve) => rl.once('close', resolve));
  input.end(lines.map((line) => `${line}\n`).join(''));
  await closed;
  return printed;
}

describe('console', () => {
  it('GIVEN a paged answer THEN /next and /prev run that same command for the other pages', async () => {
    const question = 'what did "the guardian" report about unit 8200';
    const printed = await typeInto([`/story ask question:${question}`, '/next', '/next', '/prev']);
    const page = (n: number) =>
      renderTerminal(
        router.run({ name: 'story', subcommand: 'ask', options: { question }, page: n }),
        {
          color: false,
        },
      );
    expect(page(2)).toContain('Page 2 of 2');
    const shown = [page(1), page(2), page(2), page(1)];
    let at = 0;
    for (const text of shown) {
      const found = printed.indexOf(text, at);
      expect(found, text.slice(0, 80)).toBeGreaterThanOrEqual(at);
      at = found + text.length;
    }
  });

  it('says there is nothing to page before a paged answer', async () => {
    expect(await typeInto(['/story review-status', '/next'])).toContain(
      'Nothing to page: run a search first.',
    );
  });

  it('GIVEN /help THEN lists the typed commands, and Check quote as an Apps entry on a message, not as a command', async () => {
    const printed = await typeInto(['/help']);
    expect(printed).toContain('/story review-status');
    expect(printed).toContain('On a message in Discord (Apps menu): Check quote');
    expect(printed).not.toContain('/Check quote');
  });
});
