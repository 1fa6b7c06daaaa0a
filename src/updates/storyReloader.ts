import type { CommandRouter } from '../bot/router.js';
import { diffCorpus, isEmptyDiff, type CorpusDiff } from '../corpus/corpusDiff.js';
import type { Corpus } from '../corpus/corpusTypes.js';
import { checkCorpusDirectory } from '../corpus/loadCorpus.js';
import { CorpusLocationError, formatProblem } from '../corpus/problems.js';
import type { Logger } from '../logging/logger.js';
import type { BotMetrics } from '../metrics/botMetrics.js';
import { prepareStory, type Story } from '../story/story.js';

/** A reload the router now answers from, and what it changed in the editors' terms. */
export interface AcceptedReload {
  readonly before: Corpus;
  readonly story: Story;
  readonly diff: CorpusDiff;
}

export type ReloadOutcome =
  | ({ readonly outcome: 'accepted' } & AcceptedReload)
  /** The files hold what the bot already answers from (a save with no edit, a touch). */
  | { readonly outcome: 'unchanged' }
  /** Problems (`file:line: message`, as `npm run corpus:check` prints them) or an unreadable path. */
  | { readonly outcome: 'refused'; readonly problems: readonly string[] }
  /** Something other than the corpus went wrong (a fault of ours, or the machine's): logged. */
  | { readonly outcome: 'failed'; readonly error: string };

export interface ReloaderOptions {
  readonly directory?: string | undefined;
  /** Builds the story a router answers from (index loaded from the stored one when it can be). */
  readonly buildStory: (corpus: Corpus) => Story;
  readonly logger: Logger;
  readonly metrics?: BotMetrics | undefined;
  /** Called once per accepted reload whose difference is not empty (announcements). */
  readonly onChange?: ((reload: AcceptedReload) => void) | undefined;
}

/**
 * Reads the corpus again, checks it exactly as `npm run corpus:check` does, and — when it is valid
 * and differs — hands the router a new story in one step. A corpus with problems is refused in the
 * log (file and line, like the check) and the bot keeps answering from the last good one. Reloads
 * run one at a time; asking while one runs queues one more, which reads whatever is saved by then.
 */
export class StoryReloader {
  private running: Promise<ReloadOutcome | undefined> = Promise.resolve(undefined);
  private queued: Promise<ReloadOutcome> | undefined;

  constructor(
    private readonly router: CommandRouter,
    private readonly options: ReloaderOptions,
  ) {}

  /** Reloads (after any reload in progress); `why` is logged (a file change, SIGHUP). */
  reload(why: string): Promise<ReloadOutcome> {
    if (this.queued) return this.queued;
    const next = this.running.then(() => {
      this.queued = undefined;
      return this.reloadNow(why).catch((error: unknown) => this.failed(why, error));
    });
    this.queued = next;
    this.running = next;
    return next;
  }

  private failed(why: string, error: unknown): ReloadOutcome {
    this.options.metrics?.corpusReloads.inc({ outcome: 'failed' });
    this.options.logger.error(
      { err: error, why },
      'corpus reload failed, still answering from the last corpus',
    );
    return { outcome: 'failed', error: error instanceof Error ? error.message : String(error) };
  }

  private async reloadNow(why: string): Promise<ReloadOutcome> {
    const { logger, metrics } = this.options;
    const started = performance.now();
    const refuse = (problems: readonly string[]): ReloadOutcome => {
      metrics?.corpusReloads.inc({ outcome: 'refused' });
      logger.error(
        { why, problems },
        `corpus change refused, still answering from the last good corpus: ${problems[0] ?? ''}${
          problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''
        }`,
      );
      return { outcome: 'refused', problems };
    };
    let corpus: Corpus;
    try {
      const check = await checkCorpusDirectory(this.options.directory);
      if (!check.ok) return refuse(check.problems.map(formatProblem));
      corpus = check.corpus;
    } catch (error) {
      if (error instanceof CorpusLocationError) return refuse([error.message]);
      throw error;
    }
    const before = this.router.story.corpus;
    if (corpus.fingerprint === before.fingerprint) {
      metrics?.corpusReloads.inc({ outcome: 'unchanged' });
      logger.debug({ why }, 'corpus files saved without a change');
      return { outcome: 'unchanged' };
    }
    const story = this.options.buildStory(corpus);
    // Prepared before the switch, so the first question after it waits no longer than any other.
    prepareStory(story);
    this.router.replaceStory(story);
    const diff = diffCorpus(before, corpus);
    metrics?.corpusReloads.inc({ outcome: 'accepted' });
    logger.info(
      {
        why,
        corpus: corpus.fingerprint,
        previous: before.fingerprint,
        documents: corpus.documents.length,
        passages: story.passages.length,
        timeline: corpus.knowledge.timeline.length,
        ms: Math.round(performance.now() - started),
        changes: summary(diff),
      },
      'corpus reloaded: answering from the new corpus',
    );
    const accepted = { before, story, diff };
    if (!isEmptyDiff(diff)) {
      try {
        this.options.onChange?.(accepted);
      } catch (error) {
        logger.error({ err: error }, 'acting on the corpus change failed');
      }
    }
    return { outcome: 'accepted', ...accepted };
  }
}

/** Counts for the log line: what kind of change it was, at a glance (the kinds with any). */
function summary(diff: CorpusDiff): Record<string, number> {
  return Object.fromEntries(
    Object.entries(diff)
      .map(([kind, changes]: [string, readonly unknown[]]) => [kind, changes.length] as const)
      .filter(([, count]) => count > 0),
  );
}
