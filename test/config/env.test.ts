/**
 * Every bad environment value stops the bot with one line that names the variable and never echoes
 * the value (one of them is the token).
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789';
const PUBLIC_KEY = 'a'.repeat(64);

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(Object.keys(env))}`);
}

/** [variable, bad value, other variables the case needs]. */
const BAD_VALUES: [string, string, Record<string, string>?][] = [
  ['DISCORD_TOKEN', 'short'],
  ['DISCORD_TOKEN', 'has spaces in it and is long enough'],
  ['DISCORD_TOKEN', 'Bot\nMTIzNDU2Nzg5MDEyMzQ1Njc4'],
  ['DISCORD_APPLICATION_ID', '12345'],
  ['DISCORD_APPLICATION_ID', 'my-bot'],
  ['DISCORD_GUILD_ID', '123456789012345678901234'],
  ['DISCORD_GUILD_ID', 'general'],
  ['DISCORD_PUBLIC_KEY', 'abc'],
  ['DISCORD_PUBLIC_KEY', 'g'.repeat(64)],
  ['DISCORD_PUBLIC_KEY', 'a'.repeat(65)],
  ['DISCORD_API_URL', 'ftp://example.org/api'],
  ['DISCORD_API_URL', 'discord.com/api'],
  ['DISCORD_API_URL', 'http://exa mple.org'],
  ['BOT_MODE', 'web'],
  ['BOT_MODE', 'HTTP'],
  ['PORT', 'eighty'],
  ['PORT', '-1'],
  ['PORT', '65536'],
  ['PORT', '80.5'],
  ['HOST', 'bad host'],
  ['LOG_LEVEL', 'loud'],
  ['LOG_LEVEL', 'verbose'],
  ['COOLDOWN', '5'],
  ['COOLDOWN', '5/ten'],
  ['COOLDOWN', '-1/10'],
  ['SHARDS', '0'],
  ['SHARDS', 'many'],
  ['SHARDS', '2.5'],
  ['SHARDS', '5000'],
  ['REDIS_URL', 'localhost:6379'],
  ['REDIS_URL', 'http://127.0.0.1:6379'],
  ['SYNC_COMMANDS', 'maybe'],
  ['CORPUS_WATCH', 'yes please'],
  ['ANNOUNCE', 'sometimes'],
  ['ANNOUNCE_LOCALE', 'german'],
  ['ANNOUNCE_LOCALE', 'ja'],
  ['ANNOUNCE_WEBHOOK_URLS', 'https://discord.com/channels/123/456'],
  ['ANNOUNCE_WEBHOOK_URLS', 'https://discord.com/api/webhooks/123/secret-token,not a url'],
  ['ANNOUNCE_WEBHOOK_URLS', 'discord.com/api/webhooks/123/secret-token'],
];

describe('loadConfig', () => {
  it.each(BAD_VALUES)('%s=%j stops with one line naming the variable', (name, value, extra) => {
    const message = configError({ ...extra, [name]: value });
    expect(message).toMatch(new RegExp(`^${name}: \\S`));
    expect(message).not.toContain('\n');
    if (
      ['DISCORD_TOKEN', 'DISCORD_PUBLIC_KEY', 'REDIS_URL', 'ANNOUNCE_WEBHOOK_URLS'].includes(name)
    ) {
      expect(message).not.toContain(value);
      expect(message).not.toContain('secret-token');
    }
  });

  it('requires DISCORD_TOKEN for gateway mode', () => {
    expect(configError({ BOT_MODE: 'gateway' })).toMatch(
      /^DISCORD_TOKEN: required for BOT_MODE=gateway/,
    );
  });

  it('requires DISCORD_PUBLIC_KEY for http mode, and no token', () => {
    expect(configError({ BOT_MODE: 'http' })).toMatch(
      /^DISCORD_PUBLIC_KEY: required for BOT_MODE=http/,
    );
    expect(loadConfig({ BOT_MODE: 'http', DISCORD_PUBLIC_KEY: PUBLIC_KEY })).toMatchObject({
      mode: 'http',
      token: undefined,
      publicKey: PUBLIC_KEY,
      port: 8080,
    });
  });

  it('reads good values, trimming blanks to defaults', () => {
    expect(
      loadConfig({
        DISCORD_TOKEN: ` ${TOKEN} `,
        DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
        PORT: '3000',
        HOST: '127.0.0.1',
        SHARDS: 'auto',
        COOLDOWN: '3/20',
        LOG_LEVEL: '',
        REDIS_URL: 'redis://:secret@127.0.0.1:6379/0',
      }),
    ).toMatchObject({
      mode: 'gateway',
      token: TOKEN,
      apiUrl: 'http://127.0.0.1:9999/api',
      port: 3000,
      host: '127.0.0.1',
      shards: 'auto',
      cooldown: { commands: 3, windowMs: 20_000 },
      logLevel: 'info',
      redisUrl: 'redis://:secret@127.0.0.1:6379/0',
    });
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, SHARDS: '4' }).shards).toBe(4);
    expect(loadConfig({}).mode).toBe('console');
  });

  it('syncs commands at start unless SYNC_COMMANDS=false', () => {
    expect(loadConfig({}).syncCommands).toBe(true);
    expect(loadConfig({ SYNC_COMMANDS: 'false' }).syncCommands).toBe(false);
    expect(loadConfig({ SYNC_COMMANDS: '0' }).syncCommands).toBe(false);
    expect(loadConfig({ SYNC_COMMANDS: 'true' }).syncCommands).toBe(true);
  });

  it('watches the corpus and announces unless told not to; reads the webhooks as a list', () => {
    expect(loadConfig({})).toMatchObject({
      corpusWatch: 'events',
      announce: true,
      announceWebhooks: [],
    });
    expect(loadConfig({ ANNOUNCE_LOCALE: 'es-419' }).announceLocale).toBe('es-419');
    expect(loadConfig({ CORPUS_WATCH: 'poll' }).corpusWatch).toBe('poll');
    expect(loadConfig({ CORPUS_WATCH: 'false', ANNOUNCE: '0' })).toMatchObject({
      corpusWatch: 'off',
      announce: false,
    });
    const urls =
      ' https://discord.com/api/webhooks/123/a-B_c , http://127.0.0.1:9/api/webhooks/4/t,';
    expect(loadConfig({ ANNOUNCE_WEBHOOK_URLS: urls }).announceWebhooks).toEqual([
      'https://discord.com/api/webhooks/123/a-B_c',
      'http://127.0.0.1:9/api/webhooks/4/t',
    ]);
  });
});
