/**
 * `npm run preview -- "<command as typed in Discord>" [--locale de] [--out docs/previews]
 * [--name file]`: the exact reply body the bot sends, drawn as Discord shows it (an HTML page),
 * and, where Chromium is installed, a PNG of it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { bootstrap } from '../src/bot/bootstrap.js';
import { renderInteractionResponse } from '../src/discord/discordRenderer.js';
import { messageHtml } from './messageHtml.js';
import { chromiumInstalled, screenshot } from './screenshot.js';

const { values, positionals } = parseArgs({
  options: {
    locale: { type: 'string' },
    out: { type: 'string', default: 'docs/previews' },
    name: { type: 'string' },
  },
  allowPositionals: true,
});
const line = positionals.join(' ').trim();
if (!line) {
  console.error(
    'Usage: npm run preview -- "/story review-status" [--locale de] [--out dir] [--name file]',
  );
  process.exit(2);
}

const router = await bootstrap(commands);
const routed = router.runLine(line, values.locale);
const body = renderInteractionResponse(routed.reply, {
  fingerprint: router.story.corpus.fingerprint,
}).data;
const invoked = routed.invocation
  ? [routed.invocation.name, routed.invocation.subcommand].filter(Boolean).join(' ')
  : (line.replace(/^\//, '').split(' ')[0] ?? '');
const slug =
  values.name ??
  `${line
    .replace(/^\//, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)}${values.locale ? `.${values.locale}` : ''}`;
await mkdir(values.out, { recursive: true });
const htmlFile = path.join(values.out, `${slug}.html`);
await writeFile(htmlFile, await messageHtml(body, invoked, line));
console.log(`wrote ${htmlFile}`);
if (chromiumInstalled()) {
  const pngFile = path.join(values.out, `${slug}.png`);
  await screenshot(path.resolve(htmlFile), pngFile);
  console.log(`wrote ${pngFile}`);
} else {
  console.log('no PNG: Chromium is not installed (apt-get install chromium)');
}
