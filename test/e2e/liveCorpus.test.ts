/**
 * The story moves while the bot runs: an editor saves the corpus, every running mode answers from
 * the new one without a restart, an invalid save changes nothing but the log, and the followers'
 * webhook hears once what changed. Each bot is a real process started as `npm start` starts it.
 */
import { cp, mkdtemp, readdir, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { APIInteractionResponse, APIMessage } from 'discord-api-types/v10';
import { FakeDiscord, ROUTES } from './support/fakeDiscord.js';
import * as payload from './support/payloads.js';
import { spawnEntry, type Spawned } from './support/process.js';
import { alive, listeningPort, logLines, waitForLines } from './support/processLogs.js';
import { editorCorpus, FINDINGS, type EditorCorpus } from './support/editorCorpus.js';
import { messageText, pageRow } from '../support/componentsV2.js';
import { responseData, sendSigned, TestSigner } from '../discord/http/support/signed.js';
import { RedisServer } from './support/redis.js';

const TOKEN = 'live-corpus-token.abcdefghijklmnopqrstuvwxyz';
/** Longer than the watcher's quiet time and its longest wait: a second reload would have come. */
const AFTER_SETTLING_MS = 3500;

let fake: FakeDiscord | undefined;
let corpus: EditorCorpus | undefined;
let redis: RedisServer | undefined;
let configMap: string | undefined;
const running: Spawned[] = [];

afterEach(async () => {
  for (const bot of running) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  const shardPids = running.flatMap((bot) =>
    logLines(bot.stderr)
      .filter((l) => l.msg === 'shard process started')
      .map((l) => l.pid as number),
  );
  for (const pid of shardPids.filter(alive)) process.kill(pid, 'SIGKILL');
  running.length = 0;
  await fake?.close();
  await corpus?.remove();
  await redis?.stop();
  if (configMap) await rm(configMap, { recursive: true, force: true });
  configMap = undefined;
  fake = undefined;
  corpus = undefined;
  redis = undefined;
});

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const isReload = (l: Record<string, unknown>): boolean =>
  l.msg === 'corpus reloaded: answering from the new corpus';
const isRefusal = (l: Record<string, unknown>): boolean =>
  typeof l.msg === 'string' && l.msg.startsWith('corpus change refused');
const isWatching = (l: Record<string, unknown>): boolean =>
  l.msg === 'watching the corpus for changes (SIGHUP reloads too)';

function start(env: Record<string, string>): Spawned {
  const bot = spawnEntry('src/main.ts', { LOG_LEVEL: 'info', SYNC_COMMANDS: 'false', ...env });
  running.push(bot);
  return bot;
}

async function gatewayBot(
  extra: Record<string, string> = {},
  fakeOptions: Parameters<typeof FakeDiscord.start>[0] = {},
): Promise<{ fake: FakeDiscord; bot: Spawned; webhook: ReturnType<FakeDiscord['createWebhook']> }> {
  corpus = await editorCorpus();
  fake = await FakeDiscord.start({
    requireToken: TOKEN,
    timeoutMs: 15_000,
    callbackDeadlineMs: 10_000,
    ...fakeOptions,
  });
  // In an Announcement channel: the bot, which has its token here, publishes to followers.
  const webhook = fake.createWebhook(undefined, { announcement: true });
  const bot = start({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: corpus.dir,
    ANNOUNCE_WEBHOOK_URLS: webhook.url,
    ...extra,
  });
  return { fake, bot, webhook };
}

async function command(
  f: FakeDiscord,
  subcommand: string,
  guild = f.guilds[0]!,
  spec: Partial<payload.ChatInputSpec> = {},
): Promise<{ text: string; response: APIInteractionResponse; id: string }> {
  const interaction = payload.chatInput(f, {
    name: 'story',
    subcommand,
    where: payload.inGuild(guild),
    ...spec,
  });
  const { response } = await f.sendInteraction(interaction, { timeoutMs: 10_000 });
  return { text: messageText(responseData(response)), response, id: interaction.id };
}

function expectAnnouncement(f: FakeDiscord, message: APIMessage): void {
  const text = messageText(message);
  expect(text).toContain('The story has been updated');
  // The new event, its date and what it cites; the new source with its publisher and date.
  expect(text).toContain(FINDINGS.event);
  expect(text).toContain(`New on the timeline · ${FINDINGS.date}`);
  expect(text).toContain(FINDINGS.quote);
  expect(text).toContain(FINDINGS.title);
  expect(text).toContain('New source · Example Newswire, October 20, 2025');
  // Posted as Components V2, with components honoured, pinging no one.
  const post = f.requests.find((r) => r.route === ROUTES.followUp && r.status === 200);
  expect(post?.query).toMatchObject({ with_components: 'true' });
  expect(post?.body).toMatchObject({ allowed_mentions: { parse: [] }, flags: 1 << 15 });
}

describe('live corpus: gateway', () => {
  it('answers a new timeline event without a restart, refuses stale page buttons, and announces two saves once', async () => {
    const { fake: f, bot, webhook } = await gatewayBot({ METRICS_PORT: '0' });
    await f.waitForIdentify(1, 15_000);
    await waitForLines(bot, isWatching, 1, 10_000);

    const before = await command(f, 'review-status');
    expect(before.text).not.toContain(FINDINGS.event);
    const paged = await command(f, 'unused', f.guilds[0], {
      name: 'quote',
      subcommand: undefined,
      options: [{ name: 'text', type: 3, value: 'microsoft' }],
    });
    const next = pageRow(responseData(paged.response)).next;
    expect(next).not.toBe('');

    // An editor saves the new source, then the event citing it, 100 ms apart: one reload.
    await corpus!.addFindings(100);
    const [reload] = await waitForLines(bot, isReload, 1, 10_000);
    expect(reload?.changes).toEqual({ addedDocuments: 1, addedEvents: 1 });
    const after = await command(f, 'review-status');
    expect(after.text).toContain(FINDINGS.event);

    // A page of a reply from before the change: the click says the story was updated.
    const click = payload.buttonClick(f, {
      customId: next,
      where: payload.inGuild(f.guilds[0]!),
      message: f.originalMessage(paged.id),
    });
    const { response: clicked } = await f.sendInteraction(click, { timeoutMs: 10_000 });
    expect(messageText(responseData(clicked))).toContain('The sources have been updated');

    const [announcement] = await f.waitForWebhookMessages(webhook.id, 1, 10_000);
    expectAnnouncement(f, announcement!);
    // Published to the servers that follow the channel (flag CROSSPOSTED), by the bot.
    await f.waitForRequest((r) => r.route === ROUTES.crosspost && r.status === 200, 10_000);
    expect((f.webhookMessages(webhook.id)[0]?.flags ?? 0) & 1).toBe(1);

    await pause(AFTER_SETTLING_MS);
    expect(logLines(bot.stderr).filter(isReload)).toHaveLength(1);
    expect(f.webhookMessages(webhook.id)).toHaveLength(1);
    // The webhook's token is a secret: never in the log.
    expect(bot.stderr).not.toContain(webhook.token);
    const port = /"port":(\d+)[^\n]*metrics listening/.exec(bot.stderr)?.[1];
    const scraped = await (
      await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(3000) })
    ).text();
    expect(scraped).toMatch(/storybot_corpus_reloads_total\{outcome="accepted"[^}]*\} 1/);
    expect(scraped).toMatch(/storybot_announcements_total\{outcome="sent"[^}]*\} 1/);
  }, 45_000);

  it('keeps answering from the last good corpus when a save is invalid, naming the file and line', async () => {
    const { fake: f, bot, webhook } = await gatewayBot();
    await f.waitForIdentify(1, 15_000);
    await waitForLines(bot, isWatching, 1, 10_000);
    const before = await command(f, 'review-status');

    const line = await corpus!.breakTimelineDate();
    const [refusal] = await waitForLines(bot, isRefusal, 1, 10_000);
    expect(refusal?.level).toBe(50);
    expect(String(refusal?.msg)).toMatch(new RegExp(`story\\.yaml:${line}: timeline\\.1\\.date`));
    expect((await command(f, 'review-status')).text).toBe(before.text);

    // Put back as it was: the same corpus as before, so nothing to reload or announce.
    await corpus!.restoreStory();
    await pause(AFTER_SETTLING_MS);
    expect(logLines(bot.stderr).filter(isReload)).toHaveLength(0);
    expect(f.webhookMessages(webhook.id)).toHaveLength(0);
    expect((await command(f, 'review-status')).text).toBe(before.text);
  }, 45_000);

  it('every shard reloads; without Redis only the first one announces', async () => {
    const guilds = [0, 1].map((shard) =>
      payload.fakeGuild({ id: payload.guildIdOnShard(shard, 2) }),
    );
    const {
      fake: f,
      bot,
      webhook,
    } = await gatewayBot(
      { SHARDS: 'auto', LOG_LEVEL: 'debug' },
      { shards: 2, guilds, maxConcurrency: 16 },
    );
    await f.waitForIdentify(2, 20_000);
    await waitForLines(bot, isWatching, 2, 15_000);
    await corpus!.addFindings(50);
    const reloads = await waitForLines(bot, isReload, 2, 15_000);
    expect(reloads.map((l) => l.shardProcess).sort()).toEqual([0, 1]);
    for (const guild of guilds) {
      expect((await command(f, 'review-status', guild)).text).toContain(FINDINGS.event);
    }
    await f.waitForWebhookMessages(webhook.id, 1, 10_000);
    await pause(AFTER_SETTLING_MS);
    expect(f.webhookMessages(webhook.id)).toHaveLength(1);
    // SIGHUP to the manager reaches every shard (nothing changed since: each says so).
    bot.child.kill('SIGHUP');
    const told = await waitForLines(
      bot,
      (l) => l.msg === 'corpus files saved without a change' && l.why === 'SIGHUP',
      2,
      10_000,
    );
    expect(told.map((l) => l.shardProcess).sort()).toEqual([0, 1]);
  }, 60_000);
});

describe('live corpus: HTTP interactions mode', () => {
  const signer = new TestSigner();
  const app = { applicationId: payload.snowflake(), botUser: payload.botUser() };

  async function httpBot(env: Record<string, string>): Promise<{ bot: Spawned; url: string }> {
    const bot = start({
      BOT_MODE: 'http',
      DISCORD_PUBLIC_KEY: signer.publicKeyHex,
      PORT: '0',
      HOST: '127.0.0.1',
      CORPUS_DIR: corpus!.dir,
      ...env,
    });
    const port = await listeningPort(bot);
    return { bot, url: `http://127.0.0.1:${port}/interactions` };
  }

  const reviewStatus = async (url: string): Promise<string> =>
    messageText(
      responseData(
        await sendSigned(
          signer,
          url,
          payload.chatInput(app, {
            name: 'story',
            subcommand: 'review-status',
            where: payload.inGuild(payload.fakeGuild()),
          }),
        ),
      ),
    );

  it('with CORPUS_WATCH=false a save changes nothing until SIGHUP reloads it', async () => {
    corpus = await editorCorpus();
    const { bot, url } = await httpBot({ CORPUS_WATCH: 'false' });
    const fingerprint = async (): Promise<unknown> =>
      (
        (await (await fetch(url.replace('/interactions', '/healthz'))).json()) as {
          fingerprint: unknown;
        }
      ).fingerprint;
    const first = await fingerprint();
    await waitForLines(bot, (l) => l.msg === 'SIGHUP reloads the corpus', 1, 10_000);
    await corpus.addFindings(10);
    await pause(AFTER_SETTLING_MS);
    expect(await reviewStatus(url)).not.toContain(FINDINGS.event);
    bot.child.kill('SIGHUP');
    const [reload] = await waitForLines(bot, isReload, 1, 10_000);
    expect(reload?.why).toBe('SIGHUP');
    expect(await reviewStatus(url)).toContain(FINDINGS.event);
    // Health checks report the corpus being answered from.
    expect(await fingerprint()).toBe(reload?.corpus);
    expect(await fingerprint()).not.toBe(first);
    expect(bot.child.exitCode).toBeNull();
  }, 45_000);

  it('replicas sharing Redis both reload, and exactly one announces', async () => {
    corpus = await editorCorpus();
    redis = await RedisServer.start();
    fake = await FakeDiscord.start();
    const webhook = fake.createWebhook();
    const shared = { REDIS_URL: redis.url, ANNOUNCE_WEBHOOK_URLS: webhook.url };
    const replicas = [await httpBot(shared), await httpBot(shared)];
    for (const { bot } of replicas) await waitForLines(bot, isWatching, 1, 10_000);
    await corpus.addFindings(50);
    for (const { bot, url } of replicas) {
      await waitForLines(bot, isReload, 1, 10_000);
      expect(await reviewStatus(url)).toContain(FINDINGS.event);
    }
    const [announcement] = await fake.waitForWebhookMessages(webhook.id, 1, 10_000);
    expectAnnouncement(fake, announcement!);
    await pause(AFTER_SETTLING_MS);
    expect(fake.webhookMessages(webhook.id)).toHaveLength(1);
    const told = replicas.flatMap(({ bot }) =>
      logLines(bot.stderr).filter((l) => l.msg === 'corpus change not announced from this process'),
    );
    expect(told).toHaveLength(1);
  }, 45_000);
});

describe('live corpus: console', () => {
  it('the next command typed answers from the saved corpus', async () => {
    corpus = await editorCorpus();
    const bot = start({ CORPUS_DIR: corpus.dir });
    await waitForLines(bot, isWatching, 1, 10_000);
    bot.child.stdin?.write('/story review-status\n');
    await waitForOutput(bot, 'Review status');
    expect(bot.stdout).not.toContain(FINDINGS.event);
    await corpus.addFindings(10);
    await waitForLines(bot, isReload, 1, 10_000);
    const shown = bot.stdout.length;
    bot.child.stdin?.end('/story review-status\n/exit\n');
    expect(await bot.exited()).toBe(0);
    expect(bot.stdout.slice(shown)).toContain(FINDINGS.event);
  }, 45_000);

  it('with CORPUS_WATCH=poll it sees a Kubernetes ConfigMap update, which swaps a symlink', async () => {
    // As the kubelet lays a ConfigMap volume out: each file → ..data/file, ..data → a dated folder,
    // and an update swaps ..data to a new folder in one rename (no event on the files' paths).
    corpus = await editorCorpus();
    const volume = (configMap = await mkdtemp(path.join(tmpdir(), 'story-bot-configmap-')));
    const publish = async (version: string): Promise<void> => {
      await cp(corpus!.dir, path.join(volume, version), { recursive: true });
      for (const file of await readdir(path.join(volume, version)))
        await symlink(path.join('..data', file), path.join(volume, file)).catch(
          (error: NodeJS.ErrnoException) => {
            if (error.code !== 'EEXIST') throw error;
          },
        );
      await symlink(version, path.join(volume, '..data_tmp'));
      await rename(path.join(volume, '..data_tmp'), path.join(volume, '..data'));
    };
    // The new source is in the first version already, so the update changes no file's name.
    await corpus.addFindings(0);
    await corpus.restoreStory();
    await publish('..2026_12_01_a');
    const bot = start({ CORPUS_DIR: volume, CORPUS_WATCH: 'poll' });
    await waitForLines(bot, isWatching, 1, 10_000);
    bot.child.stdin?.write('/story review-status\n');
    await waitForOutput(bot, 'Review status');
    expect(bot.stdout).not.toContain(FINDINGS.event);
    await corpus.addFindings(0);
    await publish('..2026_12_01_b');
    const [reload] = await waitForLines(bot, isReload, 1, 10_000);
    expect(reload?.why).toMatch(/^saved: /);
    const shown = bot.stdout.length;
    bot.child.stdin?.end('/story review-status\n/exit\n');
    expect(await bot.exited()).toBe(0);
    expect(bot.stdout.slice(shown)).toContain(FINDINGS.event);
  }, 45_000);
});

async function waitForOutput(bot: Spawned, text: string, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!bot.stdout.includes(text)) {
    if (performance.now() > deadline) throw new Error(`no "${text}" on stdout:\n${bot.stdout}`);
    await pause(50);
  }
}
