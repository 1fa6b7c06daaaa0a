/**
 * `npm run preview -- "<command as typed in Discord>" [--locale de] [--out docs/previews]
 * [--name file]`: the exact reply body the bot sends, drawn as Discord shows it (an HTML page),
 * and, where Chromium is installed, a PNG of it. `--update <git ref>` instead draws the
 * announcement a running bot would post for the corpus's changes since that revision.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { bootstrap } from '../src/bot/bootstrap.js';
import { renderInteractionResponse, renderMessageData } from '../src/discord/discordRenderer.js';
import { storyUpdate } from '../src/answers/storyUpdate.js';
import { checkCorpus } from '../src/corpus/corpus.js';
import { diffCorpus, isEmptyDiff } from '../src/corpus/corpusDiff.js';
import { checkCorpusDirectory, DEFAULT_CORPUS_DIR } from '../src/corpus/loadCorpus.js';
import { createStory } from '../src/story/story.js';
import { readCorpusFilesAt } from '../src/terminal/corpusRevision.js';
import { messageHtml } from './messageHtml.js';
import { chromiumInstalled, screenshot } from './screenshot.js';

const { values, positionals } = parseArgs({
  options: {
    locale: { type: 'string' },
    out: { type: 'string', default: 'docs/previews' },
    name: { type: 'string' },
    update: { type: 'string' },
  },
  allowPositionals: true,
});
const line =
  values.update === undefined ? positionals.join(' ').trim() : `update since ${values.update}`;
if (!positionals.join('').trim() && values.update === undefined) {
  console.error(
    'Usage: npm run preview -- "/story review-status" [--locale de] [--out dir] [--name file]\n' +
      '       npm run preview -- --update <git ref> [--locale de] [--out dir] [--name file]',
  );
  process.exit(2);
}

const { body, invoked } =
  values.update === undefined ? await commandReply(line) : await announcement(values.update);
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

/** The reply to a command, as its interaction response's data, and the command it names. */
async function commandReply(typed: string) {
  const router = await bootstrap(commands);
  const routed = router.runLine(typed, values.locale);
  const data = renderInteractionResponse(routed.reply, {
    fingerprint: router.story.corpus.fingerprint,
  }).data;
  const name = routed.invocation
    ? [routed.invocation.name, routed.invocation.subcommand].filter(Boolean).join(' ')
    : (typed.replace(/^\//, '').split(' ')[0] ?? '');
  return { body: data, invoked: name };
}

/** What a running bot posts to its webhooks for the changes since `ref` (no command: a webhook message). */
async function announcement(ref: string) {
  const before = checkCorpus(await readCorpusFilesAt(ref, DEFAULT_CORPUS_DIR));
  const after = await checkCorpusDirectory(DEFAULT_CORPUS_DIR);
  if (!before.ok || !after.ok) {
    console.error(
      `the corpus ${before.ok ? 'in the working tree' : `at ${ref}`} has problems: run npm run corpus:check`,
    );
    process.exit(1);
  }
  const diff = diffCorpus(before.corpus, after.corpus);
  if (isEmptyDiff(diff)) {
    console.error(`no changes since ${ref}: nothing would be announced`);
    process.exit(1);
  }
  const story = createStory(after.corpus);
  const data = renderMessageData(storyUpdate(story, diff, values.locale), {
    fingerprint: after.corpus.fingerprint,
  });
  return { body: data, invoked: undefined };
}
