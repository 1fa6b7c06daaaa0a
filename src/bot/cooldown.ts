/**
 * Per-user command budget: at most `commands` in any `windowMs`. Counted in this process
 * (`MemoryCooldowns`, below) or shared by every replica and shard (`RedisCooldowns`, with
 * REDIS_URL): the service asks either the same way.
 */
export interface CooldownSettings {
  readonly commands: number;
  readonly windowMs: number;
}

export type CooldownVerdict =
  { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

export interface Cooldowns {
  /** Counts one command of `userId`, or refuses it while they are over their budget. */
  take(userId: string): Promise<CooldownVerdict>;
  /** Lets go of what it holds (a connection): the last step of stopping. */
  close(): Promise<void>;
}

/** Users remembered at once; the oldest are forgotten first (they are past their window anyway). */
const MAX_USERS = 50_000;

const OK: CooldownVerdict = { ok: true };

/**
 * In this process: a sliding window of timestamps per user, pruned as it goes and capped in size,
 * so a flood of distinct users cannot grow it without bound.
 */
export class MemoryCooldowns implements Cooldowns {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly settings: CooldownSettings,
    private readonly now: () => number = Date.now,
  ) {}

  take(userId: string): Promise<CooldownVerdict> {
    return Promise.resolve(this.takeNow(userId, this.now()));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private takeNow(userId: string, now: number): CooldownVerdict {
    if (this.settings.commands <= 0) return OK;
    const since = now - this.settings.windowMs;
    const times = (this.recent.get(userId) ?? []).filter((t) => t > since);
    if (times.length >= this.settings.commands) {
      this.recent.set(userId, times);
      return {
        ok: false,
        retryAfterMs: Math.max(1, (times[0] ?? now) + this.settings.windowMs - now),
      };
    }
    times.push(now);
    // Re-inserting keeps the Map in least-recently-used order for the cap below.
    this.recent.delete(userId);
    this.recent.set(userId, times);
    if (this.recent.size > MAX_USERS) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    return OK;
  }
}
