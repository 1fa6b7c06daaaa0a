/**
 * `npm start`: the bot. With DISCORD_TOKEN it connects to Discord (gateway mode; with SHARDS, one
 * process per shard); with BOT_MODE=http it serves Discord's HTTP interactions (no token needed);
 * otherwise it opens the local console.
 */
import { bootstrap } from './app/bootstrap.js';
import type { CommandRouter } from './app/router.js';
import { startConsole } from './cli/console.js';
import { ConfigError, loadConfig, type Config } from './config/env.js';
import { CorpusError } from './corpus/problems.js';
import { createLogger, type Logger } from './logging/logger.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** SIGINT/SIGTERM: disconnect cleanly, then exit 0 (bounded, so a stuck disconnect cannot hang a deploy). */
function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(0), 5000).unref();
    void stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

async function load(config: Config, logger: Logger): Promise<CommandRouter> {
  const started = performance.now();
  try {
    const router = await bootstrap(config.corpusDir);
    const { passages, corpus } = router.story;
    logger.info(
      {
        passages: passages.length,
        documents: corpus.documents.length,
        ms: Math.round(performance.now() - started),
      },
      'corpus loaded',
    );
    return router;
  } catch (error) {
    if (error instanceof CorpusError) {
      fail(
        `${error.message}\nThe bot does not start on an invalid corpus: fix the lines above (npm run corpus:check).`,
      );
    }
    throw error;
  }
}

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
  throw error;
}
const logger = createLogger(config.logLevel);
// A stray rejection must not take the bot down: log it and keep serving.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
const router = await load(config, logger);

switch (config.mode) {
  case 'console': {
    const rl = startConsole(router, {
      input: process.stdin,
      output: process.stdout,
      color: process.stdout.isTTY === true,
      terminal: process.stdin.isTTY === true,
    });
    rl.on('close', () => process.exit(0));
    break;
  }
  case 'gateway': {
    if (config.shards !== undefined) {
      // One process per shard, each the gateway bot below (src/discord/shardProcess.ts).
      const { startShards } = await import('./discord/shards.js');
      const sharded = await startShards(config, logger).catch((error: unknown) =>
        fail(
          `Could not start the shards: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      stopOnSignals(logger, () => sharded.stop());
      break;
    }
    const { startGateway } = await import('./discord/gateway.js');
    const gateway = await startGateway(router, config, logger);
    stopOnSignals(logger, () => gateway.stop());
    break;
  }
  case 'http': {
    const { startHttpServer } = await import('./http/server.js');
    const http = await startHttpServer(router, config, logger).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      return fail(
        code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL'
          ? `Configuration error: PORT: cannot listen on ${config.host ?? ''}:${config.port} (${code})`
          : `Could not start the HTTP server: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    logger.info(
      { port: http.port, host: config.host ?? 'all interfaces' },
      'HTTP interactions endpoint listening (POST /interactions, GET /healthz)',
    );
    stopOnSignals(logger, () => http.stop());
    break;
  }
}
