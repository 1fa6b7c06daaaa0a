import {
  Events,
  Routes,
  type Client,
  type ClientOptions,
  type Interaction,
  type Message,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import type { Cooldowns } from '../../bot/cooldown.js';
import type { CommandRouter } from '../../bot/router.js';
import type { Config } from '../../config/env.js';
import { InteractionService } from '../interactionService.js';
import { describeRequest } from '../interactionRequest.js';
import type { Logger } from '../../logging/logger.js';
import type { BotMetrics } from '../../metrics/botMetrics.js';
import { createDiscordClient } from './client.js';
import { fromDiscordJs } from '../fromDiscordJs.js';
import { questionFromMention } from './mentions.js';

export interface Gateway {
  readonly client: Client;
  readonly service: InteractionService;
  /** Lets replies in flight finish, then disconnects (each bounded: destroy() can hang mid-reconnect). */
  stop(): Promise<void>;
}

/** Each step of stopping (replies in flight, then the disconnect) waits at most this long. */
const STOP_TIMEOUT_MS = 2000;

/**
 * The gateway bot: discord.js receives interactions and mentions; the InteractionService decides
 * the answer; the response body is sent as rendered (the same body the CLI prints with --json).
 */
export async function startGateway(
  router: CommandRouter,
  config: Pick<Config, 'token' | 'apiUrl' | 'cooldown'> & {
    readonly cooldowns?: Cooldowns;
    readonly metrics?: BotMetrics | undefined;
  },
  logger: Logger,
  clientOptions: Partial<ClientOptions> = {},
): Promise<Gateway> {
  const client = createDiscordClient(config, clientOptions);
  const service = new InteractionService(router, logger, {
    cooldown: config.cooldown,
    cooldowns: config.cooldowns,
    metrics: config.metrics,
  });
  const shardOf = (guildId: string | null | undefined): number | undefined =>
    guildId ? client.guilds.cache.get(guildId)?.shardId : client.shard?.ids[0];

  const onInteraction = async (interaction: Interaction): Promise<void> => {
    const received = performance.now();
    const request = fromDiscordJs(interaction);
    const body = await service.handle(request);
    const ms = (): number => Math.round((performance.now() - received) * 100) / 100;
    const log = {
      interaction: interaction.id,
      command: describeRequest(request),
      user: interaction.user.id,
      guild: interaction.guildId,
      shard: shardOf(interaction.guildId),
      // Received → reply computed; `ms` below adds sending it and Discord's acknowledgement.
      answerMs: ms(),
    };
    try {
      await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body,
        auth: false,
      });
      const sent = ms();
      config.metrics?.replySeconds.observe({ kind: request.kind }, sent / 1000);
      logger.info({ ...log, type: body.type, ms: sent }, 'interaction answered');
    } catch (error) {
      // Too late (10062) or already answered (40060): nothing more can be sent on this interaction.
      logger.error({ ...log, err: error }, 'interaction response failed');
    }
  };

  const onMessage = async (message: Message): Promise<void> => {
    const botId = client.user?.id;
    if (!botId || message.author.bot) return;
    const question = questionFromMention(message.content, botId);
    if (question === undefined) return;
    const data = await service.answerMention({
      id: message.id,
      userId: message.author.id,
      guildId: message.guildId ?? undefined,
      question,
      locale: message.guild?.preferredLocale,
    });
    if (!data) return;
    const body: RESTPostAPIChannelMessageJSONBody = {
      ...data,
      allowed_mentions: { parse: [], replied_user: false },
      message_reference: { message_id: message.id, fail_if_not_exists: false },
    };
    try {
      await client.rest.post(Routes.channelMessages(message.channelId), { body });
      logger.info(
        {
          message: message.id,
          user: message.author.id,
          guild: message.guildId,
          shard: shardOf(message.guildId),
        },
        'mention answered',
      );
    } catch (error) {
      logger.error({ message: message.id, err: error }, 'mention reply failed');
    }
  };

  // Replies being computed or sent: stopping lets them finish (bounded) before disconnecting.
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  client.on(Events.InteractionCreate, (interaction) => track(onInteraction(interaction)));
  client.on(Events.MessageCreate, (message) => track(onMessage(message)));
  client.once(Events.ClientReady, (ready) => {
    logger.info(
      {
        user: ready.user.tag,
        application: ready.application.id,
        guilds: ready.guilds.cache.size,
        shards: client.shard?.ids,
      },
      'connected to Discord',
    );
  });
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ shard, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info({ shard, replayed }, 'gateway resumed'),
  );
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord.js error'));
  client.rest.on('rateLimited', (info) =>
    logger.warn(
      { route: info.route, retryAfterMs: info.retryAfter, global: info.global },
      'rate limited by Discord',
    ),
  );

  await client.login(config.token);
  return {
    client,
    service,
    stop: async () => {
      const bound = (): Promise<void> =>
        new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref());
      await Promise.race([Promise.allSettled(inFlight), bound()]);
      await Promise.race([client.destroy(), bound()]);
    },
  };
}
