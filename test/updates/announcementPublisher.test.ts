import { describe, expect, it } from 'vitest';
import { ROUTES, type FakeDiscord } from '../e2e/support/fakeDiscord.js';
import { ANNOUNCEMENT, fakeDiscordPerTest } from './announcementSupport.js';
import { MemoryLog } from '../e2e/support/bot.js';
import { createLogger } from '../../src/logging/logger.js';
import {
  AnnouncementPublisher,
  type PostedMessage,
} from '../../src/updates/announcementPublisher.js';
import { WebhookAnnouncer } from '../../src/updates/webhookAnnouncer.js';

const TOKEN = 'publisher-test-token.abcdefghijklmnopqrstuvwxyz';
const startFake = fakeDiscordPerTest();

/** An announcer that publishes what it posts, as the bot does when it has its token. */
async function setUp(channel: { announcement?: boolean; botMayPublish?: boolean }) {
  const fake = await startFake({ requireToken: TOKEN });
  const webhook = fake.createWebhook(undefined, channel);
  const log = new MemoryLog();
  const logger = createLogger('info', log.stream);
  const publisher = new AnnouncementPublisher(TOKEN, fake.apiUrl, logger);
  const outcomes: unknown[] = [];
  const announcer = new WebhookAnnouncer([webhook.url], logger, {
    backoffMs: 5,
    onPosted: async (posted, id) =>
      outcomes.push(await publisher.publish(posted as PostedMessage, id)),
  });
  return { f: fake, webhook, log, outcomes, announcer };
}

const crossposts = (f: FakeDiscord) => f.requests.filter((r) => r.route === ROUTES.crosspost);

describe('AnnouncementPublisher', () => {
  it('publishes what is posted in an Announcement channel to its followers, with the bot’s token', async () => {
    const { f, webhook, outcomes, announcer } = await setUp({ announcement: true });
    expect(await announcer.announce(ANNOUNCEMENT)).toEqual(['sent']);
    expect(outcomes).toEqual(['published']);
    expect(f.webhookMessages(webhook.id)[0]?.flags ?? 0).toBe((1 << 15) | 1);
    expect(crossposts(f)[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
  });

  it('in an ordinary channel: says once there is nothing to publish, then stops trying', async () => {
    const { f, outcomes, announcer, log } = await setUp({ announcement: false });
    await announcer.announce(ANNOUNCEMENT);
    await announcer.announce(ANNOUNCEMENT);
    expect(outcomes).toEqual(['not-announcement-channel', undefined]);
    expect(crossposts(f)).toHaveLength(1);
    expect(
      log.lines.filter((l) => String(l.msg).includes('not an Announcement channel')),
    ).toHaveLength(1);
  });

  it('without permission there: one warning saying what the bot needs; the post itself stands', async () => {
    const { f, webhook, outcomes, announcer, log } = await setUp({
      announcement: true,
      botMayPublish: false,
    });
    expect(await announcer.announce(ANNOUNCEMENT)).toEqual(['sent']);
    expect(outcomes).toEqual(['not-allowed']);
    expect(f.webhookMessages(webhook.id)).toHaveLength(1);
    const warning = log.lines.find((l) => String(l.msg).includes('Manage Messages'));
    expect(warning?.level).toBe(40);
    expect(log.text()).not.toContain(TOKEN);
    expect(log.text()).not.toContain(webhook.token);
  });
});
