import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's Chromium; previews are taken only where it is installed. */
export const CHROMIUM = '/usr/bin/chromium';

/** Offline and quiet: no updates, no sync, no QUIC, nothing fetched but the page itself. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A grey disc for the avatars the page asks Discord's CDN for (never fetched). */
const AVATAR = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="32" fill="#5865f2"/></svg>`;

/** An emoji's character as an image, for "26a0" (Twemoji's file names: code points in hex). */
function glyph(codes: string): string {
  const text = String.fromCodePoint(...codes.split('-').map((hex) => Number.parseInt(hex, 16)));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><text x="32" y="50" font-size="48" text-anchor="middle" fill="#f0b232">${text}</text></svg>`;
}

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM);
}

export interface Shot {
  /** The page's visible text, as a reader would select it. */
  readonly text: string;
}

/**
 * Opens `htmlFile` in headless Chromium (a fresh profile, every request but the file itself
 * refused) and, with `pngFile`, saves a screenshot of the rendered messages.
 */
export async function screenshot(htmlFile: string, pngFile?: string): Promise<Shot> {
  const profile = await mkdtemp(path.join(tmpdir(), 'story-bot-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 820, height: 600 },
    deviceScaleFactor: 1,
    offline: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      // Avatars get a disc; an emoji image (Twemoji's CDN) is drawn from its own character.
      if (url.includes('/avatars/'))
        return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: AVATAR });
      const emoji = /\/twemoji\/.*\/([0-9a-f-]+)\.svg$/u.exec(url)?.[1];
      if (emoji)
        return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: glyph(emoji) });
      return route.abort();
    });
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: 15_000 });
    const messages = page.locator('discord-messages').first();
    if (pngFile) await messages.screenshot({ path: pngFile, timeout: 15_000 });
    return { text: await messages.innerText({ timeout: 15_000 }) };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
