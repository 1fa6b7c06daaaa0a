import type { Logger } from '../../logging/logger.js';

/**
 * Refused requests (forged signatures, stale timestamps, wrong paths …), counted by reason. Each is
 * logged at debug only; a warning sums them up at most once per interval, so a flood of forged
 * requests cannot become a flood of log lines. The totals since start are kept for a metric.
 */
export class RefusalTally {
  /** Refusals since start, by reason. */
  readonly totals = new Map<string, number>();
  private readonly pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = 60_000,
  ) {}

  note(reason: string): void {
    this.totals.set(reason, (this.totals.get(reason) ?? 0) + 1);
    this.pending.set(reason, (this.pending.get(reason) ?? 0) + 1);
    // The first refusal opens an interval; its end sums up every refusal within it.
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs).unref();
  }

  /** Logs the refusals not yet summed up, if any (at the end of an interval, and on stop). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const byReason = Object.fromEntries(this.pending);
    const refused = [...this.pending.values()].reduce((sum, n) => sum + n, 0);
    this.pending.clear();
    this.logger.warn({ refused, byReason, intervalMs: this.intervalMs }, 'HTTP requests refused');
  }
}

/** Reasons that name no request's content: kept as they are in metric labels. */
const FIXED_REASONS = new Set([
  'missing signature',
  'malformed signature',
  'missing timestamp',
  'malformed timestamp',
  'stale timestamp',
  'bad signature',
  'too large',
  'aborted',
  'request body too large',
  'invalid JSON',
  'not found',
  'method not allowed',
]);

/**
 * A refusal's metric label, from a small fixed set: an interaction's own problem (which names its
 * fields) is one label, as is every malformed-HTTP code Node reports.
 */
export function refusalLabel(reason: string): string {
  if (FIXED_REASONS.has(reason)) return reason;
  if (/^malformed HTTP \([A-Z_]{1,40}\)$/.test(reason)) return reason;
  return 'invalid interaction';
}
