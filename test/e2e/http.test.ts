/**
 * HTTP interactions mode end to end: signed interactions as Discord POSTs them, answered inline by
 * the same service and command modules as the gateway bot — in-process on a loopback port, and as
 * `npm start` with BOT_MODE=http (no token).
 */
import { createServer, type Server } from 'node:http';
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/bot/commandTypes.js';
import { CommandRouter } from '../../src/bot/router.js';
import { createHttpServer } from '../../src/discord/http/server.js';
import { createLogger } from '../../src/logging/logger.js';
import { renderInteractionResponse } from '../../src/discord/discordRenderer.js';
import { expectWithinDiscordLimits } from '../support/discordLimits.js';
import { seedRouter } from '../support/seed.js';
import {
  closeNow,
  listenLocal,
  post,
  responseData,
  sendSigned,
  TestSigner,
} from '../discord/http/support/signed.js';
import { MemoryLog } from './support/bot.js';
import * as payload from './support/payloads.js';
import { spawnEntry, type Spawned } from './support/process.js';
import { messageText, pageRow } from '../support/componentsV2.js';
import { listeningPort } from './support/processLogs.js';

const signer = new TestSigner();
const app = { applicationId: payload.snowflake(), botUser: payload.botUser() };
const guild = payload.fakeGuild();
let router: CommandRouter;
let server: Server | undefined;
let log: MemoryLog;
let base: string;
let running: Spawned | undefined;

beforeAll(async () => {
  router = await seedRouter();
});
afterEach(async () => {
  if (server) await closeNow(server);
  server = undefined;
  if (running?.child.exitCode === null) running.child.kill('SIGKILL');
  running = undefined;
});
afterAll(() => {
  expect(log.text().toLowerCase()).not.toContain(signer.publicKeyHex);
});

async function start(
  withRouter: CommandRouter = router,
  cooldown = { commands: 1000, windowMs: 1000 },
): Promise<void> {
  log = new MemoryLog();
  server = createHttpServer(
    withRouter,
    { publicKey: signer.publicKeyHex, cooldown },
    createLogger('info', log.stream),
  );
  base = await listenLocal(server);
}

/** POSTs an interaction signed as Discord signs it; expects 200 and returns the response body. */
/** POSTs an interaction signed as Discord signs it; expects 200 and returns the response body. */
const send = (
  interaction: unknown,
  url = `${base}/interactions`,
): Promise<APIInteractionResponse> => sendSigned(signer, url, interaction);
const data = responseData;
const member = (who = payload.user()) => payload.inGuild(guild, who);

describe('HTTP interactions mode', () => {
  it('answers /story review-status inline with exactly the body the CLI prints', async () => {
    await start();
    const response = await send(
      payload.chatInput(app, { name: 'story', subcommand: 'review-status', where: member() }),
    );
    const cli = renderInteractionResponse(router.runLine('/story review-status').reply, {
      fingerprint: router.story.corpus.fingerprint,
    });
    expect(response).toEqual(JSON.parse(JSON.stringify(cli)));
    expectWithinDiscordLimits(data(response));
  });

  it('answers /quote with quoted passages and mentions disabled, in a server and in a DM', async () => {
    await start();
    for (const where of [member(), payload.inDM()]) {
      const response = await send(
        payload.chatInput(app, {
          name: 'quote',
          options: [payload.option.string('text', 'urgent review @everyone')],
          where,
        }),
      );
      expect(response.type).toBe(4);
      expect(data(response).allowed_mentions).toEqual({ parse: [] });
      expect(messageText(data(response))).toContain('**urgent review**');
      expectWithinDiscordLimits(data(response));
    }
  });

  it('autocompletes with a type 8 answer of at most 25 short choices', async () => {
    await start();
    const response = await send(
      payload.autocomplete(app, {
        name: 'quote',
        options: [payload.option.focused('text', 'hostag')],
        where: member(),
      }),
    );
    expect(response.type).toBe(8);
    const choices =
      (data(response) as { choices?: { name: string; value: string }[] }).choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('turns pages: the author’s click updates the message (type 7), anyone else’s gets the page privately', async () => {
    await start();
    const author = payload.user();
    const first = await send(
      payload.chatInput(app, {
        name: 'quote',
        options: [payload.option.string('text', 'Microsoft')],
        where: member(author),
      }),
    );
    const row = pageRow(data(first));
    const next = row.next;
    // The message as Discord sends it back with the click.
    const message = payload.commandReply(app, {
      channelId: guild.textChannelId,
      ranBy: author,
      components: data(first).components ?? [],
      flags: data(first).flags ?? 0,
    });

    const turned = await send(
      payload.buttonClick(app, { customId: next, where: member(author), message }),
    );
    expect(turned.type).toBe(7);
    expect(data(turned).components?.length).toBe(2);
    expect(messageText(data(turned))).toMatch(/-# Page 2 of \d+ · \/quote text\\:"Microsoft"$/);
    expectWithinDiscordLimits(data(turned));

    const other = await send(
      payload.buttonClick(app, { customId: next, where: member(), message }),
    );
    expect(other.type).toBe(4);
    expect(data(other).flags).toBe(64 | 32768);
  });

  it('passes a message context menu’s target message to the command', async () => {
    const echo: CommandModule = {
      name: 'Echo target',
      definition: () => ({ name: 'Echo target', type: 3 }),
      execute: (invocation) => ({
        status: 'ok',
        title: 'Target',
        intro: invocation.targetMessage?.content ?? 'none',
        blocks: [],
        ephemeral: true,
      }),
    };
    await start(new CommandRouter(router.story, [...router.commands, echo]));
    const target = payload.userMessage(payload.user(), {
      channelId: guild.textChannelId,
      content: 'Microsoft said it would publish the findings',
    });
    const response = await send(
      payload.messageContextMenu(app, { name: 'Echo target', target, where: member() }),
    );
    expect(messageText(data(response))).toContain('Microsoft said it would publish the findings');
  });

  it('checks the quotation in a message from the "Check quote" context menu, as the gateway bot does', async () => {
    await start();
    const target = payload.userMessage(payload.user(), {
      channelId: guild.textChannelId,
      content:
        'Microsoft literally wrote “we believe Microsoft has violated these Commitments in Israel and Gaza”',
    });
    const response = await send(
      payload.messageContextMenu(app, { name: 'Check quote', target, where: member() }),
    );
    const expected = renderInteractionResponse(
      router.run({
        name: 'Check quote',
        options: {},
        targetMessage: { id: target.id, content: target.content },
      }),
      { fingerprint: router.story.corpus.fingerprint },
    );
    expect(response).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(messageText(data(response))).toContain('**Close, not verbatim**');
    expectWithinDiscordLimits(data(response));
  });

  it('answers a handler error with a short private apology, logs it with the interaction id, and keeps serving', async () => {
    const boom: CommandModule = {
      name: 'boom',
      definition: () => ({ name: 'boom', description: 'fails' }),
      execute: () => {
        throw new Error('kaboom');
      },
    };
    await start(new CommandRouter(router.story, [...router.commands, boom]));
    const interaction = payload.chatInput(app, { name: 'boom', where: member() });
    const response = await send(interaction);
    expect(data(response).flags).toBe(64 | 32768);
    expect(messageText(data(response))).toContain('Sorry, something went wrong');
    expect(
      log.lines.some((l) => l.msg === 'handler failed' && l.interaction === interaction.id),
    ).toBe(true);
    const after = await send(
      payload.chatInput(app, { name: 'story', subcommand: 'sources', where: member() }),
    );
    expect(after.type).toBe(4);
  });

  it('says clearly when a command is unknown or an interaction is not supported', async () => {
    await start();
    const unknown = await send(
      payload.chatInput(app, { name: 'retired-command', where: member() }),
    );
    expect(data(unknown).flags).toBe(64 | 32768);
    expect(messageText(data(unknown))).toContain('no /retired-command command');
    const modal = await send({
      ...payload.chatInput(app, { name: 'story', where: member() }),
      type: 5,
      data: { custom_id: 'form', components: [] },
    });
    expect(messageText(data(modal))).toContain('## Not supported');
  });

  it('slows a user down past the cooldown, privately, without affecting others', async () => {
    await start(router, { commands: 2, windowMs: 60_000 });
    const flooder = payload.user();
    const sources = (who = payload.user()) =>
      send(payload.chatInput(app, { name: 'story', subcommand: 'sources', where: member(who) }));
    expect(data(await sources(flooder)).flags).toBe(32768);
    expect(data(await sources(flooder)).flags).toBe(32768);
    const third = data(await sources(flooder));
    expect(third.flags).toBe(64 | 32768);
    expect(messageText(third)).toContain('## Slow down');
    expect(data(await sources()).flags).toBe(32768);
  });

  it('logs each interaction with its id, command, status and time', async () => {
    await start();
    const interaction = payload.chatInput(app, {
      name: 'story',
      subcommand: 'timeline',
      where: member(),
    });
    await send(interaction);
    expect(log.lines.find((l) => l.msg === 'interaction answered')).toMatchObject({
      interaction: interaction.id,
      command: '/story timeline',
      guild: guild.id,
      status: 200,
      type: 4,
      ms: expect.any(Number) as unknown,
    });
  });
});

describe('npm start with BOT_MODE=http', () => {
  it('serves signed interactions without a token, and exits 0 on SIGTERM', async () => {
    running = spawnEntry('src/main.ts', {
      BOT_MODE: 'http',
      DISCORD_PUBLIC_KEY: signer.publicKeyHex.toUpperCase(),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
    });
    const port = await listeningPort(running);
    const url = `http://127.0.0.1:${port}/interactions`;
    const ping = await send(
      {
        id: payload.snowflake(),
        type: 1,
        application_id: app.applicationId,
        token: 't',
        version: 1,
      },
      url,
    );
    expect(ping).toEqual({ type: 1 });
    const response = await send(
      payload.chatInput(app, { name: 'story', subcommand: 'review-status', where: member() }),
      url,
    );
    expect(messageText(data(response))).toContain('## Review status');
    expect((await post(url, '{}', {})).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    running.child.kill('SIGTERM');
    expect(await running.exited(8000)).toBe(0);
    expect(running.stderr).toContain('"msg":"interaction answered"');
    expect(running.stderr.toLowerCase()).not.toContain(signer.publicKeyHex);
  });

  it('stops with one line when the port is taken', async () => {
    const taken = createServer();
    const takenBase = await listenLocal(taken);
    try {
      running = spawnEntry('src/main.ts', {
        BOT_MODE: 'http',
        DISCORD_PUBLIC_KEY: signer.publicKeyHex,
        PORT: new URL(takenBase).port,
        HOST: '127.0.0.1',
      });
      expect(await running.exited()).toBe(1);
      const lines = running.stderr.trim().split('\n');
      expect(lines.at(-1)).toMatch(
        /^Configuration error: PORT: cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)$/,
      );
    } finally {
      await closeNow(taken);
    }
  });
});
