import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REST } from '@discordjs/rest';
import { Routes, type RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import { ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../../config/env.js';
import type { Logger } from '../../logging/logger.js';

/**
 * Sharded gateway (`SHARDS=auto|n`): discord.js's ShardingManager runs one process per shard,
 * each the ordinary gateway bot (`src/shardMain.ts`) with discord.js's SHARDS/SHARD_COUNT set.
 * Past ~2,000 servers Discord requires shards; each process then holds a share of the guilds.
 */

/** Discord lets each identify bucket (max_concurrency of them) start one session per 5 s. */
const IDENTIFY_WINDOW_MS = 5_500;
const STOP_TIMEOUT_MS = 5_000;

export interface ShardPlan {
  readonly totalShards: number;
  /** session_start_limit.max_concurrency: shards that may identify at once. */
  readonly maxConcurrency: number;
  /** Wait between spawning shards, so no identify bucket starts two sessions within 5 s. */
  readonly spawnDelayMs: number;
}

/**
 * Asks `GET /gateway/bot` through discord.js's REST client (so DISCORD_API_URL applies; discord.js's
 * own `'auto'` always asks discord.com) for the recommended count and the identify concurrency.
 */
export async function planShards(
  config: Pick<Config, 'token' | 'apiUrl' | 'shards'>,
): Promise<ShardPlan> {
  if (!config.token) throw new Error('DISCORD_TOKEN: required for a sharded gateway');
  const rest = new REST({
    ...(config.apiUrl ? { api: config.apiUrl } : {}),
    retries: 2,
    timeout: 10_000,
  }).setToken(config.token);
  let info: RESTGetAPIGatewayBotResult;
  try {
    info = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  } catch (error) {
    if ((error as { status?: number }).status === 401) {
      throw new Error('Discord rejected the token (401 Unauthorized): check DISCORD_TOKEN', {
        cause: error,
      });
    }
    throw error;
  }
  const maxConcurrency = Math.max(1, info.session_start_limit.max_concurrency);
  return {
    totalShards:
      config.shards === 'auto' || config.shards === undefined
        ? Math.max(1, info.shards)
        : config.shards,
    maxConcurrency,
    spawnDelayMs: Math.ceil(IDENTIFY_WINDOW_MS / maxConcurrency),
  };
}

export interface ShardedGateway {
  readonly manager: ShardingManager;
  readonly plan: ShardPlan;
  /** Stops every shard process (SIGTERM, then SIGKILL after a bound) without respawning them. */
  stop(): Promise<void>;
}

export interface ShardOptions {
  /** The script each shard process runs (default: `src/shardMain.ts`, beside main.ts). */
  readonly file?: string;
  /** How long each shard may take to become ready. */
  readonly spawnTimeoutMs?: number;
}

function exitOf(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, ms);
    timer.unref();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function watch(shard: Shard, logger: Logger): void {
  const log = logger.child({ shard: shard.id });
  // Shards run as child processes (mode 'process'), never as workers.
  const pid = (): number | undefined => shard.process?.pid;
  shard.on('spawn', () => log.info({ pid: pid() }, 'shard process started'));
  shard.on('ready', () => log.info({ pid: pid() }, 'shard ready'));
  shard.on('disconnect', () => log.warn('shard disconnected'));
  shard.on('reconnecting', () => log.info('shard reconnecting'));
  // Without a listener an 'error' (a failed respawn) would be thrown.
  shard.on('error', (error) => log.error({ err: error }, 'shard error'));
  shard.on('death', () =>
    log.warn(
      { pid: pid(), code: shard.process?.exitCode, signal: shard.process?.signalCode },
      'shard process exited; restarting it',
    ),
  );
}

/** Plans, then spawns every shard (in order, spaced by the identify limit) and waits for each to be ready. */
export async function startShards(
  config: Pick<Config, 'token' | 'apiUrl' | 'shards'>,
  logger: Logger,
  options: ShardOptions = {},
): Promise<ShardedGateway> {
  const plan = await planShards(config);
  // Shards run what the manager runs: compiled JavaScript (`npm start`), or the TypeScript
  // sources through tsx (`npm run dev`, the tests).
  const compiled = import.meta.url.endsWith('.js');
  const manager = new ShardingManager(
    options.file ??
      fileURLToPath(
        new URL(compiled ? '../../shardMain.js' : '../../shardMain.ts', import.meta.url),
      ),
    {
      token: config.token,
      totalShards: plan.totalShards,
      mode: 'process',
      respawn: true,
      execArgv: compiled ? [] : ['--import', import.meta.resolve('tsx')],
    },
  );
  manager.on('shardCreate', (shard) => watch(shard, logger));
  logger.info({ ...plan, shards: config.shards }, 'starting shards');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= Promise.all(
      [...manager.shards.values()].map((shard) => {
        const child = shard.process;
        shard.kill();
        return child ? exitOf(child, STOP_TIMEOUT_MS) : Promise.resolve();
      }),
    ).then(() => undefined);
    return stopping;
  };

  try {
    await manager.spawn({
      amount: plan.totalShards,
      delay: plan.spawnDelayMs,
      timeout: options.spawnTimeoutMs ?? 60_000,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  logger.info({ totalShards: plan.totalShards }, 'all shards ready');
  return { manager, plan, stop };
}
