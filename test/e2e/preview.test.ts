import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import { renderInteractionResponse } from '../../src/discord/discordRenderer.js';
import { messageHtml } from '../../preview/messageHtml.js';
import { chromiumInstalled, CHROMIUM, screenshot } from '../../preview/screenshot.js';
import { seedRouter } from '../support/seed.js';

/**
 * A preview shows the exact body the bot sends, drawn as Discord draws it, in headless Chromium
 * (offline: every request but the page itself is refused). Where Chromium is not installed the
 * test says so and is skipped.
 */
const installed = chromiumInstalled();
if (!installed)
  console.log(`preview test skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

let router: CommandRouter;
let dir: string;
beforeAll(async () => {
  router = await seedRouter();
  dir = await mkdtemp(path.join(tmpdir(), 'story-bot-preview-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('previews', () => {
  it.skipIf(!installed)(
    'GIVEN a /quote reply THEN headless Chromium shows its quote, attribution and buttons',
    async () => {
      const line = '/quote text:urgent review';
      const body = renderInteractionResponse(router.runLine(line).reply, {
        fingerprint: router.story.corpus.fingerprint,
      }).data;
      const file = path.join(dir, 'quote.html');
      await writeFile(file, await messageHtml(body, 'quote', line));
      const html = await readFile(file, 'utf8');
      // Drawn here, from node_modules: no script or style from a CDN.
      expect(html).not.toMatch(/<script[^>]+src=["']https?:/u);
      const png = path.join(dir, 'quote.png');
      const shot = await screenshot(file, png);
      const text = shot.text.replace(/\s+/gu, ' ');
      expect(text).toContain('Microsoft appreciates that The Guardian’s recent report raises');
      expect(text).toContain('urgent review');
      expect(text).toContain('direct quote');
      expect(text).toContain('Source ↗');
      expect(text).toContain('Next ▶');
      expect((await readFile(png)).subarray(1, 4).toString()).toBe('PNG');
    },
  );
});
