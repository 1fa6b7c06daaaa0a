import { DiscordAPIError, REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import type { Logger } from '../logging/logger.js';

/**
 * Publishes a posted announcement to the servers that Follow its channel. On Discord a message in
 * an Announcement channel reaches followers only once someone presses Publish (Crosspost); a bot
 * that is in the server and may manage the channel's messages can do it at once. Where it cannot —
 * an ordinary channel, no permission, the bot not in that server — it says so once for that
 * webhook and stops trying there; the announcement itself is already posted either way.
 */

export type PublishOutcome = 'published' | 'not-announcement-channel' | 'not-allowed' | 'failed';

export interface PostedMessage {
  readonly id: string;
  readonly channel_id: string;
}

export class AnnouncementPublisher {
  private readonly rest: REST;
  /** Webhooks whose channel cannot be published from: told once, not tried again. */
  private readonly unpublishable = new Set<string>();

  constructor(
    token: string,
    apiUrl: string | undefined,
    private readonly logger: Logger,
  ) {
    this.rest = new REST({ ...(apiUrl ? { api: apiUrl } : {}), retries: 1, timeout: 15_000 });
    this.rest.setToken(token);
  }

  async publish(message: PostedMessage, webhookId: string): Promise<PublishOutcome | undefined> {
    if (this.unpublishable.has(webhookId)) return undefined;
    try {
      await this.rest.post(Routes.channelMessageCrosspost(message.channel_id, message.id));
      this.logger.info({ webhook: webhookId }, 'announcement published to the channel’s followers');
      return 'published';
    } catch (error) {
      const code = error instanceof DiscordAPIError ? Number(error.code) : undefined;
      const status = error instanceof DiscordAPIError ? error.status : undefined;
      // 50024: not an Announcement channel; 50001/50013: not in the server, or no permission.
      const outcome: PublishOutcome =
        code === 50024
          ? 'not-announcement-channel'
          : code === 50001 || code === 50013 || status === 403
            ? 'not-allowed'
            : 'failed';
      if (outcome === 'failed') {
        this.logger.warn(
          { webhook: webhookId, status, code },
          'publishing the announcement failed',
        );
        return outcome;
      }
      this.unpublishable.add(webhookId);
      this.logger[outcome === 'not-allowed' ? 'warn' : 'info'](
        { webhook: webhookId, code },
        outcome === 'not-allowed'
          ? 'the bot may not publish in this webhook’s Announcement channel (it needs to be in that server with Manage Messages there): followers get announcements once someone presses Publish'
          : 'this webhook’s channel is not an Announcement channel: nothing to publish to followers',
      );
      return outcome;
    }
  }
}
