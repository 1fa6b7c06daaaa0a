import { Writable } from 'node:stream';
import { Events, type Client, type ClientOptions } from 'discord.js';
import type { Cooldowns } from '../../../src/bot/cooldown.js';
import type { CommandRouter } from '../../../src/bot/router.js';
import { startGateway, type Gateway } from '../../../src/discord/gateway/gateway.js';
import { createLogger } from '../../../src/logging/logger.js';
import type { FakeDiscord } from './fakeDiscord.js';
import type { BotMetrics } from '../../../src/metrics/botMetrics.js';

/** Log lines the bot wrote, parsed, so tests can check what was logged (and what never was). */
export class MemoryLog {
  readonly lines: Record<string, unknown>[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        this.lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  text(): string {
    return this.lines.map((line) => JSON.stringify(line)).join('\n');
  }
}

export interface RunningBot {
  readonly gateway: Gateway;
  readonly log: MemoryLog;
}

/** Resolves when the client is ready, or rejects after `ms`. */
export function ready(client: Client, ms = 5000): Promise<void> {
  if (client.isReady()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client not ready after ${ms} ms`)), ms);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The bot's gateway mode against the fake, with test-friendly REST settings (no minute-long hangs). */
export async function startBot(
  fake: FakeDiscord,
  router: CommandRouter,
  options: {
    cooldown?: { commands: number; windowMs: number };
    /** Where cooldowns are counted (default: in the bot's process). */
    cooldowns?: Cooldowns;
    metrics?: BotMetrics;
    retries?: number;
    /** Extra discord.js client options (e.g. `ws: noIdentifyThrottle`). */
    client?: Partial<ClientOptions>;
  } = {},
): Promise<RunningBot> {
  const log = new MemoryLog();
  const gateway = await startGateway(
    router,
    {
      token: fake.token,
      apiUrl: fake.apiUrl,
      cooldown: options.cooldown ?? { commands: 1000, windowMs: 1000 },
      cooldowns: options.cooldowns,
      metrics: options.metrics,
    },
    createLogger('info', log.stream),
    {
      rest: { api: fake.apiUrl, timeout: 2000, retries: options.retries ?? 0 },
      waitGuildTimeout: 500,
      ...options.client,
    },
  );
  await ready(gateway.client);
  return { gateway, log };
}

/** Stops the bot first, then the fake (the other order makes discord.js reconnect for seconds). */
export async function stopAll(
  bot: RunningBot | undefined,
  fake: FakeDiscord | undefined,
): Promise<void> {
  await bot?.gateway.stop();
  await fake?.close();
}
