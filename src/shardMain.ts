/**
 * One shard of a sharded gateway, started by the ShardingManager (`discord/gateway/shards.ts`),
 * never by hand: an entry point like main.ts, so it sits beside it.
 * discord.js passes the shard through the environment (SHARDS = this shard's id, SHARD_COUNT)
 * and the discord.js Client reads them itself; our own SHARDS variable means something else, so
 * it is left out of the configuration here.
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
import { createLogger } from './logging/logger.js';
import { startGateway } from './discord/gateway/gateway.js';
import { gatewayMetrics } from './metrics/metricsServer.js';
import { startLiveCorpus } from './updates/liveCorpus.js';

const { SHARDS: shardId, SHARD_COUNT: shardCount, ...env } = process.env;
const config = configOrExit(env);
const logger = createLogger(config.logLevel).child({
  shardProcess: Number(shardId),
  shardCount: Number(shardCount),
});
logUnhandledRejections(logger);
const router = await routerOrExit(commands, config.corpusDir);
// Every shard counts cooldowns in the same place: Redis, when REDIS_URL is set.
const cooldowns = await cooldownsFor(config, logger);
// Each shard process serves its own metrics, on METRICS_PORT plus its shard id.
const { metrics, ready, served } = await gatewayMetrics(
  config.metricsPort === undefined ? undefined : config.metricsPort + Number(shardId),
  logger,
  { shard: String(shardId) },
).catch((error: unknown) => exitWith(`Configuration error: METRICS_PORT: ${String(error)}`));
const gateway = await startGateway(router, { ...config, cooldowns, metrics }, logger);
ready(() => gateway.client.isReady());
// Every shard reloads the corpus on its own. With Redis one process wins the right to announce a
// change; without it the first shard announces for all of them.
const live = startLiveCorpus(router, config, logger, {
  metrics,
  mayAnnounce: config.redisUrl !== undefined || Number(shardId) === 0,
});
// The manager is gone (killed, crashed): a shard without it would run unsupervised, so it ends too.
stopOnSignals(
  logger,
  () =>
    live
      .stop()
      .then(() => gateway.stop())
      .then(() => cooldowns.close())
      .then(() => served?.stop()),
  (stop) => process.once('disconnect', () => stop('manager gone')),
);
