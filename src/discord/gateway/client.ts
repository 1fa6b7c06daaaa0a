import { ActivityType, Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../../config/env.js';

/**
 * The discord.js client with only what the bot needs: slash commands and context menus need the
 * Guilds intent; questions that @mention the bot need GuildMessages (and DirectMessages in DMs).
 * No privileged intent: a message that mentions the bot carries its content anyway.
 */
export function createDiscordClient(
  config: Pick<Config, 'apiUrl'>,
  overrides: Partial<ClientOptions> = {},
): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
    ],
    partials: [Partials.Channel],
    // A second guard behind every reply's own allowed_mentions: nothing the bot sends pings.
    allowedMentions: { parse: [], repliedUser: false },
    presence: { activities: [{ name: '/story review-status', type: ActivityType.Listening }] },
    ...overrides,
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...overrides.rest },
  });
}
