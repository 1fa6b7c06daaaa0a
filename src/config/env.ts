import { z } from 'zod';

/**
 * The environment, checked once at start-up. A missing or malformed value stops the bot with one
 * line that names the variable; values themselves are never echoed (one of them is the token).
 */

const SNOWFLAKE = /^\d{17,20}$/;
/** A webhook's address: an API base (Discord's, or a stand-in's), then /webhooks/<id>/<token>. */
const WEBHOOK_URL = /^https?:\/\/[^\s/]+(\/[^\s]*)?\/webhooks\/\d{1,20}\/[\w-]{1,100}$/;
/** Discord's locale codes the bot has words for (its catalogues: src/i18n/locales). */
const ANNOUNCE_LOCALES = ['en-US', 'en-GB', 'de', 'fr', 'es-ES', 'es-419', 'tr'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === ''
    ? undefined
    : typeof value === 'string'
      ? value.trim()
      : value;
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional());

const EnvSchema = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .regex(
        /^[\w.-]{20,}$/,
        'does not look like a bot token (copy it from the Bot page of the developer portal)',
      ),
  ),
  DISCORD_APPLICATION_ID: optional(
    z.string().regex(SNOWFLAKE, 'expected the numeric application id (17–20 digits)'),
  ),
  DISCORD_GUILD_ID: optional(
    z.string().regex(SNOWFLAKE, 'expected a numeric server id (17–20 digits)'),
  ),
  DISCORD_PUBLIC_KEY: optional(
    z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected the 64-character hex public key'),
  ),
  DISCORD_API_URL: optional(
    z
      .string()
      .regex(
        /^https?:\/\/[^\s/]+(\/\S*)?$/,
        'expected an http(s) URL such as https://discord.com/api',
      )
      .transform((url) => url.replace(/\/+$/, '')),
  ),
  BOT_MODE: optional(z.enum(['gateway', 'http', 'console'], 'expected gateway, http or console')),
  PORT: optional(
    z.coerce
      .number('expected a port number')
      .int()
      .min(0)
      .max(65535, 'expected a port number (0–65535)'),
  ),
  /** Gateway mode: serve GET /metrics and GET /healthz on this port (sharded: plus the shard id). */
  METRICS_PORT: optional(
    z.coerce
      .number('expected a port number')
      .int()
      .min(0)
      .max(65535, 'expected a port number (0–65535)'),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, `expected one of ${LOG_LEVELS.join(', ')}`)),
  /** Per-user command budget: "<commands>/<seconds>". */
  COOLDOWN: optional(
    z
      .string()
      .regex(/^\d{1,4}\/\d{1,5}$/, 'expected <commands>/<seconds>, e.g. 5/10')
      .transform((value) => {
        const [commands, seconds] = value.split('/').map(Number);
        return { commands: commands ?? 5, windowMs: (seconds ?? 10) * 1000 };
      }),
  ),
  SHARDS: optional(
    z.union(
      [
        z.literal('auto'),
        z.coerce
          .number()
          .int()
          .min(1, 'expected auto or a shard count (1–1024)')
          .max(1024, 'expected auto or a shard count (1–1024)'),
      ],
      'expected auto or a shard count',
    ),
  ),
  /** HTTP interactions mode: the address to listen on (default: every interface). */
  HOST: optional(
    z
      .string()
      .regex(
        /^[\w.:[\]-]{1,253}$/,
        'expected a host name or IP address to listen on, e.g. 0.0.0.0 or 127.0.0.1',
      ),
  ),
  CORPUS_DIR: optional(z.string()),
  /** Compare the registered commands with ours at start and overwrite them when they differ. */
  SYNC_COMMANDS: optional(
    z
      .enum(['true', 'false', '1', '0'], 'expected true or false')
      .transform((value) => value === 'true' || value === '1'),
  ),
  /** State shared by every replica and shard (cooldowns); without it, each process keeps its own. */
  REDIS_URL: optional(
    z
      .string()
      .regex(
        /^rediss?:\/\/\S+$/,
        'expected a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
      ),
  ),
  /**
   * Watch the corpus and reload it when an editor saves (default true); `poll` checks the files
   * every second instead of waiting for the system's events (network file systems, Kubernetes
   * ConfigMap volumes, whose updates swap a symlink the events do not report).
   */
  CORPUS_WATCH: optional(
    z
      .enum(['true', 'false', '1', '0', 'poll'], 'expected true, false or poll')
      .transform((value): CorpusWatch =>
        value === 'poll' ? 'poll' : value === 'true' || value === '1' ? 'events' : 'off',
      ),
  ),
  /** Discord webhooks told what changed when the corpus reloads (comma-separated). */
  ANNOUNCE_WEBHOOK_URLS: optional(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((url) => url.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              WEBHOOK_URL,
              'expected Discord webhook URLs separated by commas, e.g. https://discord.com/api/webhooks/<id>/<token>',
            ),
        ),
      ),
  ),
  /** The language of the announcements: a Discord locale with a catalogue (default English). */
  ANNOUNCE_LOCALE: optional(
    z.enum(ANNOUNCE_LOCALES, `expected one of ${ANNOUNCE_LOCALES.join(', ')}`),
  ),
  /** Whether this process posts the announcements (default true; with Redis, one process does). */
  ANNOUNCE: optional(
    z
      .enum(['true', 'false', '1', '0'], 'expected true or false')
      .transform((value) => value === 'true' || value === '1'),
  ),
});

export type BotMode = 'gateway' | 'http' | 'console';
/** How the corpus directory is watched: the system's file events, polling, or not at all. */
export type CorpusWatch = 'events' | 'poll' | 'off';

export interface Config {
  readonly mode: BotMode;
  readonly token?: string | undefined;
  readonly applicationId?: string | undefined;
  readonly guildId?: string | undefined;
  readonly publicKey?: string | undefined;
  readonly apiUrl?: string | undefined;
  readonly port: number;
  /** HTTP mode's listening address; undefined: every interface. */
  readonly host?: string | undefined;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly cooldown: { readonly commands: number; readonly windowMs: number };
  readonly shards?: 'auto' | number | undefined;
  readonly corpusDir?: string | undefined;
  /** Where cooldowns are shared; undefined: in this process. */
  readonly redisUrl?: string | undefined;
  /** Gateway mode's metrics and health port; undefined: not served. */
  readonly metricsPort?: number | undefined;
  /** Register changed command definitions at start (needs the token). */
  readonly syncCommands: boolean;
  /** Reload the corpus when its files change (SIGHUP reloads it either way). */
  readonly corpusWatch: CorpusWatch;
  /** Where what changed is posted on each accepted reload (none: not announced). */
  readonly announceWebhooks: readonly string[];
  /** Whether this process may announce (with Redis, the one that wins the lock does). */
  readonly announce: boolean;
  /** The announcements' language (a Discord locale); undefined: English. */
  readonly announceLocale?: string | undefined;
}

/** A configuration mistake, reported as one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEFAULTS = {
  port: 8080,
  cooldown: { commands: 5, windowMs: 10_000 },
} as const;

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const e = parsed.data;
  const mode: BotMode = e.BOT_MODE ?? (e.DISCORD_TOKEN ? 'gateway' : 'console');
  if (mode === 'gateway' && !e.DISCORD_TOKEN) {
    throw new ConfigError(
      'DISCORD_TOKEN: required for BOT_MODE=gateway (or unset BOT_MODE to use the console)',
    );
  }
  if (mode === 'http' && !e.DISCORD_PUBLIC_KEY) {
    throw new ConfigError(
      "DISCORD_PUBLIC_KEY: required for BOT_MODE=http (the application's public key, from the developer portal)",
    );
  }
  return {
    mode,
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    publicKey: e.DISCORD_PUBLIC_KEY,
    apiUrl: e.DISCORD_API_URL,
    port: e.PORT ?? DEFAULTS.port,
    host: e.HOST,
    logLevel: e.LOG_LEVEL ?? (mode === 'console' ? 'warn' : 'info'),
    cooldown: e.COOLDOWN ?? DEFAULTS.cooldown,
    shards: e.SHARDS,
    corpusDir: e.CORPUS_DIR,
    redisUrl: e.REDIS_URL,
    syncCommands: e.SYNC_COMMANDS ?? true,
    metricsPort: e.METRICS_PORT,
    corpusWatch: e.CORPUS_WATCH ?? 'events',
    announceWebhooks: e.ANNOUNCE_WEBHOOK_URLS ?? [],
    announce: e.ANNOUNCE ?? true,
    announceLocale: e.ANNOUNCE_LOCALE,
  };
}
