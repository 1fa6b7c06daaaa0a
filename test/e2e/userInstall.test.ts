/**
 * Installed by a user, not by the server: interactions as Discord sends them from the bot's DMs,
 * group DMs, DMs between other users and servers that never added the bot (no `guild_id` or a guild
 * the bot does not know, `user` instead of `member`, `context`, `authorizing_integration_owners`)
 * — answered alike through the gateway (the real discord.js client) and the HTTP endpoint.
 */
import type { APIInteractionResponse } from 'discord-api-types/v10';
import type { Server } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import { createHttpServer } from '../../src/discord/http/server.js';
import { createLogger } from '../../src/logging/logger.js';
import {
  closeNow,
  listenLocal,
  responseData,
  sendSigned,
  TestSigner,
} from '../discord/http/support/signed.js';
import { expectWithinDiscordLimits } from '../support/discordLimits.js';
import { messageText } from '../support/componentsV2.js';
import { seedRouter } from '../support/seed.js';
import { MemoryLog, startBot, stopAll, type RunningBot } from './support/bot.js';
import { FakeDiscord } from './support/fakeDiscord.js';
import * as payload from './support/payloads.js';

let router: CommandRouter;
let fake: FakeDiscord | undefined;
let bot: RunningBot | undefined;
let server: Server | undefined;
beforeAll(async () => {
  router = await seedRouter();
});
afterEach(async () => {
  await stopAll(bot, fake);
  bot = undefined;
  fake = undefined;
  if (server) await closeNow(server);
  server = undefined;
});

const PLACES: [string, () => payload.Where][] = [
  ['the bot’s DM', () => payload.inDM()],
  ['a group DM', () => payload.inPrivateChannel(payload.user(), true)],
  ['a DM between other users', () => payload.inPrivateChannel(payload.user(), false)],
  ['a server that never added the bot', () => payload.inUserInstalledGuild()],
];

type Send = (interaction: { id: string; token: string }) => Promise<APIInteractionResponse>;
const data = responseData;

/** The same three interactions for each place: a command, an autocomplete, Apps → Check quote. */
async function answersEverywhere(app: payload.AppRef, send: Send): Promise<void> {
  for (const [, where] of PLACES) {
    const status = await send(
      payload.chatInput(app, { name: 'story', subcommand: 'review-status', where: where() }),
    );
    expect(status.type).toBe(4);
    expect(messageText(data(status))).toContain('Covington');
    expect(data(status).allowed_mentions).toEqual({ parse: [] });
    expectWithinDiscordLimits(data(status));

    const suggested = await send(
      payload.autocomplete(app, {
        name: 'quote',
        options: [
          payload.option.string('text', 'review'),
          payload.option.focused('speaker', 'micro'),
        ],
        where: where(),
      }),
    );
    expect(suggested).toEqual({
      type: 8,
      data: { choices: [{ name: 'Microsoft', value: 'microsoft' }] },
    });

    const place = where();
    const target = payload.userMessage(payload.user(), {
      channelId: place.channelId,
      content:
        'Microsoft said “Microsoft provided limited emergency support to the Israeli government”',
    });
    const verdict = await send(
      payload.messageContextMenu(app, { name: 'Check quote', target, where: place }),
    );
    expect(verdict.type).toBe(4);
    expect(messageText(data(verdict))).toContain('Microsoft provided limited emergency support');
  }
}

describe('user installs and DMs', () => {
  it('gateway: answers commands, autocomplete and Check quote from DMs and user-installed places', async () => {
    fake = await FakeDiscord.start();
    bot = await startBot(fake, router);
    const f = fake;
    await answersEverywhere(
      f,
      async (interaction) => (await f.sendInteraction(interaction)).response,
    );
    expect(f.unexpectedRequests()).toEqual([]);
    expect(f.rejectedRequests()).toEqual([]);
    expect(bot.log.text()).not.toContain('handler failed');
  });

  it('HTTP: answers the same interactions, signed as Discord POSTs them', async () => {
    const signer = new TestSigner();
    const log = new MemoryLog();
    server = createHttpServer(
      router,
      { publicKey: signer.publicKeyHex, cooldown: { commands: 1000, windowMs: 1000 } },
      createLogger('info', log.stream),
    );
    const base = await listenLocal(server);
    const app = { applicationId: payload.snowflake(), botUser: payload.botUser() };
    await answersEverywhere(app, (interaction) =>
      sendSigned(signer, `${base}/interactions`, interaction),
    );
    expect(log.text()).not.toContain('handler failed');
  });
});
