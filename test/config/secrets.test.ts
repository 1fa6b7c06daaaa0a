/**
 * The bot token and the application's public key never reach the logs, in either Discord mode,
 * at the most verbose level, through successes, faults and errors alike.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/bot/commandTypes.js';
import { CommandRouter } from '../../src/bot/router.js';
import { loadConfig } from '../../src/config/env.js';
import { startGateway, type Gateway } from '../../src/discord/gateway/gateway.js';
import { createHttpServer } from '../../src/discord/http/server.js';
import { createLogger } from '../../src/logging/logger.js';
import { ready, MemoryLog } from '../e2e/support/bot.js';
import { FakeDiscord } from '../e2e/support/fakeDiscord.js';
import * as payload from '../e2e/support/payloads.js';
import { closeNow, listenLocal, post, TestSigner } from '../discord/http/support/signed.js';
import { seedRouter } from '../support/seed.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GsEcRt.secret-token-abcdefghijklmnopqrstuvwxyz';

const boom: CommandModule = {
  name: 'boom',
  definition: () => ({ name: 'boom', description: 'fails' }),
  execute: () => {
    throw new Error('kaboom');
  },
};

let fake: FakeDiscord | undefined;
let gateway: Gateway | undefined;
afterEach(async () => {
  await gateway?.stop();
  await fake?.close();
  gateway = undefined;
  fake = undefined;
});

describe('secrets in logs', () => {
  it('gateway mode: the token never appears, through replies, a 429, a failed callback and a handler error', async () => {
    fake = await FakeDiscord.start({ requireToken: TOKEN });
    const log = new MemoryLog();
    const seed = await seedRouter();
    gateway = await startGateway(
      new CommandRouter(seed.story, [...seed.commands, boom]),
      { token: TOKEN, apiUrl: fake.apiUrl, cooldown: { commands: 1000, windowMs: 1000 } },
      createLogger('trace', log.stream),
      { rest: { api: fake.apiUrl, timeout: 2000, retries: 0 }, waitGuildTimeout: 500 },
    );
    await ready(gateway.client);
    const where = payload.inGuild(fake.guilds[0]!);
    await fake.sendInteraction(
      payload.chatInput(fake, { name: 'story', subcommand: 'sources', where }),
    );
    fake.failNext({ method: 'POST', path: /\/callback$/, status: 429, retryAfter: 0.2 });
    await fake.sendInteraction(payload.chatInput(fake, { name: 'boom', where }));
    fake.failNext({ method: 'POST', path: /\/callback$/, status: 500 });
    const failed = payload.chatInput(fake, { name: 'story', subcommand: 'timeline', where });
    fake.dispatchInteraction(failed);
    await fake.waitForRequest((r) => r.params.id === failed.id);
    // A round trip after it: the failure has been logged by then.
    await fake.sendInteraction(
      payload.chatInput(fake, {
        name: 'quote',
        options: [payload.option.string('text', 'Azure')],
        where,
      }),
    );

    const text = log.text();
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(1);
    expect(text).toContain('handler failed');
    expect(text).toContain('interaction response failed');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.split('.')[2]);
  });

  it('http mode: the public key never appears, through answers and refusals', async () => {
    const signer = new TestSigner();
    const log = new MemoryLog();
    const config = loadConfig({ BOT_MODE: 'http', DISCORD_PUBLIC_KEY: signer.publicKeyHex });
    const seed = await seedRouter();
    const server = createHttpServer(
      new CommandRouter(seed.story, [...seed.commands, boom]),
      config,
      createLogger('trace', log.stream),
    );
    const url = `${await listenLocal(server)}/interactions`;
    try {
      const app = { applicationId: payload.snowflake(), botUser: payload.botUser() };
      for (const interaction of [
        payload.chatInput(app, { name: 'story', subcommand: 'sources', where: payload.inDM() }),
        payload.chatInput(app, { name: 'boom', where: payload.inDM() }),
      ]) {
        const body = JSON.stringify(interaction);
        expect((await post(url, body, signer.headers(body))).status).toBe(200);
      }
      expect((await post(url, '{}', {})).status).toBe(401);
      expect((await post(url, '{}', new TestSigner().headers('{}'))).status).toBe(401);
      expect((await post(url, 'nope', signer.headers('nope'))).status).toBe(400);
    } finally {
      await closeNow(server);
    }
    const text = log.text().toLowerCase();
    expect(text).toContain('handler failed');
    expect(text).toContain('http request refused');
    expect(text).not.toContain(signer.publicKeyHex);
  });

  it('redacts both if a configuration object is ever logged', () => {
    const log = new MemoryLog();
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_PUBLIC_KEY: 'b'.repeat(64) });
    createLogger('info', log.stream).info({ config }, 'configuration');
    expect(log.text()).not.toContain(TOKEN);
    expect(log.text()).not.toContain('b'.repeat(64));
    expect(log.lines[0]).toMatchObject({
      config: { token: '[redacted]', publicKey: '[redacted]' },
    });
  });
});
