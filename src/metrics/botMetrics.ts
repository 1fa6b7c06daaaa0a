import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The bot's Prometheus metrics (prom-client), one registry per process: what was asked and how it
 * ended, how fast, who was refused, plus Node's default process metrics. Every label has a small,
 * fixed set of values (command names, outcomes, our languages, refusal reasons), never user text.
 */
export class BotMetrics {
  readonly registry = new Registry();

  /** Commands answered, by command (`/story ask`), outcome and the asker's language. */
  readonly commands = new Counter({
    name: 'storybot_commands_total',
    help: 'Commands answered, by command, outcome (answered, abstained, nothing-found, verbatim, close, not-found, error, failed) and language',
    labelNames: ['command', 'outcome', 'locale'] as const,
    registers: [this.registry],
  });

  /** Interaction received → its reply sent (gateway: Discord acknowledged it; HTTP: written). */
  readonly replySeconds = new Histogram({
    name: 'storybot_reply_seconds',
    help: 'Seconds from receiving an interaction to sending its reply, by kind (command, autocomplete, button)',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly cooldownRefusals = new Counter({
    name: 'storybot_cooldown_refusals_total',
    help: 'Commands and mentions refused because the user was over the cooldown budget',
    registers: [this.registry],
  });

  readonly missesReported = new Counter({
    name: 'storybot_misses_reported_total',
    help: '"Report a miss" clicks, by command',
    labelNames: ['command'] as const,
    registers: [this.registry],
  });

  readonly httpRefused = new Counter({
    name: 'storybot_http_refused_total',
    help: 'HTTP requests refused by the interactions endpoint, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /** Corpus reloads (a save in the corpus directory, or SIGHUP), by how they ended. */
  readonly corpusReloads = new Counter({
    name: 'storybot_corpus_reloads_total',
    help: 'Corpus reloads, by outcome (accepted, refused: the corpus has problems, unchanged: nothing an answer reads changed, failed: an error of the bot or the machine)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** Announcements of what changed, one per webhook, by how they ended. */
  readonly announcements = new Counter({
    name: 'storybot_announcements_total',
    help: 'Announcement posts to webhooks, by outcome (sent, failed, unknown-webhook)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(labels: Record<string, string> = {}) {
    this.registry.setDefaultLabels(labels);
    collectDefaultMetrics({ register: this.registry });
  }

  /** The exposition text and its content type, for `GET /metrics`. */
  async exposition(): Promise<{ readonly contentType: string; readonly text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}
