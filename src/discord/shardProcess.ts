/**
 * One shard of a sharded gateway, started by the ShardingManager (`shards.ts`), never by hand.
 * discord.js passes the shard through the environment (SHARDS = this shard's id, SHARD_COUNT)
 * and the discord.js Client reads them itself; our own SHARDS variable means something else, so
 * it is left out of the configuration here.
 */
import { bootstrap } from '../app/bootstrap.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { CorpusError } from '../corpus/problems.js';
import { createLogger } from '../logging/logger.js';
import { startGateway } from './gateway.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const { SHARDS: shardId, SHARD_COUNT: shardCount, ...env } = process.env;

let config;
try {
  config = loadConfig(env);
} catch (error) {
  if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
  throw error;
}
const logger = createLogger(config.logLevel).child({
  shardProcess: Number(shardId),
  shardCount: Number(shardCount),
});
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

let router;
try {
  router = await bootstrap(config.corpusDir);
} catch (error) {
  if (error instanceof CorpusError) fail(error.message);
  throw error;
}
const gateway = await startGateway(router, config, logger);

let stopping = false;
const stop = (why: string): void => {
  if (stopping) return;
  stopping = true;
  logger.info({ why }, 'shard shutting down');
  setTimeout(() => process.exit(0), 5000).unref();
  void gateway.stop().finally(() => process.exit(0));
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
// The manager is gone (killed, crashed): a shard without it would run unsupervised, so it ends too.
process.once('disconnect', () => stop('manager gone'));
