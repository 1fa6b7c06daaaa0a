/**
 * Per-user command budget: at most `commands` in any `windowMs`. A sliding window of timestamps
 * per user, pruned as it goes and capped in size, so a flood of distinct users cannot grow it
 * without bound.
 */
export interface CooldownSettings {
  readonly commands: number;
  readonly windowMs: number;
}

export type CooldownVerdict =
  { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/** Users remembered at once; the oldest are forgotten first (they are past their window anyway). */
const MAX_USERS = 50_000;

export class Cooldown {
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly settings: CooldownSettings) {}

  take(userId: string, now: number): CooldownVerdict {
    if (this.settings.commands <= 0) return { ok: true };
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
    return { ok: true };
  }
}
