/**
 * Prometheus metrics where operators scrape them: `GET /metrics` on the HTTP mode's port, and in
 * gateway mode on METRICS_PORT beside a `/healthz` that is ready only once the gateway is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { BotMetrics } from '../../src/metrics/botMetrics.js';
import { gatewayMetrics, type MetricsServer } from '../../src/metrics/metricsServer.js';
import { post } from '../discord/http/support/signed.js';
import { MemoryLog } from './support/bot.js';
import * as payload from './support/payloads.js';
import { rig } from './support/rig.js';

const bots = rig();
let served: MetricsServer | undefined;
afterEach(async () => {
  await served?.stop();
  served = undefined;
});

async function get(url: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

describe('metrics', () => {
  it('HTTP mode: GET /metrics counts commands, reply time and refused requests', async () => {
    const metrics = new BotMetrics();
    const { base, app, send } = await bots.http({ metrics });
    await send(
      payload.chatInput(app, { name: 'story', subcommand: 'review-status', where: payload.inDM() }),
    );
    const forged = await post(`${base}/interactions`, '{}', {
      'x-signature-ed25519': 'ab'.repeat(64),
      'x-signature-timestamp': String(Math.floor(Date.now() / 1000)),
    });
    expect(forged.status).toBe(401);

    const scraped = await get(`${base}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(scraped.text).toContain(
      'storybot_commands_total{command="/story review-status",outcome="answered",locale="en"} 1',
    );
    expect(scraped.text).toContain('storybot_reply_seconds_count{kind="command"} 1');
    expect(scraped.text).toContain('storybot_http_refused_total{reason="bad signature"} 1');
    expect(scraped.text).toContain('process_resident_memory_bytes');
  });

  it('gateway mode: /healthz is 503 until READY, then 200; /metrics counts what the gateway answered', async () => {
    const log = new MemoryLog();
    const started = await gatewayMetrics(0, createLogger('info', log.stream));
    served = started.served;
    const base = `http://127.0.0.1:${served?.port ?? 0}`;
    expect((await get(`${base}/healthz`)).status).toBe(503);

    const { fake, bot } = await bots.gateway({ metrics: started.metrics });
    const client = bot.gateway.client;
    started.ready(() => client.isReady());
    const health = await get(`${base}/healthz`);
    expect(health).toMatchObject({ status: 200, text: '{"status":"ok"}' });

    await fake.sendInteraction(
      payload.chatInput(fake, {
        name: 'quote',
        options: [payload.option.string('text', 'zebra crossing')],
        where: payload.inGuild(fake.guilds[0]!),
      }),
    );
    // The reply's time is observed once Discord acknowledged it, just before it is logged.
    for (let i = 0; i < 100 && !bot.log.text().includes('interaction answered'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const scraped = await get(`${base}/metrics`);
    expect(scraped.text).toContain(
      'storybot_commands_total{command="/quote",outcome="nothing-found",locale="en"} 1',
    );
    expect(scraped.text).toMatch(/storybot_reply_seconds_count\{kind="command"\} 1/);
    expect((await get(`${base}/nothing`)).status).toBe(404);
  });
});
