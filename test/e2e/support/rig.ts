import type { APIInteractionResponse } from 'discord-api-types/v10';
import type { Server } from 'node:http';
import { afterEach, beforeAll } from 'vitest';
import type { CommandRouter } from '../../../src/bot/router.js';
import { createHttpServer, type HttpServerOptions } from '../../../src/discord/http/server.js';
import { createLogger } from '../../../src/logging/logger.js';
import {
  closeNow,
  listenLocal,
  sendSigned,
  TestSigner,
} from '../../discord/http/support/signed.js';
import { seedRouter } from '../../support/seed.js';
import { MemoryLog, startBot, stopAll, type RunningBot } from './bot.js';
import { FakeDiscord } from './fakeDiscord.js';
import * as payload from './payloads.js';

/** An interaction in, its response out: the same test drives either mode. */
export type Send = (interaction: { id: string; token: string }) => Promise<APIInteractionResponse>;

export interface Mode {
  readonly app: payload.AppRef;
  readonly log: MemoryLog;
  readonly send: Send;
}

export interface HttpMode extends Mode {
  readonly base: string;
  readonly signer: TestSigner;
}

/**
 * The seed router for a test file, and the bots its tests start — gateway (the real discord.js
 * client against the fake Discord) or HTTP (signed POSTs to the endpoint) — stopped after each test.
 */
export function rig() {
  let router: CommandRouter | undefined;
  let fake: FakeDiscord | undefined;
  let bot: RunningBot | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    router = await seedRouter();
  });
  afterEach(async () => {
    await stopAll(bot, fake);
    if (server) await closeNow(server);
    bot = undefined;
    fake = undefined;
    server = undefined;
  });
  const seed = (): CommandRouter => {
    if (!router) throw new Error('rig: the router is built in beforeAll');
    return router;
  };
  return {
    router: seed,
    async gateway(options: Parameters<typeof startBot>[2] = {}) {
      fake = await FakeDiscord.start();
      bot = await startBot(fake, seed(), options);
      const f = fake;
      const mode: Mode & { fake: FakeDiscord; bot: RunningBot } = {
        app: f,
        log: bot.log,
        fake: f,
        bot,
        send: async (interaction) => (await f.sendInteraction(interaction)).response,
      };
      return mode;
    },
    async http(options: HttpServerOptions = {}): Promise<HttpMode> {
      const signer = new TestSigner();
      const log = new MemoryLog();
      server = createHttpServer(
        seed(),
        { publicKey: signer.publicKeyHex, cooldown: { commands: 1000, windowMs: 1000 } },
        createLogger('info', log.stream),
        options,
      );
      const base = await listenLocal(server);
      return {
        app: { applicationId: payload.snowflake(), botUser: payload.botUser() },
        log,
        base,
        signer,
        send: (interaction) => sendSigned(signer, `${base}/interactions`, interaction),
      };
    },
  };
}
