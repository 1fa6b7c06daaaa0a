import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs (JSON lines) on stderr, so stdout stays clean for replies and `--json` output.
 * Anything that could carry a secret is redacted by path, wherever it is logged from.
 */
export function createLogger(
  level: string,
  destination: number | NodeJS.WritableStream = 2,
): Logger {
  return pino(
    {
      level,
      base: { app: 'story-bot' },
      redact: {
        paths: [
          'token',
          '*.token',
          'config.token',
          'publicKey',
          '*.publicKey',
          'headers.authorization',
          '*.headers.authorization',
          'req.headers.authorization',
          // discord.js REST errors carry the request: an interaction callback URL holds that
          // interaction's token (valid 15 minutes), and the body what was sent.
          'err.url',
          'err.requestBody',
          // A webhook's URL is its password (ANNOUNCE_WEBHOOK_URLS): logs name webhooks by id.
          'announceWebhooks',
          '*.announceWebhooks',
        ],
        censor: '[redacted]',
      },
    },
    typeof destination === 'number'
      ? pino.destination({ fd: destination, sync: true })
      : destination,
  );
}
