import { DiscordAPIError, REST } from '@discordjs/rest';
import { Routes, type RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import type { Logger } from '../logging/logger.js';
import type { BotMetrics } from '../metrics/botMetrics.js';

/**
 * Posts a message to Discord webhooks — the way a server admin points a feed at a channel (an
 * Announcement channel's webhook can be Followed by other servers). discord.js's REST client waits
 * out rate limits (429) itself; a post that still fails (5xx, the network) is tried again with
 * growing pauses. A webhook Discord no longer knows (deleted: 404, token revoked: 401) is reported
 * once and skipped from then on. Logs name a webhook by its id: its URL holds a secret token.
 */

export interface AnnouncerOptions {
  readonly metrics?: BotMetrics | undefined;
  /** Tries per webhook and message, the first included. */
  readonly attempts?: number;
  /** Pause before the second try; it doubles each try after. */
  readonly backoffMs?: number;
  /** One request's bound. */
  readonly timeoutMs?: number;
  /** Called with each message posted (publishing it to an Announcement channel's followers). */
  readonly onPosted?: ((message: unknown, webhookId: string) => Promise<unknown>) | undefined;
}

export const ANNOUNCER_DEFAULTS = { attempts: 5, backoffMs: 2000, timeoutMs: 15_000 } as const;

export type PostOutcome = 'sent' | 'failed' | 'unknown-webhook';

interface Webhook {
  readonly id: string;
  readonly token: string;
  readonly rest: REST;
}

const WEBHOOK_PATH = /^(https?:\/\/.+?)(?:\/v\d+)?\/webhooks\/(\d+)\/([\w-]+)$/;

/** `https://discord.com/api/webhooks/<id>/<token>` → the API base, id and token (undefined: not one). */
export function parseWebhookUrl(
  url: string,
): { readonly api: string; readonly id: string; readonly token: string } | undefined {
  const match = WEBHOOK_PATH.exec(url.trim());
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { api: match[1], id: match[2], token: match[3] };
}

export class WebhookAnnouncer {
  private readonly webhooks: Webhook[];
  /** Webhooks Discord said are gone: reported once, never posted to again. */
  private readonly gone = new Set<string>();
  private readonly settings: Required<Omit<AnnouncerOptions, 'metrics' | 'onPosted'>>;

  constructor(
    urls: readonly string[],
    private readonly logger: Logger,
    private readonly options: AnnouncerOptions = {},
  ) {
    this.settings = {
      attempts: options.attempts ?? ANNOUNCER_DEFAULTS.attempts,
      backoffMs: options.backoffMs ?? ANNOUNCER_DEFAULTS.backoffMs,
      timeoutMs: options.timeoutMs ?? ANNOUNCER_DEFAULTS.timeoutMs,
    };
    this.webhooks = urls.flatMap((url) => {
      const parsed = parseWebhookUrl(url);
      if (!parsed) return [];
      // One client per webhook: its own queue, its own rate-limit bucket.
      const rest = new REST({
        api: parsed.api,
        version: '10',
        // Our own tries, with pauses, replace the client's immediate ones.
        retries: 0,
        timeout: this.settings.timeoutMs,
      });
      return [{ id: parsed.id, token: parsed.token, rest }];
    });
  }

  get size(): number {
    return this.webhooks.length;
  }

  /** Posts `message` to every webhook at once; resolves when each has been sent or given up. */
  async announce(message: RESTPostAPIWebhookWithTokenJSONBody): Promise<PostOutcome[]> {
    return Promise.all(
      this.webhooks
        .filter((webhook) => !this.gone.has(webhook.id))
        .map(async (webhook) => {
          const outcome = await this.post(webhook, message);
          this.options.metrics?.announcements.inc({ outcome });
          return outcome;
        }),
    );
  }

  private async post(
    webhook: Webhook,
    message: RESTPostAPIWebhookWithTokenJSONBody,
  ): Promise<PostOutcome> {
    const { attempts, backoffMs } = this.settings;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const posted = await webhook.rest.post(Routes.webhook(webhook.id, webhook.token), {
          body: message,
          auth: false,
          // Components (V2 included) are honoured on a webhook only when asked for.
          query: new URLSearchParams({ wait: 'true', with_components: 'true' }),
        });
        this.logger.info({ webhook: webhook.id, attempt }, 'announcement posted');
        await this.options
          .onPosted?.(posted, webhook.id)
          .catch((error: unknown) =>
            this.logger.warn({ webhook: webhook.id, err: error }, 'after posting: failed'),
          );
        return 'sent';
      } catch (error) {
        const status = error instanceof DiscordAPIError ? error.status : undefined;
        if (status === 404 || status === 401) {
          this.gone.add(webhook.id);
          this.logger.error(
            { webhook: webhook.id, status, code: (error as DiscordAPIError).code },
            'announcement webhook unknown to Discord (deleted, or its URL is wrong): skipped from now on; fix ANNOUNCE_WEBHOOK_URLS',
          );
          return 'unknown-webhook';
        }
        // Any other 4xx is our mistake: trying again would get the same answer.
        const retry = status === undefined || status >= 500;
        const last = !retry || attempt === attempts;
        this.logger[last ? 'error' : 'warn'](
          { webhook: webhook.id, attempt, status, err: withoutSecrets(error, webhook.token) },
          last ? 'announcement not posted' : 'announcement failed; trying again',
        );
        if (last) return 'failed';
        await pause(backoffMs * 2 ** (attempt - 1));
      }
    }
    return 'failed';
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** discord.js's errors carry the request URL, token included: logged without it. */
function withoutSecrets(error: unknown, token: string): unknown {
  if (!(error instanceof Error)) return error;
  const clean = (text: string): string => text.split(token).join('[token]');
  const copy = new Error(clean(error.message));
  copy.name = error.name;
  if (error.stack) copy.stack = clean(error.stack);
  return copy;
}
