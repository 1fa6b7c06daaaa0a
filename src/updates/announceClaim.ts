import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';

/**
 * Which process announces a corpus change. Every replica and shard reloads the same files and
 * would post the same news; with REDIS_URL they race for a short-lived key named after the new
 * corpus, and only the winner posts. Without Redis each process decides alone (ANNOUNCE).
 */
export interface AnnounceClaim {
  /** True when this process is the one to announce the corpus `fingerprint`. */
  claim(fingerprint: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Long enough for every process to have reloaded the same change; short enough to re-announce a change made again later. */
const CLAIM_TTL_MS = 10 * 60_000;
const TIMEOUT_MS = 2000;

/**
 * No coordination: this process announces when ANNOUNCE is on. (Each change reaches it once: a
 * reload to the corpus already answered from is no change.)
 */
export class LocalAnnounceClaim implements AnnounceClaim {
  constructor(private readonly enabled: boolean) {}
  claim(): Promise<boolean> {
    return Promise.resolve(this.enabled);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

export class RedisAnnounceClaim implements AnnounceClaim {
  private constructor(
    private readonly redis: Redis,
    private readonly enabled: boolean,
    private readonly logger: Logger,
  ) {}

  static connect(url: string, enabled: boolean, logger: Logger): RedisAnnounceClaim {
    const redis = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectTimeout: TIMEOUT_MS,
      commandTimeout: TIMEOUT_MS,
    });
    // Failures are reported where a claim fails; ioredis keeps reconnecting meanwhile.
    redis.on('error', () => undefined);
    return new RedisAnnounceClaim(redis, enabled, logger);
  }

  async claim(fingerprint: string): Promise<boolean> {
    if (!this.enabled) return false;
    try {
      const won = await this.redis.set(
        `story-bot:announce:${fingerprint}`,
        String(process.pid),
        'PX',
        CLAIM_TTL_MS,
        'NX',
      );
      return won === 'OK';
    } catch (error) {
      // Better one announcement missed than one from every replica.
      this.logger.error(
        { err: error },
        'Redis unreachable: this process does not announce the corpus change',
      );
      return false;
    }
  }

  async close(): Promise<void> {
    // Never connected (no change was announced) or not reachable: nothing to say goodbye to.
    if (this.redis.status === 'ready') {
      const bound = new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS).unref());
      await Promise.race([this.redis.quit().catch(() => undefined), bound]);
    }
    this.redis.disconnect();
  }
}
