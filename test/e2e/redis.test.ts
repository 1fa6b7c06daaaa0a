/**
 * Cooldowns shared through a real Redis server (REDIS_URL): two HTTP replicas refuse a user's
 * command over the budget whichever replica gets it; a gateway bot and another shard count in the
 * same place; Redis stopped mid-run leaves the bot answering (one warning), and once Redis is back
 * the budget holds again.
 */
import { messageText } from '../support/componentsV2.js';
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import { RedisCooldowns } from '../../src/bot/redisCooldowns.js';
import { createLogger } from '../../src/logging/logger.js';
import { seedRouter } from '../support/seed.js';
import { responseData, sendSigned, TestSigner } from '../discord/http/support/signed.js';
import { MemoryLog, startBot, stopAll, type RunningBot } from './support/bot.js';
import { FakeDiscord } from './support/fakeDiscord.js';
import * as payload from './support/payloads.js';
import { spawnEntry, type Spawned } from './support/process.js';
import { listeningPort, logLines, waitForLines } from './support/processLogs.js';
import { RedisServer } from './support/redis.js';

const signer = new TestSigner();
const app = { applicationId: payload.snowflake(), botUser: payload.botUser() };
const guild = payload.fakeGuild();
let redis: RedisServer | undefined;
let replicas: Spawned[] = [];
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const replica of replicas)
    if (replica.child.exitCode === null) replica.child.kill('SIGKILL');
  replicas = [];
  for (const step of cleanup.splice(0)) await step();
  await redis?.stop();
  redis = undefined;
});

/** Whether the answer is the private "slow down" rather than the command's reply. */
const slowedDown = (response: APIInteractionResponse): boolean =>
  messageText(responseData(response)).includes('Slow down');

/** `/story sources` by `who`, signed as Discord signs it, to the replica on `port`. */
const sources = (port: number, who: ReturnType<typeof payload.user>) =>
  sendSigned(
    signer,
    `http://127.0.0.1:${port}/interactions`,
    payload.chatInput(app, {
      name: 'story',
      subcommand: 'sources',
      where: payload.inGuild(guild, who),
    }),
  );

const warnings = (replica: Spawned) =>
  logLines(replica.stderr).filter(
    (l) => l.msg === 'Redis unreachable: cooldowns are not enforced until it is back',
  );

describe('cooldowns shared through Redis (REDIS_URL)', () => {
  it('GIVEN two HTTP replicas sharing one Redis THEN a user over the budget is refused on either; with Redis stopped both keep answering (one warning each); with Redis back the budget holds again', async () => {
    redis = await RedisServer.start();
    const start = (): Spawned =>
      spawnEntry('src/main.ts', {
        BOT_MODE: 'http',
        DISCORD_PUBLIC_KEY: signer.publicKeyHex,
        PORT: '0',
        HOST: '127.0.0.1',
        COOLDOWN: '3/60',
        REDIS_URL: redis!.url,
      });
    replicas = [start(), start()];
    const [a, b] = await Promise.all(replicas.map((r) => listeningPort(r, 15_000)));
    const ports = [a!, b!];

    // Three commands across both replicas use the budget; the fourth is refused on either.
    const reader = payload.user();
    for (const port of [ports[0]!, ports[1]!, ports[0]!]) {
      expect(slowedDown(await sources(port, reader))).toBe(false);
    }
    expect(slowedDown(await sources(ports[1]!, reader))).toBe(true);
    expect(slowedDown(await sources(ports[0]!, reader))).toBe(true);
    expect(slowedDown(await sources(ports[1]!, payload.user()))).toBe(false);

    // Redis gone: every command is answered (fails open), one warning per replica, no crash.
    await redis.stop();
    const during = payload.user();
    for (let i = 0; i < 6; i++) {
      expect(slowedDown(await sources(ports[i % 2]!, during))).toBe(false);
    }
    for (const replica of replicas) expect(warnings(replica)).toHaveLength(1);

    // Redis back (empty): both replicas reconnect by themselves and share the budget again.
    await redis.run();
    for (const replica of replicas) {
      await waitForLines(
        replica,
        (l) => l.msg === 'Redis reachable again: cooldowns shared again',
        1,
        10_000,
      );
    }
    const after = payload.user();
    for (const port of [ports[1]!, ports[0]!, ports[1]!]) {
      expect(slowedDown(await sources(port, after))).toBe(false);
    }
    expect(slowedDown(await sources(ports[0]!, after))).toBe(true);
    for (const replica of replicas) expect(warnings(replica)).toHaveLength(1);

    for (const replica of replicas) replica.child.kill('SIGTERM');
    for (const replica of replicas) expect(await replica.exited(8000)).toBe(0);
  });
});

describe('cooldowns shared through Redis, gateway', () => {
  let router: CommandRouter;
  beforeAll(async () => {
    router = await seedRouter();
  });

  it('GIVEN a gateway bot and another shard counting in one Redis THEN the bot refuses a user the other shard already counted', async () => {
    redis = await RedisServer.start();
    const settings = { commands: 2, windowMs: 60_000 };
    const quiet = createLogger('silent', new MemoryLog().stream);
    const otherShard = await RedisCooldowns.connect(redis.url, settings, quiet);
    const mine = await RedisCooldowns.connect(redis.url, settings, quiet);
    const fake = await FakeDiscord.start({
      requireToken: 'redis-test-token.abcdefghijklmnopqrstuvwxyz',
    });
    const running: { bot?: RunningBot } = {};
    cleanup.push(async () => {
      await stopAll(running.bot, fake);
      await otherShard.close();
      await mine.close();
    });
    running.bot = await startBot(fake, router, { cooldown: settings, cooldowns: mine });

    const reader = payload.user();
    for (let i = 0; i < 2; i++) expect((await otherShard.take(reader.id)).ok).toBe(true);
    const { response } = await fake.sendInteraction(
      payload.chatInput(fake, {
        name: 'story',
        subcommand: 'sources',
        where: payload.inGuild(fake.guilds[0]!, reader),
      }),
    );
    expect(slowedDown(response)).toBe(true);
    expect(fake.unexpectedRequests()).toEqual([]);
  });
});
