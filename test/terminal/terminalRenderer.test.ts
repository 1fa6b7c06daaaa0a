import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import { renderTerminal } from '../../src/terminal/terminalRenderer.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

describe('terminal rendering', () => {
  it('prints plain text without Markdown or terminal escapes from input', () => {
    const text = renderTerminal(router.runLine('/quote text:\u001b[31m urgent review').reply, {
      color: false,
    });
    expect(text).toContain('“Microsoft appreciates that The Guardian’s recent report');
    expect(text).not.toContain('**');
    expect(text).not.toContain('\u001b');
  });
});
