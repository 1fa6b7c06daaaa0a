/**
 * "Post in channel" and "Report a miss", clicked as Discord delivers clicks: on the message the bot
 * actually sent (gateway: as the fake Discord stored it), by a fresh bot process's service (the
 * buttons carry everything), through the gateway and the HTTP endpoint.
 */
import type { APIInteractionResponse, APIMessage } from 'discord-api-types/v10';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { responseData } from '../discord/http/support/signed.js';
import { buttons, messageText, textDisplays } from '../support/componentsV2.js';
import { expectWithinDiscordLimits } from '../support/discordLimits.js';
import * as payload from './support/payloads.js';
import { spawnEntry } from './support/process.js';
import { rig, type Mode as BotMode } from './support/rig.js';

const bots = rig();

const data = responseData;
const buttonId = (response: APIInteractionResponse, prefix: string): string => {
  const found = buttons(data(response).components).find(
    (b) => typeof b.custom_id === 'string' && b.custom_id.startsWith(prefix),
  );
  return typeof found?.custom_id === 'string' ? found.custom_id : '';
};

interface Mode extends BotMode {
  /** The message a response created, as Discord hands it back with a click on it. */
  messageOf(
    interaction: { id: string },
    response: APIInteractionResponse,
    ranBy: payload.Where,
  ): APIMessage;
}

async function shareAndReport(mode: Mode): Promise<void> {
  const asker = payload.user({ global_name: 'Ada **Lovelace** @everyone' });
  const where = payload.inDM(asker);

  // A private answer: "Post in channel" posts it publicly, naming who shared it, pinging no one.
  const ask = payload.chatInput(mode.app, {
    name: 'quote',
    options: [
      payload.option.string('text', 'urgent review'),
      payload.option.boolean('private', true),
    ],
    where,
  });
  const privately = await mode.send(ask);
  expect(data(privately).flags).toBe(64 | 32768);
  const share = buttonId(privately, 'share:');
  expect(share.length).toBeGreaterThan(6);
  expect(share.length).toBeLessThanOrEqual(100);
  const posted = await mode.send(
    payload.buttonClick(mode.app, {
      customId: share,
      where,
      message: mode.messageOf(ask, privately, where),
    }),
  );
  expect(posted.type).toBe(4);
  expect(data(posted).flags).toBe(32768);
  expectWithinDiscordLimits(data(posted));
  const texts = textDisplays(data(posted).components);
  expect(texts.slice(0, -1)).toEqual(textDisplays(data(privately).components));
  expect(texts.at(-1)).toBe('-# Shared by Ada \\*\\*Lovelace\\*\\* \\@everyone');
  expect(buttonId(posted, 'share:')).toBe('');

  // A question the sources do not cover: "Report a miss" records it, without the user, and thanks.
  const miss = payload.chatInput(mode.app, {
    name: 'story',
    subcommand: 'ask',
    options: [payload.option.string('question', 'what did the white house say')],
    where,
  });
  const abstained = await mode.send(miss);
  expect(messageText(data(abstained))).toContain(
    '-# Asked · /story ask question\\:"what did the white house say"',
  );
  const report = buttonId(abstained, 'miss:');
  expect(report).not.toBe('');
  const thanked = await mode.send(
    payload.buttonClick(mode.app, {
      customId: report,
      where: payload.inDM(),
      message: mode.messageOf(miss, abstained, where),
    }),
  );
  expect(data(thanked).flags).toBe(64 | 32768);
  expect(messageText(data(thanked))).toContain('the editors will see what was asked');
  const events = mode.log.lines.filter((line) => line.event === 'miss');
  expect(events).toEqual([
    expect.objectContaining({
      msg: 'miss',
      command: '/story ask',
      options: { question: 'what did the white house say' },
      locale: 'en-US',
      corpus: bots.router().story.corpus.fingerprint,
    }),
  ]);
  expect(JSON.stringify(events)).not.toContain(asker.id);

  // A reply from another corpus (or edited) is not shared.
  const forged = mode.messageOf(ask, privately, where);
  const refused = await mode.send(
    payload.buttonClick(mode.app, {
      customId: 'share:AAAAAAAAAAAAAAAA',
      where,
      message: forged,
    }),
  );
  expect(data(refused).flags).toBe(64 | 32768);
  expect(messageText(data(refused))).toContain('not posted');
}

describe('share and report a miss', () => {
  it('gateway: on the messages the bot sent', async () => {
    const gateway = await bots.gateway();
    const { fake, bot } = gateway;
    await shareAndReport({
      ...gateway,
      messageOf: (interaction) => fake.originalMessage(interaction.id)!,
    });
    expect(fake.unexpectedRequests()).toEqual([]);
    expect(fake.rejectedRequests()).toEqual([]);

    // What editors read: `npm run misses -- <log file>`.
    const dir = await mkdtemp(path.join(tmpdir(), 'misses-'));
    const file = path.join(dir, 'bot.log');
    await writeFile(file, `${bot.log.text()}\n`);
    const misses = spawnEntry('src/terminal/misses.ts', {}, [file]);
    expect(await misses.exited()).toBe(0);
    expect(misses.stdout).toMatch(
      /^1 {2}\/story ask question:"what did the white house say" {2}\(en-US ×1; last \d{4}-\d\d-\d\d\)\n$/,
    );
    await rm(dir, { recursive: true });
  });

  it('HTTP: signed, as Discord POSTs the clicks', async () => {
    const http = await bots.http();
    await shareAndReport({
      ...http,
      messageOf: (interaction, response, where) =>
        payload.commandReply(http.app, {
          channelId: where.channelId,
          ranBy: where.user,
          interactionId: interaction.id,
          components: data(response).components ?? [],
          flags: data(response).flags ?? 0,
        }),
    });
  });
});
