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

  it('leads a quote check with what changes the meaning and whose words they are', () => {
    const text = renderTerminal(
      router.runLine(
        '/story check quote:brad smith literally said "Azure did not allow Unit 8200 to store the phone calls"',
      ).reply,
      { color: false },
    );
    expect(text.split('\n').slice(2, 5)).toEqual([
      '⛔ Changes the meaning. The source says “…Guardian, but Azure allowed Unit 8200 to…”; the message has “not”.',
      "⛔ Wrong speaker. This is The Guardian's claim, as FOX 28 Spokane reports it, not Brad Smith's.",
      'Close, not verbatim: the source says it differently (similarity 80%).',
    ]);
  });
});
