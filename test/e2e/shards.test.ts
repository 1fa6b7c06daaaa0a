/**
 * The sharded gateway as users start it: `npm start` with SHARDS=auto, against a fake Discord
 * whose `/gateway/bot` recommends 2 shards. discord.js's ShardingManager runs one process per
 * shard; each identifies as its shard and answers the interactions of the guilds it owns.
 * (A shard process dying, and the manager being killed, are in faults.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { planShards } from '../../src/discord/gateway/shards.js';
import { FakeDiscord, ROUTES } from './support/fakeDiscord.js';
import * as payload from './support/payloads.js';
import { spawnEntry, type Spawned } from './support/process.js';
import { alive, exitedAll, logLines, waitForLines } from './support/processLogs.js';

const TOKEN = 'shard-test-token.abcdefghijklmnopqrstuvwxyz';
let fake: FakeDiscord | undefined;
let running: Spawned | undefined;
let shardPids: number[] = [];

afterEach(async () => {
  if (running?.child.exitCode === null) running.child.kill('SIGKILL');
  for (const pid of shardPids.filter(alive)) process.kill(pid, 'SIGKILL');
  running = undefined;
  shardPids = [];
  await fake?.close();
  fake = undefined;
});

describe('sharded gateway (SHARDS)', () => {
  it('SHARDS=auto asks /gateway/bot, starts one process per shard, and each shard answers its guilds', async () => {
    const guilds = [0, 1].map((shard) =>
      payload.fakeGuild({ id: payload.guildIdOnShard(shard, 2) }),
    );
    // Both shards may identify at once (the spacing is the last test's): under a loaded CI
    // machine, two tsx processes starting 5.5 s apart came close to the bound.
    fake = await FakeDiscord.start({
      requireToken: TOKEN,
      shards: 2,
      guilds,
      maxConcurrency: 16,
      timeoutMs: 15_000,
      callbackDeadlineMs: 10_000,
    });
    running = spawnEntry('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      SHARDS: 'auto',
      LOG_LEVEL: 'info',
    });

    await fake.waitForIdentify(2, 30_000);
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // The count came from the fake through DISCORD_API_URL, not from discord.com.
    expect(fake.requests.filter((r) => r.route === ROUTES.gatewayBot).length).toBeGreaterThan(0);

    const answeredBy: number[] = [];
    for (const guild of guilds) {
      const interaction = payload.chatInput(fake, {
        name: 'story',
        subcommand: 'review-status',
        where: payload.inGuild(guild),
      });
      const { response } = await fake.sendInteraction(interaction, { timeoutMs: 10_000 });
      expect(response.type).toBe(4);
      answeredBy.push(fake.shardOf(guild.id));
    }
    expect(answeredBy).toEqual([0, 1]);

    // Each shard logs after its callback has landed: wait (bounded) for both lines.
    const answered = await waitForLines(running, (l) => l.msg === 'interaction answered', 2);
    expect(answered.map((l) => [l.shard, l.shardProcess]).sort()).toEqual([
      [0, 0],
      [1, 1],
    ]);
    shardPids = logLines(running.stderr)
      .filter((l) => l.msg === 'shard process started')
      .map((l) => l.pid as number);
    expect(shardPids).toHaveLength(2);
    expect(shardPids.every(alive)).toBe(true);

    running.child.kill('SIGTERM');
    expect(await running.exited(10_000)).toBe(0);
    // No shard outlives the manager.
    expect(await exitedAll(shardPids, 1000)).toEqual([]);
    expect(running.stderr).not.toContain(TOKEN);
    expect(fake.unexpectedRequests()).toEqual([]);
    expect(fake.rejectedRequests()).toEqual([]);
  }, 60_000);
  it('stops with one line when Discord rejects the token, before starting any shard', async () => {
    fake = await FakeDiscord.start({ requireToken: TOKEN, shards: 2 });
    running = spawnEntry('src/main.ts', {
      DISCORD_TOKEN: 'wrong-token.abcdefghijklmnopqrstuvwxyz',
      DISCORD_API_URL: fake.apiUrl,
      SHARDS: 'auto',
    });
    expect(await running.exited()).toBe(1);
    expect(running.stderr.trim().split('\n').at(-1)).toBe(
      'Could not start the shards: Discord rejected the token (401 Unauthorized): check DISCORD_TOKEN',
    );
    expect(fake.identifies).toEqual([]);
  });

  it('plans the count from SHARDS or Discord’s recommendation, and spaces start-ups by max_concurrency', async () => {
    fake = await FakeDiscord.start({ requireToken: TOKEN, shards: 3, maxConcurrency: 1 });
    const config = { token: TOKEN, apiUrl: fake.apiUrl };
    expect(await planShards({ ...config, shards: 'auto' })).toEqual({
      totalShards: 3,
      maxConcurrency: 1,
      spawnDelayMs: 5500,
    });
    expect((await planShards({ ...config, shards: 5 })).totalShards).toBe(5);
    await fake.close();
    fake = await FakeDiscord.start({ requireToken: TOKEN, shards: 2, maxConcurrency: 16 });
    expect(await planShards({ token: TOKEN, apiUrl: fake.apiUrl, shards: 'auto' })).toEqual({
      totalShards: 2,
      maxConcurrency: 16,
      spawnDelayMs: 344,
    });
  });
});
