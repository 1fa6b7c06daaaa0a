import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { bootstrap, storyFrom } from '../../src/bot/bootstrap.js';
import { createLogger } from '../../src/logging/logger.js';
import { BotMetrics } from '../../src/metrics/botMetrics.js';
import { StoryReloader, type AcceptedReload } from '../../src/updates/storyReloader.js';
import { MemoryLog } from '../e2e/support/bot.js';
import { editorCorpus, FINDINGS, type EditorCorpus } from '../e2e/support/editorCorpus.js';
import { messageText } from '../support/componentsV2.js';
import { renderMessageData } from '../../src/discord/discordRenderer.js';

let corpus: EditorCorpus | undefined;
afterEach(async () => {
  await corpus?.remove();
  corpus = undefined;
});

async function setUp(buildStory: typeof storyFrom = storyFrom) {
  corpus = await editorCorpus();
  const router = await bootstrap(commands, corpus.dir);
  const log = new MemoryLog();
  const metrics = new BotMetrics();
  const changes: AcceptedReload[] = [];
  const reloader = new StoryReloader(router, {
    directory: corpus.dir,
    buildStory,
    logger: createLogger('debug', log.stream),
    metrics,
    onChange: (change) => changes.push(change),
  });
  const reviewStatus = (): string =>
    messageText(
      renderMessageData(router.runLine('/story review-status').reply, {
        fingerprint: router.story.corpus.fingerprint,
      }),
    );
  return { corpus, router, log, metrics, changes, reloader, reviewStatus };
}

describe('StoryReloader', () => {
  it('answers from a valid new corpus at once, and hands on what changed', async () => {
    const { corpus: c, router, changes, reloader, reviewStatus } = await setUp();
    const before = router.story;
    expect(reviewStatus()).not.toContain(FINDINGS.event);
    await c.addFindings(0);
    const outcome = await reloader.reload('test');
    expect(outcome.outcome).toBe('accepted');
    expect(router.story).not.toBe(before);
    expect(router.story.corpus.fingerprint).not.toBe(before.corpus.fingerprint);
    expect(reviewStatus()).toContain(FINDINGS.event);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.diff.addedEvents.map((e) => e.text)).toEqual([FINDINGS.event]);
    expect(changes[0]?.diff.addedDocuments.map((d) => d.id)).toEqual([FINDINGS.documentId]);
    // Questions are answered from the new corpus too (prepared before the switch).
    const asked = router.runLine('/story ask question:who handed microsoft first findings').reply;
    expect(JSON.stringify(asked.blocks)).toContain('Covington & Burling handed its first findings');
  });

  it('refuses an invalid corpus with its file and line, and keeps the last good one', async () => {
    const { corpus: c, router, log, metrics, changes, reloader, reviewStatus } = await setUp();
    const before = router.story;
    const shown = reviewStatus();
    const line = await c.breakTimelineDate();
    const outcome = await reloader.reload('test');
    expect(outcome.outcome).toBe('refused');
    if (outcome.outcome !== 'refused') return;
    expect(outcome.problems[0]).toMatch(new RegExp(`story\\.yaml:${line}: timeline\\.1\\.date: `));
    expect(router.story).toBe(before);
    expect(reviewStatus()).toBe(shown);
    expect(changes).toHaveLength(0);
    const refusal = log.lines.find((l) => String(l.msg).startsWith('corpus change refused'));
    expect(refusal?.level).toBe(50);
    expect(String(refusal?.msg)).toContain(`story.yaml:${line}:`);
    expect((await metrics.exposition()).text).toMatch(
      /storybot_corpus_reloads_total\{outcome="refused"\} 1/,
    );
  });

  it('reports an unreadable corpus directory as a refusal, not a crash', async () => {
    const { corpus: c, router, reloader } = await setUp();
    const before = router.story;
    await c.remove();
    const outcome = await reloader.reload('test');
    expect(outcome).toMatchObject({ outcome: 'refused' });
    expect(router.story).toBe(before);
  });

  it('counts and logs a failure that is not the corpus, keeps answering, and reloads after it', async () => {
    let broken = true;
    const {
      corpus: c,
      router,
      log,
      metrics,
      reloader,
    } = await setUp((corpus) => {
      if (broken) throw new Error('out of memory, say');
      return storyFrom(corpus);
    });
    const before = router.story;
    await c.addFindings(0);
    expect(await reloader.reload('test')).toEqual({
      outcome: 'failed',
      error: 'out of memory, say',
    });
    expect(router.story).toBe(before);
    const failure = log.lines.find((l) => String(l.msg).startsWith('corpus reload failed'));
    expect(failure?.level).toBe(50);
    expect((await metrics.exposition()).text).toMatch(
      /storybot_corpus_reloads_total\{outcome="failed"\} 1/,
    );
    broken = false;
    expect((await reloader.reload('again')).outcome).toBe('accepted');
    expect(router.story).not.toBe(before);
  });

  it('does nothing for a save that changes nothing', async () => {
    const { router, changes, reloader } = await setUp();
    const before = router.story;
    expect(await reloader.reload('test')).toEqual({ outcome: 'unchanged' });
    expect(router.story).toBe(before);
    expect(changes).toHaveLength(0);
  });

  it('runs one reload at a time: calls while one runs share the next one', async () => {
    const { corpus: c, reloader, log } = await setUp();
    await c.addFindings(0);
    const first = reloader.reload('a');
    // Calls before it starts share it; once it is reading files, the next calls queue one more.
    expect(reloader.reload('a again')).toBe(first);
    await new Promise((resolve) => setImmediate(resolve));
    const second = reloader.reload('b');
    const third = reloader.reload('c');
    expect(second).toBe(third);
    expect((await first).outcome).toBe('accepted');
    expect((await second).outcome).toBe('unchanged');
    const reloads = log.lines.filter(
      (l) => l.msg === 'corpus reloaded: answering from the new corpus',
    );
    expect(reloads).toHaveLength(1);
  });
});
