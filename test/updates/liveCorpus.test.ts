import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { bootstrap } from '../../src/bot/bootstrap.js';
import { createLogger } from '../../src/logging/logger.js';
import { RedisAnnounceClaim } from '../../src/updates/announceClaim.js';
import { startLiveCorpus, type LiveCorpusConfig } from '../../src/updates/liveCorpus.js';
import { MemoryLog } from '../e2e/support/bot.js';
import { editorCorpus, FINDINGS, type EditorCorpus } from '../e2e/support/editorCorpus.js';
import { messageText } from '../support/componentsV2.js';
import { fakeDiscordPerTest } from './announcementSupport.js';

const startFake = fakeDiscordPerTest();
let corpus: EditorCorpus | undefined;
afterEach(async () => {
  await corpus?.remove();
  corpus = undefined;
});

/** A live corpus on a copy of the shipped one, reloaded by hand, announcing to one webhook. */
async function setUp(config: Partial<LiveCorpusConfig>, mayAnnounce?: boolean) {
  corpus = await editorCorpus();
  const fake = await startFake();
  const webhook = fake.createWebhook();
  const log = new MemoryLog();
  const router = await bootstrap(commands, corpus.dir);
  const live = startLiveCorpus(
    router,
    {
      corpusDir: corpus.dir,
      corpusWatch: 'off',
      announceWebhooks: [webhook.url],
      announce: true,
      ...config,
    },
    createLogger('info', log.stream),
    mayAnnounce === undefined ? {} : { mayAnnounce },
  );
  /** Saves a change, reloads, and waits (bounded) for any announcement being posted. */
  const change = async (): Promise<void> => {
    await corpus!.addFindings(0);
    expect((await live.reload('test')).outcome).toBe('accepted');
    await live.stop();
  };
  return { fake, webhook, log, change };
}

const notAnnounced = (log: MemoryLog) =>
  log.lines.filter((l) => l.msg === 'corpus change not announced from this process');

describe('startLiveCorpus: who announces, and in what language', () => {
  it('announces an accepted change to the webhook, in ANNOUNCE_LOCALE’s language', async () => {
    const { fake, webhook, change } = await setUp({ announceLocale: 'de' });
    await change();
    const [message] = fake.webhookMessages(webhook.id);
    expect(messageText(message)).toContain('Die Geschichte wurde aktualisiert');
    expect(messageText(message)).toContain(FINDINGS.event);
  });

  it('with ANNOUNCE off, reloads but posts nothing and says so', async () => {
    const { fake, webhook, log, change } = await setUp({ announce: false });
    await change();
    expect(fake.webhookMessages(webhook.id)).toEqual([]);
    expect(notAnnounced(log)).toHaveLength(1);
  });

  it('a process that may not announce (a shard but the first, without Redis) posts nothing', async () => {
    const { fake, webhook, log, change } = await setUp({}, false);
    await change();
    expect(fake.webhookMessages(webhook.id)).toEqual([]);
    expect(notAnnounced(log)).toHaveLength(1);
  });
});

describe('RedisAnnounceClaim', () => {
  it('does not announce when Redis cannot be reached, and logs why', async () => {
    const log = new MemoryLog();
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const claim = RedisAnnounceClaim.connect(
      'redis://127.0.0.1:1',
      true,
      createLogger('info', log.stream),
    );
    expect(await claim.claim('fingerprint')).toBe(false);
    await claim.close();
    expect(log.lines.find((l) => String(l.msg).startsWith('Redis unreachable'))?.level).toBe(50);
  });
});
