/**
 * Proves FakeDiscord speaks enough Discord for the real discord.js client: each test drives a bare
 * `Client` (no bot code; the test's own listeners answer) through the fake's gateway and REST API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Client, DiscordAPIError, GatewayIntentBits, MessageFlags } from 'discord.js';
import type { ClientEvents, ClientOptions, Interaction } from 'discord.js';
import { FakeDiscord, ROUTES, noIdentifyThrottle } from './support/fakeDiscord.js';
import type { FakeDiscordOptions } from './support/fakeDiscord.js';
import * as payload from './support/payloads.js';

let fake: FakeDiscord | undefined;
const clients: Client[] = [];

afterEach(async () => {
  // Client first: stopping the fake first makes discord.js reconnect and re-identify (seconds).
  const stuck: number[] = [];
  for (const [n, client] of clients.splice(0).entries()) {
    const settled = await Promise.race([
      client.destroy().then(() => true),
      sleep(2000).then(() => false),
    ]);
    if (!settled) stuck.push(n);
  }
  await fake?.close();
  fake = undefined;
  if (stuck.length > 0) {
    // discord.js never settles destroy() called between IDENTIFY and READY (or during a reconnect).
    throw new Error(
      `client.destroy() did not settle for client(s) ${stuck.join(', ')}: the test ended while a shard ` +
        'was reconnecting; end with an interaction round trip or the shardReady/shardResume event',
    );
  }
});

async function startFake(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  fake = await FakeDiscord.start(options);
  return fake;
}

function newClient(f: FakeDiscord, extra: Partial<ClientOptions> = {}): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: f.apiUrl, timeout: 2000, retries: 0 },
    waitGuildTimeout: 500,
    ...extra,
  });
  clients.push(client);
  return client;
}

/** The next `event` of `client`, or a rejection naming it after `ms`. */
function nextEvent<E extends keyof ClientEvents>(
  client: Client,
  event: E,
  ms = 3000,
): Promise<ClientEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`client did not emit ${event} within ${ms} ms`));
    }, ms);
    const listener = (...args: ClientEvents[E]): void => {
      clearTimeout(timer);
      resolve(args);
    };
    client.once(event, listener);
  });
}

async function loggedIn(f: FakeDiscord, extra: Partial<ClientOptions> = {}): Promise<Client> {
  const client = newClient(f, extra);
  const ready = nextEvent(client, 'clientReady');
  await client.login(f.token);
  await ready;
  return client;
}

/** Runs `handler` for every interaction; a failure is kept for the test to assert, not thrown away. */
function answer(client: Client, handler: (i: Interaction) => Promise<unknown>): unknown[] {
  const errors: unknown[] = [];
  client.on('interactionCreate', (i) => {
    handler(i).catch((error: unknown) => errors.push(error));
  });
  return errors;
}

function firstGuild(f: FakeDiscord): payload.FakeGuild {
  const guild = f.guilds[0];
  if (!guild) throw new Error('test setup: the fake has no guild');
  return guild;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('login', () => {
  it('identifies, receives READY and GUILD_CREATE, and emits clientReady', async () => {
    const f = await startFake();
    const client = await loggedIn(f);

    expect(client.user?.id).toBe(f.botUser.id);
    expect(client.application?.id).toBe(f.applicationId);
    expect(
      client.guilds.cache.get(firstGuild(f).id)?.channels.cache.has(firstGuild(f).textChannelId),
    ).toBe(true);
    expect(f.identifies).toHaveLength(1);
    expect(f.identifies[0]?.shard).toEqual([0, 1]);
    expect(f.identifies[0]?.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages,
    );
    expect(f.unexpectedRequests()).toEqual([]);
  });

  it('reports a wrong token as TokenInvalid', async () => {
    const f = await startFake({ requireToken: 'the-right-token' });
    const client = newClient(f);

    await expect(client.login('a-wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(f.requests.map((r) => [r.route, r.status])).toEqual([[ROUTES.gatewayBot, 401]]);
  });
});

describe('interactions', () => {
  it('delivers a slash command and records the reply as a type 4 callback', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const errors = answer(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({
        content: `you asked: ${i.options.getString('question', true)}`,
        flags: MessageFlags.Ephemeral,
      });
    });
    const guild = firstGuild(f);

    const { callback, response, latencyMs } = await f.sendInteraction(
      payload.chatInput(f, {
        name: 'ask',
        options: [payload.option.string('question', 'who found the letter?')],
        where: payload.inGuild(guild),
      }),
    );

    expect(callback.status).toBe(204);
    expect(callback.headers.authorization).toBeUndefined(); // callbacks are sent without the bot token
    expect(response).toMatchObject({
      type: 4,
      data: { content: 'you asked: who found the letter?', flags: MessageFlags.Ephemeral },
    });
    expect(latencyMs).toBeGreaterThanOrEqual(0);
    expect(latencyMs).toBeLessThan(2000);
    expect(errors).toEqual([]);
    expect(f.unexpectedRequests()).toEqual([]);
  });

  it('delivers a DM subcommand with `user`, then defer → edit @original → follow-up', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const seen: { inGuild: boolean; sub: string; userId: string }[] = [];
    const errors = answer(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.push({ inGuild: i.inGuild(), sub: i.options.getSubcommand(), userId: i.user.id });
      await i.deferReply();
      await i.editReply('the answer');
      await i.followUp({ content: 'and a source', flags: MessageFlags.Ephemeral });
    });
    const reader = payload.user();
    const interaction = payload.chatInput(f, {
      name: 'story',
      subcommand: 'ask',
      options: [payload.option.string('question', 'when?')],
      where: payload.inDM(reader),
    });

    const { response } = await f.sendInteraction(interaction);
    const followUp = await f.waitForRequest((r) => r.route === ROUTES.followUp);

    expect(response.type).toBe(5);
    expect(seen).toEqual([{ inGuild: false, sub: 'ask', userId: reader.id }]);
    const edit = f.requests.find((r) => r.route === ROUTES.editWebhookMessage);
    expect(edit?.path).toBe(
      `/api/v10/webhooks/${f.applicationId}/${interaction.token}/messages/@original`,
    );
    expect(followUp.query.wait).toBe('true');
    expect(f.originalMessage(interaction.id)?.content).toBe('the answer');
    expect(f.followUps(interaction.id).map((m) => m.content)).toEqual(['and a source']);
    expect(errors).toEqual([]);
    expect(f.unexpectedRequests()).toEqual([]);
  });

  it('answers autocomplete with a type 8 callback', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const errors = answer(client, async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused();
      await i.respond([{ name: `Passage about ${typed}`, value: 'p-1' }]);
    });

    const { response } = await f.sendInteraction(
      payload.autocomplete(f, {
        name: 'ask',
        options: [payload.option.focused('question', 'lett')],
        where: payload.inGuild(firstGuild(f)),
      }),
    );

    expect(response).toEqual({
      type: 8,
      data: { choices: [{ name: 'Passage about lett', value: 'p-1' }] },
    });
    expect(errors).toEqual([]);
  });

  it('delivers a click on the bot’s own reply and records the update as type 7', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const clicks: { ranBy: string | undefined; embeds: number }[] = [];
    const errors = answer(client, async (i) => {
      if (i.isChatInputCommand()) {
        await i.reply({
          embeds: [{ title: 'Page 1' }],
          components: [
            { type: 1, components: [{ type: 2, style: 1, label: 'Next', custom_id: 'page:2' }] },
          ],
        });
      } else if (i.isButton()) {
        clicks.push({
          ranBy: i.message.interactionMetadata?.user.id,
          embeds: i.message.embeds.length,
        });
        await i.update({ embeds: [{ title: `Page ${i.customId.split(':')[1]}` }] });
      }
    });
    const reader = payload.user();
    const where = payload.inGuild(firstGuild(f), reader);
    const command = payload.chatInput(f, { name: 'ask', where });
    await f.sendInteraction(command);
    const shown = f.originalMessage(command.id);
    if (!shown) throw new Error('the reply created no message');

    const { response } = await f.sendInteraction(
      payload.buttonClick(f, { customId: 'page:2', message: shown, where }),
    );

    expect(response).toMatchObject({ type: 7, data: { embeds: [{ title: 'Page 2' }] } });
    expect(clicks).toEqual([{ ranBy: reader.id, embeds: 1 }]);
    expect(errors).toEqual([]);
  });

  it('delivers a MESSAGE context-menu command with its target message', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const errors = answer(client, async (i) => {
      if (!i.isMessageContextMenuCommand()) return;
      await i.reply(`target says: ${i.targetMessage.content}`);
    });
    const where = payload.inGuild(firstGuild(f));
    const target = payload.userMessage(payload.user(), {
      channelId: where.channelId,
      content: 'The letter was found in May.',
    });

    const { response } = await f.sendInteraction(
      payload.messageContextMenu(f, { name: 'Find sources', target, where }),
    );

    expect(response).toMatchObject({
      type: 4,
      data: { content: 'target says: The letter was found in May.' },
    });
    expect(errors).toEqual([]);
  });

  it('answers with_response=true with the created message, which discord.js parses', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const shown: (string | undefined)[] = [];
    const errors = answer(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      const res = await i.reply({ content: 'with body', withResponse: true });
      shown.push(res.resource?.message?.content);
    });

    const { callback } = await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(firstGuild(f)) }),
    );
    await expect.poll(() => shown.length, { timeout: 1000 }).toBe(1);

    expect(callback.query.with_response).toBe('true');
    expect(callback.status).toBe(200);
    expect(shown).toEqual(['with body']);
    expect(errors).toEqual([]);
  });

  it('delivers a DM button click on a default message; deferUpdate is a type 6 callback', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const errors = answer(client, (i) => (i.isButton() ? i.deferUpdate() : Promise.resolve()));

    const { response } = await f.sendInteraction(
      payload.buttonClick(f, { customId: 'more', where: payload.inDM() }),
    );

    expect(response).toEqual({ type: 6 });
    expect(errors).toEqual([]);
  });

  it('parses a multipart reply (payload_json + files)', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const errors = answer(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({
        content: 'attached',
        files: [{ attachment: Buffer.from('passage text'), name: 'passage.txt' }],
      });
    });

    const { callback, response } = await f.sendInteraction(
      payload.chatInput(f, { name: 'export', where: payload.inGuild(firstGuild(f)) }),
    );

    expect(response).toMatchObject({ type: 4, data: { content: 'attached' } });
    expect(callback.files).toMatchObject([
      { field: 'files[0]', filename: 'passage.txt', size: 12 },
    ]);
    expect(errors).toEqual([]);
  });

  it('rejects a second callback for the same interaction with 40060', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    // The classic bug: the same handler registered twice; both reply before either has finished.
    const outcomes: Promise<unknown>[] = [];
    for (const text of ['first', 'second']) {
      client.on('interactionCreate', (i) => {
        if (i.isChatInputCommand()) outcomes.push(i.reply(text).then(() => 'ok'));
      });
    }
    const interaction = payload.chatInput(f, {
      name: 'ask',
      where: payload.inGuild(firstGuild(f)),
    });

    await f.sendInteraction(interaction);
    await f.waitForRequest((r) => r.route === ROUTES.callback && r.status === 400);
    const settled = await Promise.allSettled(outcomes);

    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const failure = settled.find((s) => s.status === 'rejected');
    expect(failure?.reason).toBeInstanceOf(DiscordAPIError);
    expect(failure?.reason).toMatchObject({ code: 40060, status: 400 });
    expect(f.rejectedRequests().map((r) => r.note)).toEqual(['already acknowledged']);
    expect(
      f
        .callbacksFor(interaction.id)
        .map((r) => r.status)
        .sort(),
    ).toEqual([204, 400]);
  });

  it('rejects a reply over Discord’s content limit with 50035', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const errors = answer(client, (i) =>
      i.isChatInputCommand() ? i.reply('x'.repeat(2001)) : Promise.resolve(),
    );

    const { callback } = await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(firstGuild(f)) }),
    );
    await expect.poll(() => errors.length, { timeout: 1000 }).toBe(1);

    expect(callback.status).toBe(400);
    expect(errors[0]).toMatchObject({ code: 50035 });
    expect(callback.note).toMatch(/content: Must be 2000 or fewer/);
  });

  it('rejects embeds over 6000 characters in total, though each is within its own limit', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const long = 'y'.repeat(3500);
    const errors = answer(client, (i) =>
      i.isChatInputCommand()
        ? i.reply({ embeds: [{ description: long }, { description: long }] })
        : Promise.resolve(),
    );

    const { callback } = await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(firstGuild(f)) }),
    );
    await expect.poll(() => errors.length, { timeout: 1000 }).toBe(1);

    expect(callback.status).toBe(400);
    expect(callback.note).toMatch(/embeds: Embed size exceeds maximum size of 6000/);
  });

  it('refuses a first callback later than the deadline with 10062', async () => {
    const f = await startFake({ callbackDeadlineMs: 100 });
    const client = await loggedIn(f);
    const errors = answer(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await sleep(150);
      await i.reply('too late');
    });

    const { callback } = await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(firstGuild(f)) }),
    );
    await expect.poll(() => errors.length, { timeout: 1000 }).toBe(1);

    expect(callback.status).toBe(404);
    expect(errors[0]).toMatchObject({ code: 10062 });
  });
});

describe('REST faults', () => {
  it('a 429 with retry-after on the callback is waited out and retried by discord.js', async () => {
    const f = await startFake();
    // Default retries: discord.js retries 429s regardless, after retry-after.
    const client = await loggedIn(f, { rest: { api: f.apiUrl, timeout: 2000 } });
    const errors = answer(client, (i) =>
      i.isChatInputCommand() ? i.reply('landed') : Promise.resolve(),
    );
    f.failNext({ method: 'POST', path: /\/callback$/, status: 429, retryAfter: 0.2 });
    const interaction = payload.chatInput(f, {
      name: 'ask',
      where: payload.inGuild(firstGuild(f)),
    });

    const { callback, response } = await f.sendInteraction(interaction);

    const [limited, landed] = f.callbacksFor(interaction.id);
    expect(limited).toMatchObject({ status: 429, outcome: 'scripted' });
    expect(landed).toBe(callback);
    expect(callback.status).toBe(204);
    expect(response).toMatchObject({ type: 4, data: { content: 'landed' } });
    expect(callback.receivedAt - (limited?.respondedAt ?? 0)).toBeGreaterThanOrEqual(190);
    expect(errors).toEqual([]);
  });

  it('a 500 is retried when retries > 0 and the reply lands', async () => {
    const f = await startFake();
    const client = await loggedIn(f, { rest: { api: f.apiUrl, timeout: 2000, retries: 1 } });
    const errors = answer(client, (i) =>
      i.isChatInputCommand() ? i.reply('landed') : Promise.resolve(),
    );
    f.failNext({ path: /\/callback$/, status: 500 });
    const interaction = payload.chatInput(f, {
      name: 'ask',
      where: payload.inGuild(firstGuild(f)),
    });

    const { callback } = await f.sendInteraction(interaction);

    expect(f.callbacksFor(interaction.id).map((r) => r.status)).toEqual([500, 204]);
    expect(callback.status).toBe(204);
    expect(errors).toEqual([]);
  });

  it('a response slower than the client timeout fails the reply (delayNext)', async () => {
    const f = await startFake();
    const client = await loggedIn(f, { rest: { api: f.apiUrl, timeout: 150, retries: 0 } });
    const errors = answer(client, (i) =>
      i.isChatInputCommand() ? i.reply('slow') : Promise.resolve(),
    );
    f.delayNext({ path: /\/callback$/, ms: 300 });

    await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(firstGuild(f)) }),
    );
    await expect.poll(() => errors.length, { timeout: 1000 }).toBe(1);

    expect(errors[0]).toMatchObject({ name: 'AbortError' });
  });

  it('reports a route it does not know as unexpected (404)', async () => {
    const f = await startFake();
    const client = await loggedIn(f);

    await expect(client.rest.get('/oauth2/applications/@me')).rejects.toMatchObject({
      status: 404,
    });

    expect(f.unexpectedRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v10/oauth2/applications/@me',
    ]);
  });

  it('echoes bulk command registration with ids, globally and per guild', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const guild = firstGuild(f);

    const global = await client.application?.commands.set([{ name: 'ask', description: 'Ask' }]);
    const local = await client.application?.commands.set(
      [{ name: 'ask', description: 'Ask' }],
      guild.id,
    );

    expect(global?.first()?.id).toMatch(/^\d{17,19}$/);
    expect(local?.first()?.guildId).toBe(guild.id);
    expect(f.registeredCommands().map((c) => c.name)).toEqual(['ask']);
    expect(f.registeredCommands(guild.id)).toHaveLength(1);
    expect(f.unexpectedRequests()).toEqual([]);
  });
});

describe('gateway faults', () => {
  it('after the gateway closes, the client RESUMEs and gets the missed interaction replayed', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const errors = answer(client, (i) =>
      i.isChatInputCommand() ? i.reply('still here') : Promise.resolve(),
    );
    const where = payload.inGuild(firstGuild(f));

    expect(f.closeGateway()).toBe(1);
    // Dispatched while the socket is down: kept by the session and replayed on RESUME.
    const { response } = await f.sendInteraction(payload.chatInput(f, { name: 'ask', where }));
    const resume = await f.waitForResume(1);

    expect(resume).toMatchObject({ accepted: true, replayed: 1, shard: [0, 1] });
    expect(f.connectionPaths()).toEqual(['/gateway-resume']);
    expect(response).toMatchObject({ type: 4, data: { content: 'still here' } });
    expect(f.identifies).toHaveLength(1);
    await f.sendInteraction(payload.chatInput(f, { name: 'ask', where }));
    expect(errors).toEqual([]);
  });

  it('a resumable invalid session (op 9 true) is resumed on the same socket', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    answer(client, (i) => (i.isChatInputCommand() ? i.reply('ok') : Promise.resolve()));

    f.invalidateSession(true);
    const resume = await f.waitForResume(1);

    expect(resume.accepted).toBe(true);
    expect(f.connectionPaths()).toEqual(['/gateway']);
    await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(firstGuild(f)) }),
    );
  });

  it('op 7 reconnect makes the client RESUME on a new socket', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    answer(client, (i) => (i.isChatInputCommand() ? i.reply('ok') : Promise.resolve()));
    const resumed = nextEvent(client, 'shardResume');

    expect(f.requestReconnect()).toBe(1);
    const resume = await f.waitForResume(1);
    await resumed;

    expect(resume.accepted).toBe(true);
    expect(f.connectionPaths()).toEqual(['/gateway-resume']);
    const { callback } = await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(firstGuild(f)) }),
    );
    expect(callback.status).toBe(204);
  });

  it('a dropped socket (no close frame) is resumed', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    answer(client, (i) => (i.isChatInputCommand() ? i.reply('ok') : Promise.resolve()));

    expect(f.dropGateway()).toBe(1);
    const resume = await f.waitForResume(1);
    await f.waitForLiveSessions(1);

    expect(resume.accepted).toBe(true);
    expect(f.identifies).toHaveLength(1);
    const { callback } = await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(firstGuild(f)) }),
    );
    expect(callback.status).toBe(204);
  });

  it('a non-resumable invalid session (op 9 false) makes the client IDENTIFY again', async () => {
    const f = await startFake();
    // Without this discord.js waits out its 5 s identify window before the second IDENTIFY.
    const client = await loggedIn(f, { ws: noIdentifyThrottle });
    answer(client, (i) => (i.isChatInputCommand() ? i.reply('ok') : Promise.resolve()));

    f.invalidateSession(false);
    const second = await f.waitForIdentify(2);
    await f.waitForLiveSessions(1);

    expect(second.shard).toEqual([0, 1]);
    expect(second.sessionId).not.toBe(f.identifies[0]?.sessionId);
    expect(f.resumes).toEqual([]);
    const { callback } = await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(firstGuild(f)) }),
    );
    expect(callback.status).toBe(204);
  });

  it('when heartbeat ACKs stop, the client drops the zombie socket and RESUMEs', async () => {
    const f = await startFake({ heartbeatIntervalMs: 100 });
    const client = await loggedIn(f);
    answer(client, (i) => (i.isChatInputCommand() ? i.reply('ok') : Promise.resolve()));
    await f.waitForGatewayOp(1); // at least one heartbeat was acknowledged normally

    expect(f.stopHeartbeatAcks()).toBe(1);
    const resume = await f.waitForResume(1);
    await f.waitForLiveSessions(1);

    expect(resume.accepted).toBe(true);
    expect(f.connectionPaths()).toEqual(['/gateway-resume']);
    const { callback } = await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(firstGuild(f)) }),
    );
    expect(callback.status).toBe(204);
  });
});

describe('sharding', () => {
  function twoShardGuilds(): payload.FakeGuild[] {
    return [0, 1].map((shard) => payload.fakeGuild({ id: payload.guildIdOnShard(shard, 2) }));
  }

  it('two single-shard clients identify as [0, 2] and [1, 2]; shard 1’s guild goes to its client', async () => {
    const guilds = twoShardGuilds();
    const f = await startFake({ shards: 2, guilds });
    const [shard0, shard1] = await Promise.all([
      loggedIn(f, { shards: 0, shardCount: 2 }),
      loggedIn(f, { shards: 1, shardCount: 2 }),
    ]);
    const receivedBy: string[] = [];
    answer(shard0, async (i) => {
      receivedBy.push('shard 0');
      if (i.isChatInputCommand()) await i.reply('from 0');
    });
    answer(shard1, async (i) => {
      receivedBy.push('shard 1');
      if (i.isChatInputCommand()) await i.reply('from 1');
    });
    const [guild0, guild1] = guilds as [payload.FakeGuild, payload.FakeGuild];

    const { response } = await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(guild1) }),
    );

    expect(f.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...shard0.guilds.cache.keys()]).toEqual([guild0.id]);
    expect([...shard1.guilds.cache.keys()]).toEqual([guild1.id]);
    expect(response).toMatchObject({ data: { content: 'from 1' } });
    expect(receivedBy).toEqual(['shard 1']);
  });

  it("one client with shards: 'auto' spawns the recommended 2 shards", async () => {
    const guilds = twoShardGuilds();
    const f = await startFake({ shards: 2, guilds });
    const client = await loggedIn(f, { shards: 'auto' });
    const rawShards: number[] = [];
    client.on('raw', (packet: { t?: string }, shardId: number) => {
      if (packet.t === 'INTERACTION_CREATE') rawShards.push(shardId);
    });
    answer(client, (i) => (i.isChatInputCommand() ? i.reply('ok') : Promise.resolve()));

    await f.sendInteraction(
      payload.chatInput(f, { name: 'ask', where: payload.inGuild(guilds[1]!) }),
    );
    await f.sendInteraction(payload.chatInput(f, { name: 'ask', where: payload.inDM() }));

    expect(f.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(client.guilds.cache.size).toBe(2);
    expect(rawShards).toEqual([1, 0]);
  });
});

describe('messages', () => {
  it('a MESSAGE_CREATE mentioning the bot reaches messageCreate; message.reply posts to the channel', async () => {
    const f = await startFake();
    const client = await loggedIn(f);
    const errors: unknown[] = [];
    client.on('messageCreate', (m) => {
      if (client.user && m.mentions.has(client.user)) {
        m.reply(`you said: ${m.content}`).catch((error: unknown) => errors.push(error));
      }
    });
    const guild = firstGuild(f);
    const mention = payload.mentionMessageCreate(f, {
      where: payload.inGuild(guild),
      text: 'who found the letter?',
    });

    f.dispatchMessage(mention);
    const post = await f.waitForRequest((r) => r.route === ROUTES.createMessage);

    expect(post.path).toBe(`/api/v10/channels/${guild.textChannelId}/messages`);
    expect(post.status).toBe(200);
    expect(post.headers.authorization).toBe(`Bot ${f.token}`);
    expect(post.body).toMatchObject({
      content: `you said: <@${f.botUser.id}> who found the letter?`,
      message_reference: { message_id: mention.id },
    });
    expect(errors).toEqual([]);
    expect(f.unexpectedRequests()).toEqual([]);
  });
});
