import { REST } from '@discordjs/rest';
import {
  ApplicationIntegrationType,
  InteractionContextType,
  Routes,
  type RESTGetAPIOAuth2CurrentApplicationResult,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Config } from '../config/env.js';
import type { Logger } from '../logging/logger.js';

/**
 * Command registration: what the bot registers where, and keeping it current. Global commands are
 * installable by servers and by users and usable in servers, the bot's DMs and other DMs; guild
 * commands (development) carry neither field, which Discord ignores there. At start the bot reads
 * what Discord has and overwrites it only when it differs, so an unchanged deploy sends no PUT.
 */

export interface CommandScope {
  readonly applicationId: string;
  /** Development registration to one server; undefined: global. */
  readonly guildId?: string | undefined;
}

const INSTALLABLE = {
  integration_types: [
    ApplicationIntegrationType.GuildInstall,
    ApplicationIntegrationType.UserInstall,
  ],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
};

/** The bodies to register in a scope: global ones installable anywhere, guild ones as defined. */
export function registrationBodies(
  definitions: readonly RESTPostAPIApplicationCommandsJSONBody[],
  guildId: string | undefined,
): RESTPostAPIApplicationCommandsJSONBody[] {
  return definitions.map((d) => (guildId ? { ...d } : { ...d, ...INSTALLABLE }));
}

export function commandsRoute(scope: CommandScope): `/${string}` {
  return scope.guildId
    ? Routes.applicationGuildCommands(scope.applicationId, scope.guildId)
    : Routes.applicationCommands(scope.applicationId);
}

/** A REST client for registering: one retry, a 10 s bound (DISCORD_API_URL applies). */
export function registrationRest(token: string, apiUrl: string | undefined): REST {
  return new REST({ ...(apiUrl ? { api: apiUrl } : {}), retries: 1, timeout: 10_000 }).setToken(
    token,
  );
}

/** The application id: configured, or asked of Discord with the token. */
export async function applicationIdOf(rest: REST, configured?: string): Promise<string> {
  if (configured) return configured;
  return ((await rest.get(Routes.currentApplication())) as RESTGetAPIOAuth2CurrentApplicationResult)
    .id;
}

/** Fields Discord adds to what it stores (ids, versions, deprecated mirrors): never compared. */
const ADDED = new Set([
  'id',
  'application_id',
  'guild_id',
  'version',
  'dm_permission',
  'name_localized',
  'description_localized',
  'handler',
]);

/** A value Discord treats as unset, so `{required: false}` equals `{}`. */
function isDefault(key: string, value: unknown): boolean {
  if (value === null || value === undefined || value === false) return true;
  if (Array.isArray(value) && value.length === 0) return true;
  if (typeof value === 'object' && Object.keys(value).length === 0) return true;
  // Without integration_types a command is installable by servers only.
  if (key === 'integration_types' && JSON.stringify(value) === '[0]') return true;
  return (key === 'description' && value === '') || (key === 'type' && value === 1);
}

/** Canonical form for comparing: Discord's additions and defaults dropped, keys sorted. */
export function normalizeCommand(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => normalizeCommand(item));
    // Sets, not lists: Discord may return them in another order.
    return key === 'integration_types' || key === 'contexts'
      ? [...(items as number[])].sort((a, b) => a - b)
      : items;
  }
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .filter(([k]) => !ADDED.has(k))
    .map(([k, v]) => [k, normalizeCommand(v, k)] as const)
    .filter(([k, v]) => !isDefault(k, v))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

function commandKey(command: unknown): string {
  const c = command as { type?: number; name?: string };
  return `${c.type ?? 1}:${c.name ?? ''}`;
}

/** True when Discord's commands are ours, whatever order and defaults Discord returns them in. */
export function sameCommands(registered: readonly unknown[], ours: readonly unknown[]): boolean {
  const canonical = (list: readonly unknown[]): string =>
    JSON.stringify(
      [...list]
        .sort((a, b) => (commandKey(a) < commandKey(b) ? -1 : 1))
        .map((c) => normalizeCommand(c)),
    );
  return canonical(registered) === canonical(ours);
}

export interface SyncResult {
  readonly changed: boolean;
  readonly count: number;
}

/**
 * Reads the registered commands (with their localizations, which Discord leaves out unless asked)
 * and overwrites them with one bulk PUT only when they differ.
 */
export async function syncCommands(
  rest: REST,
  scope: CommandScope,
  definitions: readonly RESTPostAPIApplicationCommandsJSONBody[],
): Promise<SyncResult> {
  const body = registrationBodies(definitions, scope.guildId);
  const route = commandsRoute(scope);
  const registered = (await rest.get(route, {
    query: new URLSearchParams({ with_localizations: 'true' }),
  })) as unknown[];
  if (sameCommands(registered, body)) return { changed: false, count: body.length };
  await rest.put(route, { body });
  return { changed: true, count: body.length };
}

/**
 * `npm start`'s sync (SYNC_COMMANDS, on by default, needs DISCORD_TOKEN): never stops the bot —
 * a failure is logged and the commands stay as registered.
 */
export async function syncOnStart(
  config: Pick<Config, 'token' | 'apiUrl' | 'applicationId' | 'guildId' | 'syncCommands'>,
  definitions: readonly RESTPostAPIApplicationCommandsJSONBody[],
  logger: Logger,
): Promise<SyncResult | undefined> {
  if (!config.syncCommands || !config.token) return undefined;
  const rest = registrationRest(config.token, config.apiUrl);
  try {
    const applicationId = await applicationIdOf(rest, config.applicationId);
    const result = await syncCommands(
      rest,
      { applicationId, guildId: config.guildId },
      definitions,
    );
    logger.info(
      { ...result, scope: config.guildId ? `guild ${config.guildId}` : 'global' },
      result.changed ? 'commands registered (they had changed)' : 'commands unchanged',
    );
    return result;
  } catch (error) {
    logger.warn({ err: error }, 'command sync failed; the registered commands stay as they are');
    return undefined;
  }
}
