/**
 * Installed by a user, not by the server: interactions as Discord sends them from the bot's DMs,
 * group DMs, DMs between other users and servers that never added the bot (no `guild_id` or a guild
 * the bot does not know, `user` instead of `member`, `context`, `authorizing_integration_owners`)
 * — answered alike through the gateway (the real discord.js client) and the HTTP endpoint.
 */
import { describe, expect, it } from 'vitest';
import { responseData } from '../discord/http/support/signed.js';
import { expectWithinDiscordLimits } from '../support/discordLimits.js';
import { messageText } from '../support/componentsV2.js';
import * as payload from './support/payloads.js';
import { rig, type Send } from './support/rig.js';

const bots = rig();

const PLACES: [string, () => payload.Where][] = [
  ['the bot’s DM', () => payload.inDM()],
  ['a group DM', () => payload.inPrivateChannel(payload.user(), true)],
  ['a DM between other users', () => payload.inPrivateChannel(payload.user(), false)],
  ['a server that never added the bot', () => payload.inUserInstalledGuild()],
];

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
    const { fake, bot, app, send } = await bots.gateway();
    await answersEverywhere(app, send);
    expect(fake.unexpectedRequests()).toEqual([]);
    expect(fake.rejectedRequests()).toEqual([]);
    expect(bot.log.text()).not.toContain('handler failed');
  });

  it('HTTP: answers the same interactions, signed as Discord POSTs them', async () => {
    const { app, send, log } = await bots.http();
    await answersEverywhere(app, send);
    expect(log.text()).not.toContain('handler failed');
  });
});
