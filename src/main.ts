/**
 * `npm start`: the bot. With DISCORD_TOKEN it connects to Discord (gateway mode; with SHARDS, one
 * process per shard); with BOT_MODE=http it serves Discord's HTTP interactions (no token needed);
 * otherwise it opens the local console.
 */
import { commands } from '../commands/index.js';
import {
  configOrExit,
  cooldownsFor,
  exitWith,
  logUnhandledRejections,
  routerOrExit,
  stopOnSignals,
} from './bot/startup.js';
import { parseArgs } from 'node:util';
import { startConsole } from './terminal/console.js';
import { createLogger } from './logging/logger.js';
import { sourceNewerThanBuild } from './bot/buildFreshness.js';
import { startLiveCorpus } from './updates/liveCorpus.js';

const config = configOrExit(process.env);
const logger = createLogger(config.logLevel);
logUnhandledRejections(logger);
// Signals are handled from the start, so one that arrives while starting still exits cleanly;
// each mode sets what stopping means once it runs.
let stop: () => Promise<void> = () => Promise.resolve();
stopOnSignals(logger, () => stop());
const stale = sourceNewerThanBuild();
if (stale) {
  logger.warn(
    { changed: stale },
    'the sources changed since the build: run npm run build (npm run dev runs the sources)',
  );
}
const router = await routerOrExit(commands, config.corpusDir, logger);

// Registers changed command definitions alongside start-up (never holds it up, never stops it).
const syncCommands = (): void =>
  void import('./discord/commandSync.js').then(({ syncOnStart }) =>
    syncOnStart(config, router.definitions, logger),
  );

switch (config.mode) {
  case 'console': {
    // `npm start -- --locale de`: the console answers as Discord would a German user.
    const { values } = parseArgs({ options: { locale: { type: 'string' } }, strict: false });
    startLiveCorpus(router, config, logger);
    const rl = startConsole(router, {
      locale: typeof values.locale === 'string' ? values.locale : undefined,
      input: process.stdin,
      output: process.stdout,
      color: process.stdout.isTTY === true,
      terminal: process.stdin.isTTY === true,
    });
    rl.on('close', () => process.exit(0));
    break;
  }
  case 'gateway': {
    syncCommands();
    if (config.shards !== undefined) {
      // One process per shard, each the gateway bot below (src/shardMain.ts).
      const { startShards } = await import('./discord/gateway/shards.js');
      const sharded = await startShards(config, logger).catch((error: unknown) =>
        exitWith(
          `Could not start the shards: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      // Each shard process watches the corpus itself; a SIGHUP sent here reaches every one.
      process.on('SIGHUP', () => {
        for (const shard of sharded.manager.shards.values()) shard.process?.kill('SIGHUP');
      });
      stop = () => sharded.stop();
      break;
    }
    const { startGateway } = await import('./discord/gateway/gateway.js');
    const cooldowns = await cooldownsFor(config, logger);
    const { gatewayMetrics } = await import('./metrics/metricsServer.js');
    const { metrics, ready, served } = await gatewayMetrics(config.metricsPort, logger).catch(
      (error: unknown) => exitWith(`Configuration error: METRICS_PORT: ${String(error)}`),
    );
    const gateway = await startGateway(router, { ...config, cooldowns, metrics }, logger);
    ready(() => gateway.client.isReady());
    const live = startLiveCorpus(router, config, logger, { metrics });
    stop = () =>
      live
        .stop()
        .then(() => gateway.stop())
        .then(() => cooldowns.close())
        .then(() => served?.stop());
    break;
  }
  case 'http': {
    syncCommands();
    const { startHttpServer } = await import('./discord/http/server.js');
    const cooldowns = await cooldownsFor(config, logger);
    const { BotMetrics } = await import('./metrics/botMetrics.js');
    const metrics = new BotMetrics();
    const http = await startHttpServer(router, { ...config, cooldowns }, logger, { metrics }).catch(
      (error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code;
        return exitWith(
          code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL'
            ? `Configuration error: PORT: cannot listen on ${config.host ?? ''}:${config.port} (${code})`
            : `Could not start the HTTP server: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    );
    logger.info(
      { port: http.port, host: config.host ?? 'all interfaces' },
      'HTTP interactions endpoint listening (POST /interactions, GET /healthz, GET /metrics)',
    );
    const live = startLiveCorpus(router, config, logger, { metrics });
    stop = () =>
      live
        .stop()
        .then(() => http.stop())
        .then(() => cooldowns.close());
    break;
  }
}
