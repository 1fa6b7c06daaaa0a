import type { RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { storyUpdate } from '../answers/storyUpdate.js';
import { storyFrom } from '../bot/bootstrap.js';
import type { CommandRouter } from '../bot/router.js';
import type { Config } from '../config/env.js';
import { DEFAULT_CORPUS_DIR } from '../corpus/loadCorpus.js';
import { renderMessageData } from '../discord/discordRenderer.js';
import type { Logger } from '../logging/logger.js';
import type { BotMetrics } from '../metrics/botMetrics.js';
import { LocalAnnounceClaim, RedisAnnounceClaim, type AnnounceClaim } from './announceClaim.js';
import { watchCorpus, type CorpusWatchOptions, type CorpusWatcher } from './corpusWatcher.js';
import { StoryReloader, type AcceptedReload, type ReloadOutcome } from './storyReloader.js';
import { WebhookAnnouncer, type AnnouncerOptions } from './webhookAnnouncer.js';
import { AnnouncementPublisher, type PostedMessage } from './announcementPublisher.js';

/**
 * The story while the bot runs: the corpus directory watched (CORPUS_WATCH) and reloaded on SIGHUP,
 * and each accepted change announced to the webhooks (ANNOUNCE_WEBHOOK_URLS) by one process.
 * Every mode (console, gateway and each shard, HTTP) starts it beside its router.
 */

export interface LiveCorpus {
  /** Reloads now (what SIGHUP does); resolves with how it went. */
  reload(why: string): Promise<ReloadOutcome>;
  /** Resolves once watching has started (at once when it is off). */
  readonly ready: Promise<void>;
  /** Stops watching and waits (bounded) for an announcement being posted. */
  stop(): Promise<void>;
}

export type LiveCorpusConfig = Pick<
  Config,
  | 'corpusDir'
  | 'corpusWatch'
  | 'announceWebhooks'
  | 'announce'
  | 'announceLocale'
  | 'redisUrl'
  | 'token'
  | 'apiUrl'
>;

export interface LiveCorpusOptions {
  readonly metrics?: BotMetrics | undefined;
  /** Off for processes that must not announce whatever ANNOUNCE says (shards but the first, without Redis). */
  readonly mayAnnounce?: boolean;
  readonly watch?: CorpusWatchOptions;
  readonly announcer?: AnnouncerOptions;
}

/** How long stopping waits for an announcement in flight. */
const STOP_WAIT_MS = 2000;

export function startLiveCorpus(
  router: CommandRouter,
  config: LiveCorpusConfig,
  logger: Logger,
  options: LiveCorpusOptions = {},
): LiveCorpus {
  const log = logger.child({ component: 'corpus' });
  const announce = announcerFor(config, log, options);
  const reloader = new StoryReloader(router, {
    directory: config.corpusDir,
    buildStory: storyFrom,
    logger: log,
    metrics: options.metrics,
    onChange: announce.onChange,
  });
  // Never rejects: a reload that fails is logged and counted, and answering goes on (StoryReloader).
  const reload = (why: string): Promise<ReloadOutcome> => reloader.reload(why);

  const watcher: CorpusWatcher | undefined =
    config.corpusWatch !== 'off'
      ? watchCorpus(
          config.corpusDir ?? DEFAULT_CORPUS_DIR,
          (files) => void reload(`saved: ${files.join(', ')}`),
          {
            ...options.watch,
            poll: config.corpusWatch === 'poll',
            onError: (error) => log.error({ err: error }, 'watching the corpus failed'),
          },
        )
      : undefined;
  const onHangUp = (): void => void reload('SIGHUP');
  process.on('SIGHUP', onHangUp);
  const ready = (watcher?.ready ?? Promise.resolve()).then(() =>
    log.info(
      { watching: watcher !== undefined, announcing: announce.webhooks },
      watcher
        ? 'watching the corpus for changes (SIGHUP reloads too)'
        : 'SIGHUP reloads the corpus',
    ),
  );
  return {
    reload,
    ready,
    async stop() {
      process.off('SIGHUP', onHangUp);
      await watcher?.close();
      await announce.stop();
    },
  };
}

interface Announce {
  readonly webhooks: number;
  readonly onChange: ((reload: AcceptedReload) => void) | undefined;
  stop(): Promise<void>;
}

function announcerFor(config: LiveCorpusConfig, log: Logger, options: LiveCorpusOptions): Announce {
  if (config.announceWebhooks.length === 0) {
    return { webhooks: 0, onChange: undefined, stop: () => Promise.resolve() };
  }
  // With the bot's token, what is posted in an Announcement channel is published to followers.
  const publisher = config.token
    ? new AnnouncementPublisher(config.token, config.apiUrl, log)
    : undefined;
  const announcer = new WebhookAnnouncer(config.announceWebhooks, log, {
    ...options.announcer,
    metrics: options.metrics,
    onPosted: publisher
      ? (posted, webhookId) => publisher.publish(posted as PostedMessage, webhookId)
      : undefined,
  });
  const enabled = config.announce && options.mayAnnounce !== false;
  const claim: AnnounceClaim = config.redisUrl
    ? RedisAnnounceClaim.connect(config.redisUrl, enabled, log)
    : new LocalAnnounceClaim(enabled);
  const inFlight = new Set<Promise<void>>();
  const post = async ({ story, diff }: AcceptedReload): Promise<void> => {
    const { fingerprint } = story.corpus;
    if (!(await claim.claim(fingerprint))) {
      log.info({ corpus: fingerprint }, 'corpus change not announced from this process');
      return;
    }
    // A channel has no locale of its own: the operator picks the language (ANNOUNCE_LOCALE).
    const data = renderMessageData(storyUpdate(story, diff, config.announceLocale), {
      fingerprint,
    });
    const message: RESTPostAPIWebhookWithTokenJSONBody = {
      components: data.components,
      flags: data.flags,
      // Whatever an editor or a source wrote, an announcement pings no one.
      allowed_mentions: { parse: [] },
    };
    const outcomes = await announcer.announce(message);
    log.info({ corpus: fingerprint, outcomes }, 'corpus change announced');
  };
  return {
    webhooks: announcer.size,
    onChange(reload) {
      const work = post(reload).catch((error: unknown) =>
        log.error({ err: error }, 'announcing the corpus change failed'),
      );
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    },
    async stop() {
      const bound = new Promise<void>((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref());
      await Promise.race([Promise.allSettled(inFlight), bound]);
      await claim.close();
    },
  };
}
