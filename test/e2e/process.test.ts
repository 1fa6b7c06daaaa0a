/**
 * The bot started the way users start it: `npm start` (src/main.ts) and `npm run deploy-commands`
 * as separate processes, configured only through the environment, against the fake Discord.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord, ROUTES } from './support/fakeDiscord.js';
import * as payload from './support/payloads.js';
import { spawnEntry, type Spawned } from './support/process.js';

const TOKEN = 'process-test-token.abcdefghijklmnopqrstuvwxyz';
let fake: FakeDiscord | undefined;
let running: Spawned | undefined;

afterEach(async () => {
  if (running?.child.exitCode === null) running.child.kill('SIGKILL');
  running = undefined;
  await fake?.close();
  fake = undefined;
});

describe('npm start', () => {
  it('connects with DISCORD_TOKEN and DISCORD_API_URL, answers a command, and exits 0 on SIGTERM', async () => {
    fake = await FakeDiscord.start({
      requireToken: TOKEN,
      timeoutMs: 15_000,
      callbackDeadlineMs: 10_000,
    });
    running = spawnEntry('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'info',
      METRICS_PORT: '0',
    });
    await fake.waitForIdentify(1, 15_000);
    const { response } = await fake.sendInteraction(
      payload.chatInput(fake, {
        name: 'story',
        subcommand: 'review-status',
        where: payload.inGuild(fake.guilds[0]!),
      }),
      { timeoutMs: 10_000 },
    );
    expect(response.type).toBe(4);
    // METRICS_PORT (0: any free port, as logged): ready once the gateway is, and counting.
    const port = /"port":(\d+)[^\n]*metrics listening/.exec(running.stderr)?.[1];
    const health = await fetch(`http://127.0.0.1:${port}/healthz`, {
      signal: AbortSignal.timeout(3000),
    });
    expect(health.status).toBe(200);
    const scraped = await (
      await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(3000) })
    ).text();
    expect(scraped).toContain('storybot_commands_total{command="/story review-status"');
    // Nothing was registered: the start-up sync registered the commands, once.
    await fake.waitForRequest((r) => r.route === ROUTES.putGlobalCommands, 10_000);
    running.child.kill('SIGTERM');
    expect(await running.exited(8000)).toBe(0);
    expect(running.stderr).toContain('"msg":"interaction answered"');
    expect(running.stderr).toContain('"msg":"commands registered (they had changed)"');
    expect(fake.commandPuts()).toHaveLength(1);
    expect(running.stderr).not.toContain(TOKEN);
    expect(fake.unexpectedRequests()).toEqual([]);
  });

  it('stops with one line naming a malformed variable, without echoing the token', async () => {
    running = spawnEntry('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: 'ftp://example.org',
    });
    expect(await running.exited()).toBe(1);
    expect(running.stderr.trim()).toBe(
      'Configuration error: DISCORD_API_URL: expected an http(s) URL such as https://discord.com/api',
    );
    expect(running.stderr).not.toContain(TOKEN);
  });

  it('refuses to start on an invalid corpus, with the corpus check’s messages', async () => {
    running = spawnEntry('src/main.ts', { CORPUS_DIR: 'test/fixtures/broken-corpus' });
    expect(await running.exited()).toBe(1);
    expect(running.stderr).toMatch(/broken-corpus\/bad\.md:4: kind: /);
    expect(running.stderr).toContain('does not start on an invalid corpus');
  });

  it('opens the console without a token and answers typed commands', async () => {
    running = spawnEntry('src/main.ts', {});
    running.child.stdin?.end('/story review-status\n/exit\n');
    expect(await running.exited()).toBe(0);
    expect(running.stdout).toContain('Review status');
    expect(running.stdout).toContain('As of September 25, 2025');
  });
});

describe('npm start with a bad value', () => {
  // A token and a public key of the real shapes: neither may be echoed.
  const REAL_SHAPED_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789';
  const PUBLIC_KEY = 'a'.repeat(64);

  it('exits 1 with exactly one line naming the variable, without echoing secrets', async () => {
    running = spawnEntry('src/main.ts', {
      DISCORD_TOKEN: REAL_SHAPED_TOKEN,
      DISCORD_PUBLIC_KEY: PUBLIC_KEY,
      SHARDS: 'lots',
    });
    expect(await running.exited()).toBe(1);
    expect(running.stderr).toBe('Configuration error: SHARDS: expected auto or a shard count\n');
    expect(running.stdout).toBe('');
  });
});

describe('npm run deploy-commands', () => {
  it('registers every command to DISCORD_GUILD_ID with one bulk PUT', async () => {
    fake = await FakeDiscord.start({ requireToken: TOKEN });
    const guildId = fake.guilds[0]!.id;
    running = spawnEntry('src/discord/gateway/deployCommands.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: guildId,
    });
    expect(await running.exited()).toBe(0);
    expect(
      fake
        .registeredCommands(guildId)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Check quote', 'quote', 'story']);
    expect(fake.requests.filter((r) => r.route === ROUTES.putGuildCommands)).toHaveLength(1);
    expect(running.stdout).toMatch(/^Registered 3 commands to server \d+ \(available now\)/);
  });

  it('registers globally without DISCORD_GUILD_ID, using DISCORD_APPLICATION_ID', async () => {
    fake = await FakeDiscord.start({ requireToken: TOKEN });
    running = spawnEntry('src/discord/gateway/deployCommands.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_APPLICATION_ID: fake.applicationId,
    });
    expect(await running.exited()).toBe(0);
    expect(
      fake
        .registeredCommands()
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Check quote', 'quote', 'story']);
    expect(fake.requests.some((r) => r.route === ROUTES.applicationsMe)).toBe(false);
  });

  it('says so when the token is wrong', async () => {
    fake = await FakeDiscord.start({ requireToken: TOKEN });
    running = spawnEntry('src/discord/gateway/deployCommands.ts', {
      DISCORD_TOKEN: 'wrong-token.abcdefghijklmnopqrstuvwxyz',
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(await running.exited()).toBe(1);
    expect(running.stderr).toContain('Discord rejected the token (401 Unauthorized)');
  });
});
