import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../logging/logger.js';
import type { CooldownSettings, CooldownVerdict, Cooldowns } from './cooldown.js';

/**
 * Cooldowns shared by every HTTP replica and gateway shard (REDIS_URL): counted in Redis by
 * rate-limiter-flexible, atomically (one Lua script sets the window, counts and reads its expiry),
 * a fixed window per user from their first command. Redis going away must not take the bot with
 * it: while it is unreachable every command is answered (the cooldown fails open), with one
 * warning when it goes and one line when it is back; ioredis keeps reconnecting meanwhile.
 */

/** Waits on Redis, all short: a reply is due to Discord within 3 s, whatever Redis does. */
const TIMEOUTS = {
  /** Connecting at start, before the bot answers without Redis. */
  readyMs: 2000,
  connectMs: 2000,
  /** One command: past it, the command fails open. */
  commandMs: 1000,
  /** Longest wait between reconnection attempts. */
  reconnectMaxMs: 2000,
  quitMs: 1000,
} as const;

const OK: CooldownVerdict = { ok: true };

/** Where Redis is, for logs: never the URL, which may hold a password. */
function where(url: string): string {
  try {
    const { hostname, port } = new URL(url);
    return `${hostname}:${port || '6379'}`;
  } catch {
    return 'redis';
  }
}

export class RedisCooldowns implements Cooldowns {
  /** Commands let through uncounted because Redis was unreachable, since start (a metric). */
  failedOpen = 0;
  private reachable = true;
  private readonly limiter: RateLimiterRedis | undefined;

  private constructor(
    private readonly redis: Redis,
    settings: CooldownSettings,
    private readonly logger: Logger,
    private readonly address: string,
  ) {
    this.limiter =
      settings.commands > 0
        ? new RateLimiterRedis({
            storeClient: redis,
            keyPrefix: 'story-bot:cooldown',
            points: settings.commands,
            duration: Math.max(1, Math.round(settings.windowMs / 1000)),
            // Not connected: fail at once (and open) rather than wait for a reconnection.
            rejectIfRedisNotReady: true,
          })
        : undefined;
    redis.on('ready', () => this.markReachable());
    // ioredis reports every failed reconnection as an error: one warning per outage is enough.
    redis.on('error', (error: Error) => this.markUnreachable(error));
  }

  /** Connects (waiting a bounded time); a Redis that is not there yet is a warning, not a stop. */
  static async connect(
    url: string,
    settings: CooldownSettings,
    logger: Logger,
  ): Promise<RedisCooldowns> {
    const redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: TIMEOUTS.connectMs,
      commandTimeout: TIMEOUTS.commandMs,
      retryStrategy: (attempt: number) => Math.min(200 * attempt, TIMEOUTS.reconnectMaxMs),
    });
    const cooldowns = new RedisCooldowns(redis, settings, logger, where(url));
    const ready = await new Promise<boolean>((resolve) => {
      if (redis.status === 'ready') return resolve(true);
      const timer = setTimeout(() => resolve(false), TIMEOUTS.readyMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (ready) logger.info({ redis: cooldowns.address }, 'cooldowns shared through Redis');
    else cooldowns.markUnreachable(new Error(`not ready within ${TIMEOUTS.readyMs} ms`));
    return cooldowns;
  }

  async take(userId: string): Promise<CooldownVerdict> {
    if (!this.limiter) return OK;
    try {
      await this.limiter.consume(userId);
      return OK;
    } catch (error) {
      // Over the budget: rate-limiter-flexible rejects with the window's state, not an Error.
      if (error instanceof RateLimiterRes) {
        return { ok: false, retryAfterMs: Math.max(1, error.msBeforeNext) };
      }
      this.failedOpen++;
      this.markUnreachable(error);
      return OK;
    }
  }

  async close(): Promise<void> {
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      return;
    }
    const quit = this.redis.quit().then(
      () => undefined,
      () => undefined,
    );
    const timer = new Promise<void>((resolve) => setTimeout(resolve, TIMEOUTS.quitMs).unref());
    await Promise.race([quit, timer]);
    this.redis.disconnect();
  }

  private markUnreachable(error: unknown): void {
    if (!this.reachable) return;
    this.reachable = false;
    this.logger.warn(
      { redis: this.address, err: error },
      'Redis unreachable: cooldowns are not enforced until it is back',
    );
  }

  private markReachable(): void {
    if (this.reachable) return;
    this.reachable = true;
    this.logger.info(
      { redis: this.address, failedOpen: this.failedOpen },
      'Redis reachable again: cooldowns shared again',
    );
  }
}
