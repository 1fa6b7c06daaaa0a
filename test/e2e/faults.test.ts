/**
 * Discord faults, through the real bot (discord.js + our gateway adapter) against the fake: REST
 * errors and rate limits, invalidated sessions, zombie connections, reconnect requests, dropped
 * sockets — and, for the sharded gateway, a shard process dying and the manager being killed.
 * Each scenario ends with an interaction answered correctly, and nothing the bot sent was refused
 * or unexpected.
 */
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import { expectWithinDiscordLimits } from '../support/discordLimits.js';
import { seedRouter } from '../support/seed.js';
import { startBot, stopAll, type RunningBot } from './support/bot.js';
import {
  FakeDiscord,
  ROUTES,
  noIdentifyThrottle,
  type FakeDiscordOptions,
} from './support/fakeDiscord.js';
import * as payload from './support/payloads.js';
import { spawnEntry, type Spawned } from './support/process.js';
import { alive, exitedAll, logLines, waitForLines } from './support/processLogs.js';
import { messageText } from '../support/componentsV2.js';

let fake: FakeDiscord | undefined;
let bot: RunningBot | undefined;
let router: CommandRouter;

beforeAll(async () => {
  router = await seedRouter();
});

afterEach(async () => {
  try {
    if (fake) {
      expect(fake.unexpectedRequests().map((r) => `${r.method} ${r.path}`)).toEqual([]);
      expect(
        fake.rejectedRequests().map((r) => `${r.method} ${r.path}: ${r.note ?? r.status}`),
      ).toEqual([]);
    }
    expect(bot?.log.text() ?? '').not.toContain(fake?.token ?? '\u0000');
  } finally {
    await stopAll(bot, fake);
    bot = undefined;
    fake = undefined;
  }
});

async function begin(
  options: FakeDiscordOptions = {},
  botOptions: Parameters<typeof startBot>[2] = {},
): Promise<FakeDiscord> {
  fake = await FakeDiscord.start({
    requireToken: 'faults-token.abcdefghijklmnopqrstuvwxyz',
    ...options,
  });
  bot = await startBot(fake, router, botOptions);
  return fake;
}

/** The round trip that ends every scenario: a command, answered correctly. */
async function answersACommand(f: FakeDiscord): Promise<void> {
  const interaction = payload.chatInput(f, {
    name: 'quote',
    options: [payload.option.string('text', 'urgent review')],
    where: payload.inGuild(f.guilds[0]!),
  });
  const { response } = await f.sendInteraction(interaction, { timeoutMs: 5000 });
  expect(response.type).toBe(4);
  const data = (response as { data: APIInteractionResponseCallbackData }).data;
  expect(messageText(data)).toContain('**urgent review**');
  expectWithinDiscordLimits(data);
}

const callbackStatuses = (f: FakeDiscord, id: string): number[] =>
  f.callbacksFor(id).map((r) => r.status);

describe('REST faults', () => {
  it('a 500 on the interaction callback is retried and the reply lands', async () => {
    const f = await begin({}, { retries: 1 });
    f.failNext({ method: 'POST', path: /\/callback$/, status: 500 });
    const interaction = payload.chatInput(f, {
      name: 'story',
      subcommand: 'review-status',
      where: payload.inGuild(f.guilds[0]!),
    });
    const { response } = await f.sendInteraction(interaction);
    expect(response.type).toBe(4);
    expect(callbackStatuses(f, interaction.id)).toEqual([500, 204]);
    await answersACommand(f);
  });

  it('a 500 on a mention reply is retried and the reply lands', async () => {
    const f = await begin({}, { retries: 1 });
    f.failNext({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 502 });
    f.dispatchMessage(
      payload.mentionMessageCreate(f, {
        where: payload.inGuild(f.guilds[0]!),
        text: 'Who is conducting the review?',
      }),
    );
    const landed = await f.waitForRequest(
      (r) => r.route === ROUTES.createMessage && r.outcome === 'ok',
    );
    expect(landed.status).toBe(200);
    expect(f.requests.filter((r) => r.route === ROUTES.createMessage).map((r) => r.status)).toEqual(
      [502, 200],
    );
    await answersACommand(f);
  });

  it('a global 429 holds the reply until retry-after has passed, then it lands', async () => {
    const f = await begin();
    f.failNext({ method: 'POST', path: /\/callback$/, status: 429, retryAfter: 0.4, global: true });
    const interaction = payload.chatInput(f, {
      name: 'story',
      subcommand: 'timeline',
      where: payload.inGuild(f.guilds[0]!),
    });
    await f.sendInteraction(interaction);
    const attempts = f.callbacksFor(interaction.id);
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[1]!.receivedAt - attempts[0]!.receivedAt).toBeGreaterThanOrEqual(350);
    await answersACommand(f);
  });

  it('a 500 with retries off is logged, not thrown, and the next interaction is answered', async () => {
    const f = await begin();
    f.failNext({ method: 'POST', path: /\/callback$/, status: 500 });
    const lost = payload.chatInput(f, {
      name: 'story',
      subcommand: 'sources',
      where: payload.inGuild(f.guilds[0]!),
    });
    f.dispatchInteraction(lost);
    await f.waitForRequest((r) => r.params.id === lost.id);
    await answersACommand(f);
    expect(
      bot!.log.lines.some(
        (l) => l.msg === 'interaction response failed' && l.interaction === lost.id,
      ),
    ).toBe(true);
  });
});

describe('gateway faults', () => {
  // discord.js waits out Discord's 5 s identify window before identifying again; skip the wait.
  const reidentify = { client: { ws: noIdentifyThrottle } };

  it('an invalidated session (op 9, not resumable) makes the bot identify again, and it answers', async () => {
    const f = await begin({}, reidentify);
    expect(f.invalidateSession(false)).toBe(1);
    const second = await f.waitForIdentify(2, 8000);
    expect(second.sessionId).not.toBe(f.identifies[0]!.sessionId);
    await f.waitForLiveSessions(1);
    await answersACommand(f);
  });

  it('an invalidated but resumable session (op 9, true) is resumed, and it answers', async () => {
    const f = await begin();
    f.invalidateSession(true);
    const resume = await f.waitForResume(1, 8000);
    expect(resume.accepted).toBe(true);
    await f.waitForLiveSessions(1);
    await answersACommand(f);
  });

  it('when heartbeat ACKs stop, the bot drops the zombie connection, resumes, and answers', async () => {
    const f = await begin({ heartbeatIntervalMs: 150 });
    await f.waitForGatewayOp(1); // heartbeats flow and are acknowledged
    expect(f.stopHeartbeatAcks()).toBe(1);
    const resume = await f.waitForResume(1, 5000);
    expect(resume.accepted).toBe(true);
    await f.waitForLiveSessions(1);
    expect(f.connectionPaths()).toEqual(['/gateway-resume']);
    await answersACommand(f);
    expect(bot!.log.lines.some((l) => l.msg === 'gateway resumed')).toBe(true);
  });

  it('when Discord asks for a reconnect (op 7), the bot resumes and answers', async () => {
    const f = await begin();
    f.requestReconnect();
    await f.waitForResume(1, 5000);
    await f.waitForLiveSessions(1);
    await answersACommand(f);
  });

  it('after a dropped socket, an interaction sent meanwhile is replayed on resume and answered', async () => {
    const f = await begin();
    f.dropGateway();
    const meanwhile = payload.chatInput(f, {
      name: 'story',
      subcommand: 'who',
      options: [payload.option.string('name', 'Microsoft')],
      where: payload.inGuild(f.guilds[0]!),
    });
    // Queued on the session while no socket is up; replayed on RESUME.
    f.dispatchInteraction(meanwhile);
    const resume = await f.waitForResume(1, 5000);
    expect(resume.replayed).toBeGreaterThanOrEqual(1);
    const callback = await f.waitForRequest(
      (r) => r.route === ROUTES.callback && r.params.id === meanwhile.id,
      5000,
    );
    expect(callback.status).toBe(204);
    await answersACommand(f);
  });

  it('a normal close (1000) ends the session: the bot identifies again, and it answers', async () => {
    const f = await begin({}, reidentify);
    f.closeGateway(1000);
    const second = await f.waitForIdentify(2, 5000);
    expect(second.sessionId).not.toBe(f.identifies[0]!.sessionId);
    await f.waitForLiveSessions(1);
    await answersACommand(f);
  });
});

describe('shard process faults (SHARDS=2, one process per shard)', () => {
  const TOKEN = 'faults-token.abcdefghijklmnopqrstuvwxyz';
  let running: Spawned | undefined;
  let shardPids: number[] = [];

  afterEach(() => {
    if (running?.child.exitCode === null) running.child.kill('SIGKILL');
    for (const pid of shardPids.filter(alive)) process.kill(pid, 'SIGKILL');
    running = undefined;
    shardPids = [];
  });

  // Four process start-ups in one scenario: a wider bound than the default 20 s (waits inside are bounded).
  it('a shard process that dies is restarted and answers; if the manager is killed outright, the shards stop too', async () => {
    const guilds = [0, 1].map((shard) =>
      payload.fakeGuild({ id: payload.guildIdOnShard(shard, 2) }),
    );
    // The fake recommends 1 shard: a number in SHARDS wins over the recommendation.
    // Both shards may identify at once: 5.5 s apart, a loaded CI machine came close to the bounds.
    fake = await FakeDiscord.start({
      requireToken: TOKEN,
      shards: 1,
      guilds,
      maxConcurrency: 16,
      timeoutMs: 15_000,
      callbackDeadlineMs: 10_000,
    });
    running = spawnEntry('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      SHARDS: '2',
    });
    await waitForLines(running, (l) => l.msg === 'all shards ready', 1, 30_000);
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const { response } = await fake.sendInteraction(
      payload.chatInput(fake, {
        name: 'story',
        subcommand: 'sources',
        where: payload.inGuild(guilds[1]!),
      }),
      { timeoutMs: 10_000 },
    );
    expect(response.type).toBe(4);
    shardPids = logLines(running.stderr)
      .filter((l) => l.msg === 'shard process started')
      .map((l) => l.pid as number);
    expect(shardPids).toHaveLength(2);

    // A shard process that dies is started again, identifies as the same shard, and answers.
    const started = logLines(running.stderr).filter((l) => l.msg === 'shard process started');
    process.kill(started.find((l) => l.shard === 1)!.pid as number, 'SIGKILL');
    const again = await fake.waitForIdentify(3, 15_000);
    expect(again.shard).toEqual([1, 2]);
    const restarted = await waitForLines(running, (l) => l.msg === 'shard process started', 3);
    shardPids = restarted.map((l) => l.pid as number);
    const { response: afterRestart } = await fake.sendInteraction(
      payload.chatInput(fake, {
        name: 'story',
        subcommand: 'timeline',
        where: payload.inGuild(guilds[1]!),
      }),
      { timeoutMs: 10_000 },
    );
    expect(afterRestart.type).toBe(4);

    running.child.kill('SIGKILL');
    await running.exited(5000);
    expect(await exitedAll(shardPids)).toEqual([]);
  }, 60_000);
});
