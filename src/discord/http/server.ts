import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Cooldowns } from '../../bot/cooldown.js';
import type { CommandRouter } from '../../bot/router.js';
import type { Config } from '../../config/env.js';
import { fromApi } from '../fromApi.js';
import { describeRequest } from '../interactionRequest.js';
import { InteractionService } from '../interactionService.js';
import type { Logger } from '../../logging/logger.js';
import { declaredTooLarge, readBody } from './body.js';
import { RefusalTally, refusalLabel } from './refusals.js';
import type { BotMetrics } from '../../metrics/botMetrics.js';
import { SignatureVerifier } from './signature.js';

/**
 * HTTP interactions mode: Discord POSTs each interaction to `/interactions` and takes the
 * interaction response as the HTTP answer. The same InteractionService as the gateway bot answers;
 * this layer only guards the door — signature first, nothing parsed before it verifies — and
 * never answers a client's mistake with a 5xx. It keeps no state between requests but the
 * per-user cooldowns, so replicas behind a load balancer need no coordination.
 */

export const HTTP_DEFAULTS = {
  /**
   * Largest body read. Interactions are a few KiB; a message context menu carries the whole target
   * message (up to 2,000 characters of content and 6,000 of embeds, UTF-8), so leave room for that.
   */
  bodyLimitBytes: 128 * 1024,
  /** Whole request (headers and body) must arrive within this. */
  requestTimeoutMs: 10_000,
  /** Headers must arrive within this (slow-header attacks). */
  headersTimeoutMs: 5_000,
  /** Idle keep-alive connections are kept this long: longer than load balancers' usual 60 s, so they close first. */
  keepAliveTimeoutMs: 65_000,
  /** How often Node checks the two timeouts above. */
  connectionsCheckingIntervalMs: 2_000,
} as const;

export interface HttpServerOptions {
  readonly bodyLimitBytes?: number;
  readonly requestTimeoutMs?: number;
  readonly headersTimeoutMs?: number;
  readonly keepAliveTimeoutMs?: number;
  readonly connectionsCheckingIntervalMs?: number;
  /** Clock in ms, for signature timestamps and cooldowns (tests). */
  readonly now?: () => number;
  /** Counts and sums up refused requests (default: one warning a minute at most). */
  readonly refusals?: RefusalTally;
  /** Prometheus metrics, also served on `GET /metrics` (none: no such route). */
  readonly metrics?: BotMetrics;
}

type HttpConfig = Pick<Config, 'publicKey' | 'cooldown'> & {
  /** Where cooldowns are counted (shared through Redis); default: in this process. */
  readonly cooldowns?: Cooldowns | undefined;
};

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
  /** Sent as it is instead of the JSON body (the metrics' exposition text). */
  readonly text?: { readonly contentType: string; readonly text: string };
}

const refuse = (status: number, error: string, headers?: Record<string, string>): Answer => ({
  status,
  body: { error },
  ...(headers ? { headers } : {}),
});

function write(res: ServerResponse, answer: Answer): void {
  const text = answer.text?.text ?? JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...(answer.text ? { 'content-type': answer.text.contentType } : JSON_HEADERS),
    'content-length': String(Buffer.byteLength(text)),
    ...answer.headers,
  });
  res.end(text);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const elapsed = (started: number): number => Math.round((performance.now() - started) * 100) / 100;

/** The server, not yet listening (tests listen on port 0; main uses `startHttpServer`). */
export function createHttpServer(
  router: CommandRouter,
  config: HttpConfig,
  logger: Logger,
  options: HttpServerOptions = {},
): Server {
  if (!config.publicKey) {
    throw new TypeError(
      'DISCORD_PUBLIC_KEY: required for BOT_MODE=http (the application’s public key)',
    );
  }
  const settings = { ...HTTP_DEFAULTS, ...options };
  const refusals = options.refusals ?? new RefusalTally(logger);
  const verifier = new SignatureVerifier(config.publicKey, options.now ? { now: options.now } : {});
  const service = new InteractionService(router, logger, {
    cooldown: config.cooldown,
    cooldowns: config.cooldowns,
    ...(options.now ? { now: options.now } : {}),
    metrics: options.metrics,
  });
  const { metrics } = options;
  // Read on each request: a live reload replaces the story.
  const health = (): Answer => {
    const { story } = router;
    return {
      status: 200,
      body: {
        status: 'ok',
        passages: story.passages.length,
        documents: story.corpus.documents.length,
        fingerprint: story.corpus.fingerprint,
      },
    };
  };

  /** Verified, parsed, answered: the interaction path. */
  const interact = async (req: IncomingMessage, log: Record<string, unknown>): Promise<Answer> => {
    if (declaredTooLarge(req, settings.bodyLimitBytes)) {
      return refuse(413, 'request body too large', { connection: 'close' });
    }
    const headers = {
      signature: header(req, 'x-signature-ed25519'),
      timestamp: header(req, 'x-signature-timestamp'),
    };
    // Refuse forged floods on their headers alone, before reading a body.
    const early = verifier.checkHeaders(headers);
    if (!early.ok) {
      log.reason = early.reason;
      return refuse(401, 'invalid request signature');
    }
    const read = await readBody(req, settings.bodyLimitBytes);
    if (!read.ok) {
      log.reason = read.problem;
      return refuse(read.problem === 'too large' ? 413 : 400, `request body ${read.problem}`, {
        connection: 'close',
      });
    }
    const verdict = verifier.verify(headers, read.body);
    if (!verdict.ok) {
      log.reason = verdict.reason;
      return refuse(401, 'invalid request signature');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(read.body.toString('utf8'));
    } catch {
      log.reason = 'invalid JSON';
      return refuse(400, 'invalid JSON');
    }
    const converted = fromApi(payload);
    if (!converted.ok) {
      log.reason = converted.problem;
      return refuse(400, `not an interaction Discord would send: ${converted.problem}`);
    }
    const request = converted.request;
    log.interaction = request.id;
    log.command = describeRequest(request);
    log.user = request.userId || undefined;
    log.guild = request.guildId;
    log.kind = request.kind;
    const body = await service.handle(request);
    log.type = body.type;
    return { status: 200, body };
  };

  const route = async (req: IncomingMessage, log: Record<string, unknown>): Promise<Answer> => {
    const path = (req.url ?? '/').split('?', 1)[0];
    const method = req.method ?? 'GET';
    if (path === '/interactions') {
      return method === 'POST'
        ? interact(req, log)
        : refuse(405, 'method not allowed', { allow: 'POST' });
    }
    if (path === '/healthz') {
      return method === 'GET' || method === 'HEAD'
        ? health()
        : refuse(405, 'method not allowed', { allow: 'GET, HEAD' });
    }
    if (path === '/metrics' && metrics) {
      return method === 'GET'
        ? { status: 200, body: null, text: await metrics.exposition() }
        : refuse(405, 'method not allowed', { allow: 'GET' });
    }
    return refuse(404, 'not found');
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const log: Record<string, unknown> = {
      method: req.method,
      path: (req.url ?? '/').slice(0, 100),
    };
    let answer: Answer;
    try {
      answer = await route(req, log);
    } catch (error) {
      // A genuine fault of ours (the service itself never throws): the only 5xx this server sends.
      logger.error({ ...log, err: error }, 'HTTP request failed');
      answer = refuse(500, 'internal error');
    }
    if (res.destroyed || res.headersSent) return;
    write(res, answer);
    const line = { ...log, status: answer.status, ms: elapsed(started) };
    if (log.interaction !== undefined) {
      logger.info(line, 'interaction answered');
      metrics?.replySeconds.observe({ kind: String(log.kind) }, line.ms / 1000);
    } else if (answer.status >= 400) {
      // Anyone can send these, as fast as they like: counted and summed up, not one line each.
      logger.debug(line, 'HTTP request refused');
      const { error } = answer.body as { error: string };
      refused(typeof log.reason === 'string' ? log.reason : error);
    } else logger.debug(line, 'HTTP request');
  };

  const refused = (reason: string): void => {
    refusals.note(reason);
    metrics?.httpRefused.inc({ reason: refusalLabel(reason) });
  };

  const server = createServer(
    { connectionsCheckingInterval: settings.connectionsCheckingIntervalMs },
    (req, res) => void onRequest(req, res),
  );
  server.requestTimeout = settings.requestTimeoutMs;
  server.headersTimeout = settings.headersTimeoutMs;
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // Malformed HTTP, oversized headers, timeouts: a 4xx (never a 5xx), then close.
    logger.debug({ code: error.code }, 'HTTP client error');
    const response = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    refused(`malformed HTTP (${error.code ?? 'unknown'})`);
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });
  return server;
}

export interface RunningHttpServer {
  readonly server: Server;
  readonly port: number;
  readonly refusals: RefusalTally;
  /** Stops accepting, lets requests in flight finish (bounded), then closes every connection. */
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 3000;

/** Creates the server and listens on `config.port` (0: any free port) and `host` (default: all interfaces). */
export async function startHttpServer(
  router: CommandRouter,
  config: HttpConfig & Pick<Config, 'port'> & { readonly host?: string | undefined },
  logger: Logger,
  options: HttpServerOptions = {},
): Promise<RunningHttpServer> {
  const refusals = options.refusals ?? new RefusalTally(logger);
  const server = createHttpServer(router, config, logger, { ...options, refusals });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After start-up, a listening error (say, out of file descriptors on accept) is logged, not fatal.
  server.on('error', (error) => logger.error({ err: error }, 'HTTP server error'));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    refusals,
    stop: () =>
      new Promise<void>((resolve) => {
        refusals.flush();
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, STOP_TIMEOUT_MS);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
