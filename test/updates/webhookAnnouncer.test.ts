import { describe, expect, it } from 'vitest';
import { ROUTES, type FakeDiscord } from '../e2e/support/fakeDiscord.js';
import { ANNOUNCEMENT, fakeDiscordPerTest } from './announcementSupport.js';
import { MemoryLog } from '../e2e/support/bot.js';
import { createLogger } from '../../src/logging/logger.js';
import { BotMetrics } from '../../src/metrics/botMetrics.js';
import { parseWebhookUrl, WebhookAnnouncer } from '../../src/updates/webhookAnnouncer.js';

const startFake = fakeDiscordPerTest();

async function setUp() {
  const fake = await startFake();
  const webhook = fake.createWebhook();
  const log = new MemoryLog();
  const metrics = new BotMetrics();
  const announcer = new WebhookAnnouncer([webhook.url], createLogger('info', log.stream), {
    metrics,
    backoffMs: 5,
    attempts: 3,
  });
  return { f: fake, webhook, log, metrics, announcer };
}

const posts = (f: FakeDiscord) => f.requests.filter((r) => r.route === ROUTES.followUp);

describe('WebhookAnnouncer', () => {
  it('posts the message with components honoured and returns sent', async () => {
    const { f, webhook, announcer } = await setUp();
    expect(await announcer.announce(ANNOUNCEMENT)).toEqual(['sent']);
    expect(f.webhookMessages(webhook.id)).toHaveLength(1);
    expect(posts(f)[0]?.query).toMatchObject({ with_components: 'true', wait: 'true' });
    expect(posts(f)[0]?.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('tries again after a server error, with a pause, and logs no webhook token', async () => {
    const { f, webhook, announcer, log } = await setUp();
    f.failNext({ path: /\/webhooks\//, status: 502 });
    f.failNext({ path: /\/webhooks\//, status: 500 });
    expect(await announcer.announce(ANNOUNCEMENT)).toEqual(['sent']);
    expect(posts(f).map((r) => r.status)).toEqual([502, 500, 200]);
    expect(f.webhookMessages(webhook.id)).toHaveLength(1);
    expect(log.lines.filter((l) => l.msg === 'announcement failed; trying again')).toHaveLength(2);
    expect(log.text()).not.toContain(webhook.token);
  });

  it('waits out a rate limit instead of failing', async () => {
    const { f, webhook, announcer } = await setUp();
    f.failNext({ path: /\/webhooks\//, status: 429, retryAfter: 0.05 });
    expect(await announcer.announce(ANNOUNCEMENT)).toEqual(['sent']);
    expect(f.webhookMessages(webhook.id)).toHaveLength(1);
  });

  it('gives up after its tries, and does not retry a request Discord refuses as malformed', async () => {
    const { f, announcer, metrics } = await setUp();
    for (let i = 0; i < 3; i++) f.failNext({ path: /\/webhooks\//, status: 503 });
    expect(await announcer.announce(ANNOUNCEMENT)).toEqual(['failed']);
    expect(posts(f)).toHaveLength(3);
    // Interactive components: Discord refuses them from a webhook no application owns (400).
    const refused = await announcer.announce({
      ...ANNOUNCEMENT,
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'x', custom_id: 'x' }] }],
    });
    expect(refused).toEqual(['failed']);
    expect(posts(f)).toHaveLength(4);
    expect((await metrics.exposition()).text).toMatch(
      /storybot_announcements_total\{outcome="failed"\} 2/,
    );
  });

  it('reports a deleted webhook once and skips it from then on, while the others still get posts', async () => {
    const { f, webhook, log } = await setUp();
    const second = f.createWebhook();
    const both = new WebhookAnnouncer([webhook.url, second.url], createLogger('info', log.stream), {
      backoffMs: 5,
    });
    f.deleteWebhook(webhook.id);
    expect(await both.announce(ANNOUNCEMENT)).toEqual(['unknown-webhook', 'sent']);
    expect(await both.announce(ANNOUNCEMENT)).toEqual(['sent']);
    expect(f.webhookMessages(second.id)).toHaveLength(2);
    const reports = log.lines.filter((l) => String(l.msg).includes('unknown to Discord'));
    expect(reports).toHaveLength(1);
    expect(reports[0]?.webhook).toBe(webhook.id);
  });
});

describe('parseWebhookUrl', () => {
  it('reads Discord’s webhook URLs, with or without an API version', () => {
    expect(parseWebhookUrl('https://discord.com/api/webhooks/123/abc-DEF_9')).toEqual({
      api: 'https://discord.com/api',
      id: '123',
      token: 'abc-DEF_9',
    });
    expect(parseWebhookUrl('https://discord.com/api/v10/webhooks/123/tok')?.api).toBe(
      'https://discord.com/api',
    );
    expect(parseWebhookUrl('https://discord.com/api/webhooks/abc/tok')).toBeUndefined();
    expect(parseWebhookUrl('not a url')).toBeUndefined();
  });
});
