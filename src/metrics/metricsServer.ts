import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/logger.js';
import { BotMetrics } from './botMetrics.js';

/**
 * Gateway mode's small HTTP server (METRICS_PORT): `GET /metrics` for Prometheus and `GET /healthz`
 * for supervisors — 503 until the gateway is ready (its READY received), 200 after.
 */
export interface MetricsServer {
  readonly server: Server;
  readonly port: number;
  stop(): Promise<void>;
}

export async function startMetricsServer(
  where: { readonly port: number; readonly host?: string | undefined },
  metrics: BotMetrics,
  isReady: () => boolean,
  logger: Logger,
): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    const send = (status: number, contentType: string, text: string): void => {
      res.writeHead(status, { 'content-type': contentType });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'text/plain; charset=utf-8', 'method not allowed\n');
    } else if (path === '/metrics') {
      metrics.exposition().then(
        ({ contentType, text }) => send(200, contentType, text),
        (error: unknown) => {
          logger.error({ err: error }, 'metrics failed');
          send(500, 'text/plain; charset=utf-8', 'metrics failed\n');
        },
      );
    } else if (path === '/healthz') {
      const ready = isReady();
      send(
        ready ? 200 : 503,
        'application/json; charset=utf-8',
        JSON.stringify({ status: ready ? 'ok' : 'starting' }),
      );
    } else send(404, 'text/plain; charset=utf-8', 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ err: error }, 'metrics server error'));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface GatewayMetrics {
  readonly metrics: BotMetrics;
  /** Hands /healthz the gateway's own readiness, once there is a gateway. */
  ready(this: void, check: () => boolean): void;
  readonly served: MetricsServer | undefined;
}

/**
 * Gateway mode's metrics, served with /healthz when `port` is set (else only counted). Rejects
 * with one line naming the port when it cannot listen.
 */
export async function gatewayMetrics(
  port: number | undefined,
  logger: Logger,
  labels: Record<string, string> = {},
): Promise<GatewayMetrics> {
  const metrics = new BotMetrics(labels);
  let isReady = (): boolean => false;
  const ready = (check: () => boolean): void => {
    isReady = check;
  };
  if (port === undefined) return { metrics, ready, served: undefined };
  const served = await startMetricsServer({ port }, metrics, () => isReady(), logger).catch(
    (error: unknown) => {
      throw new Error(
        `cannot listen on ${port} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    },
  );
  logger.info({ port: served.port }, 'metrics listening (GET /metrics, GET /healthz)');
  return { metrics, ready, served };
}
