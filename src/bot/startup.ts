import { ConfigError, loadConfig, type Config } from '../config/env.js';
import { CorpusError, CorpusLocationError } from '../corpus/problems.js';
import type { Logger } from '../logging/logger.js';
import { bootstrap } from './bootstrap.js';
import { MemoryCooldowns, type Cooldowns } from './cooldown.js';
import type { CommandModule } from './commandTypes.js';
import type { CommandRouter } from './router.js';
import { prepareStory } from '../story/story.js';

/**
 * The start-up steps every entry point shares (`npm start`, each shard process,
 * `npm run deploy-commands`): a mistake in the environment or the corpus ends the process with
 * a message a person can act on, never a stack trace.
 */

export function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

export function configOrExit(env: NodeJS.ProcessEnv): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) exitWith(`Configuration error: ${error.message}`);
    throw error;
  }
}

/** How long preparing waits, so input already waiting at start is answered first. */
const PREPARE_AFTER_MS = 25;

/** Loads and checks the corpus and builds the index; refuses an invalid corpus with its problems. */
export async function routerOrExit(
  commands: readonly CommandModule[],
  corpusDir: string | undefined,
  logger?: Logger,
): Promise<CommandRouter> {
  const started = performance.now();
  try {
    const router = await bootstrap(commands, corpusDir);
    const { passages, corpus } = router.story;
    logger?.info(
      {
        passages: passages.length,
        documents: corpus.documents.length,
        ms: Math.round(performance.now() - started),
      },
      'corpus loaded',
    );
    // Ready to answer commands now; the question answering (WordNet, the editors' entries) and
    // the completions of words being typed are prepared next, before the first question or
    // keystroke arrives rather than while it waits — but after a command already waiting (the
    // short delay lets pending input be read first; a question that comes sooner prepares itself).
    setTimeout(() => {
      const preparing = performance.now();
      try {
        prepareStory(router.story);
        logger?.debug({ ms: Math.round(performance.now() - preparing) }, 'questions prepared');
      } catch (error) {
        // The first question will try again (and fail visibly, as a handled error) if it must.
        logger?.warn({ err: error }, 'preparing questions failed');
      }
    }, PREPARE_AFTER_MS).unref();
    return router;
  } catch (error) {
    if (error instanceof CorpusLocationError) exitWith(`Corpus error: ${error.message}`);
    if (error instanceof CorpusError) {
      exitWith(
        `${error.message}\nThe bot does not start on an invalid corpus: fix the lines above (npm run corpus:check).`,
      );
    }
    throw error;
  }
}

/**
 * Where cooldowns are counted: in Redis when REDIS_URL is set (shared by every replica and shard;
 * the client is loaded only then), else in this process.
 */
export async function cooldownsFor(
  config: Pick<Config, 'cooldown' | 'redisUrl'>,
  logger: Logger,
): Promise<Cooldowns> {
  if (!config.redisUrl) return new MemoryCooldowns(config.cooldown);
  const { RedisCooldowns } = await import('./redisCooldowns.js');
  return RedisCooldowns.connect(config.redisUrl, config.cooldown, logger);
}

/**
 * Stops on SIGINT/SIGTERM (and on any extra event, e.g. a shard's manager going away): disconnect
 * cleanly, then exit 0 — bounded, so a stuck disconnect cannot hang a deploy. The handlers stay
 * registered: a second signal while stopping (npm passes on the Ctrl-C the bot also got from the
 * terminal) changes nothing, where Node's default would kill the process mid-stop.
 */
export function stopOnSignals(
  logger: Logger,
  stop: () => Promise<void>,
  alsoOn: (emit: (why: string) => void) => void = () => {},
): void {
  let stopping = false;
  const onStop = (why: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ why }, 'shutting down');
    setTimeout(() => process.exit(0), STOP_BOUND_MS).unref();
    void stop()
      .catch((error: unknown) => logger.error({ err: error }, 'stopping failed'))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', () => onStop('SIGINT'));
  process.on('SIGTERM', () => onStop('SIGTERM'));
  alsoOn(onStop);
}

/** The longest a stop may take, whatever is stuck: supervisors kill after about 10 s. */
const STOP_BOUND_MS = 5000;

/** A stray rejection must not take the bot down: log it and keep serving. */
export function logUnhandledRejections(logger: Logger): void {
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled rejection'),
  );
}
