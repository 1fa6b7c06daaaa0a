/**
 * The bot end to end: the real discord.js client, our gateway adapter and command modules, against
 * the local fake Discord. Every REST call is recorded; a test fails on any call the bot should not
 * have made or that Discord would have rejected (limits, double replies, late replies).
 */
import type {
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { Locale } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/bot/commandTypes.js';
import { CommandRouter } from '../../src/bot/router.js';
import {
  renderInteractionResponse,
  renderUpdateResponse,
} from '../../src/discord/discordRenderer.js';
import { expectWithinDiscordLimits } from '../support/discordLimits.js';
import { seedRouter } from '../support/seed.js';
import { startBot, stopAll, type RunningBot } from './support/bot.js';
import { FakeDiscord, ROUTES } from './support/fakeDiscord.js';
import * as payload from './support/payloads.js';
import { messageText, pageRow } from '../support/componentsV2.js';

let fake: FakeDiscord;
let bot: RunningBot | undefined;
let router: CommandRouter;
const latencies: number[] = [];

beforeAll(async () => {
  router = await seedRouter();
});

beforeEach(async () => {
  fake = await FakeDiscord.start({ requireToken: 'test-token.abcdefghijklmnopqrstuvwxyz' });
});

afterEach(async () => {
  try {
    expect(fake.unexpectedRequests().map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(
      fake.rejectedRequests().map((r) => `${r.method} ${r.path}: ${r.note ?? r.status}`),
    ).toEqual([]);
  } finally {
    await stopAll(bot, fake);
    bot = undefined;
  }
});

afterAll(() => {
  // For the issue notes: dispatch by the fake → callback received by the fake (printed, never asserted).
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number): string =>
    (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(2);
  console.log(
    `interaction latency (dispatch → callback), n=${sorted.length}: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`,
  );
});

const guild = () => fake.guilds[0]!;
const member = (who = payload.user()) => payload.inGuild(guild(), who);

/** Sends an interaction and returns the bot's response; `measure` adds it to the latency figures. */
async function send(body: Parameters<FakeDiscord['sendInteraction']>[0], measure = true) {
  const exchange = await fake.sendInteraction(body);
  if (measure) latencies.push(exchange.latencyMs);
  return exchange.response;
}

async function command(
  line: { name: string; subcommand?: string; options?: payload.CommandOption[] },
  where = member(),
) {
  return send(payload.chatInput(fake, { ...line, where }));
}

const messageData = (response: APIInteractionResponse): APIInteractionResponseCallbackData =>
  ('data' in response ? response.data : {}) as APIInteractionResponseCallbackData;
const choicesOf = (response: APIInteractionResponse): { name: string; value: string }[] =>
  ('data' in response
    ? (response.data as { choices?: { name: string; value: string }[] }).choices
    : undefined) ?? [];

describe('gateway bot', () => {
  it('logs in with only the non-privileged intents it needs and becomes ready', async () => {
    bot = await startBot(fake, router);
    const intents = fake.identifies[0]?.intents;
    // Guilds (1) | GuildMessages (512) | DirectMessages (4096); never MessageContent (32768) or members/presences.
    expect(intents).toBe(1 | 512 | 4096);
    expect(bot.gateway.client.isReady()).toBe(true);
    expect(bot.log.text()).not.toContain(fake.token);
  });

  it('answers /story review-status with exactly the body the CLI prints', async () => {
    bot = await startBot(fake, router);
    const response = await command({ name: 'story', subcommand: 'review-status' });
    const cli = renderInteractionResponse(router.runLine('/story review-status').reply, {
      fingerprint: router.story.corpus.fingerprint,
    });
    expect(response).toEqual(JSON.parse(JSON.stringify(cli)));
    expectWithinDiscordLimits(messageData(response));
  });

  it('answers in the user’s language (interaction.locale), quotes verbatim, exactly as the CLI with --locale', async () => {
    bot = await startBot(fake, router);
    const asked = {
      ...payload.chatInput(fake, { name: 'story', subcommand: 'review-status', where: member() }),
      locale: Locale.SpanishLATAM,
    };
    const response = await send(asked);
    const cli = renderInteractionResponse(router.runLine('/story review-status', 'es-419').reply, {
      fingerprint: router.story.corpus.fingerprint,
    });
    expect(response).toEqual(JSON.parse(JSON.stringify(cli)));
    const text = messageText(messageData(response));
    expect(text).toContain('## Estado de la revisión');
    expect(text).toContain('**A cargo de**');
    expect(text).toContain('The tech company said it would turn to the law firm of');
    expect(text).toMatch(/-# .*nunca traducidas/u);
  });

  it('answers /quote with results, and with a helpful message when nothing matches', async () => {
    bot = await startBot(fake, router);
    const found = messageData(
      await command({ name: 'quote', options: [payload.option.string('text', 'urgent review')] }),
    );
    expect(messageText(found)).toContain('**urgent review**');
    expect(found.allowed_mentions).toEqual({ parse: [] });
    const none = messageData(
      await command({ name: 'quote', options: [payload.option.string('text', 'zebra crossing')] }),
    );
    expect(none.flags).toBe(64 | 32768);
    expect(messageText(none)).toContain('Nothing in the sources matches “zebra crossing”');
  });

  it('autocompletes /quote text with at most 25 passages, and a picked passage id shows that passage', async () => {
    bot = await startBot(fake, router);
    const response = await send(
      payload.autocomplete(fake, {
        name: 'quote',
        options: [payload.option.focused('text', 'hostag')],
        where: member(),
      }),
    );
    expect(response.type).toBe(8);
    const choices = choicesOf(response);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    expect(choices[0]?.name).toMatch(/^Microsoft: “.*hostages/);
    const picked = messageData(
      await command({ name: 'quote', options: [payload.option.string('text', choices[0]!.value)] }),
    );
    expect(messageText(picked)).toContain('hostages');
  });

  it('autocompletes /story who name from the parties', async () => {
    bot = await startBot(fake, router);
    const response = await send(
      payload.autocomplete(fake, {
        name: 'story',
        subcommand: 'who',
        options: [payload.option.focused('name', 'cov')],
        where: member(),
      }),
    );
    expect(choicesOf(response).map((c) => c.name)).toEqual(['Covington & Burling LLP']);
  });

  it('turns pages with the buttons: the author updates the message, others get the page privately', async () => {
    bot = await startBot(fake, router);
    const author = payload.user();
    const first = await send(
      payload.chatInput(fake, {
        name: 'quote',
        options: [payload.option.string('text', 'Microsoft')],
        where: member(author),
      }),
    );
    const firstId = fake.callbacksFor(fake.requests.at(-1)!.params.id!)[0]!.params.id!;
    const original = fake.originalMessage(firstId)!;
    const row = pageRow(messageData(first));
    const next = row.next;

    const turned = await send(
      payload.buttonClick(fake, { customId: next, where: member(author), message: original }),
    );
    expect(turned.type).toBe(7);
    expect(messageData(turned).components?.length).toBe(2);
    expect(messageText(messageData(turned))).toMatch(
      /-# Page 2 of \d+ · \/quote text\\:"Microsoft"$/,
    );

    const other = await send(
      payload.buttonClick(fake, { customId: next, where: member(), message: original }),
    );
    expect(other.type).toBe(4);
    expect(messageData(other).flags).toBe(64 | 32768);
    expect(messageText(messageData(other))).toMatch(/-# Page 2 of/);
  });

  it('turns a page of a question with option-like words in it to that same question’s next page', async () => {
    bot = await startBot(fake, router);
    const author = payload.user();
    const question = 'what did microsoft say about azure? page:2';
    const first = await send(
      payload.chatInput(fake, {
        name: 'story',
        subcommand: 'ask',
        options: [payload.option.string('question', question)],
        where: member(author),
      }),
    );
    const firstId = fake.callbacksFor(fake.requests.at(-1)!.params.id!)[0]!.params.id!;
    const original = fake.originalMessage(firstId)!;
    expect(messageText(original)).toContain(
      `-# Page 1 of 5 · /story ask question\\:"what did microsoft say about azure? page\\:2"`,
    );
    const row = pageRow(messageData(first));

    const turned = await send(
      payload.buttonClick(fake, {
        customId: row.next,
        where: member(author),
        message: original,
      }),
    );
    const direct = renderUpdateResponse(
      router.run({ name: 'story', subcommand: 'ask', options: { question }, page: 2 }),
      { fingerprint: router.story.corpus.fingerprint },
    );
    expect(turned).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('refuses a stale or foreign button clearly, privately', async () => {
    bot = await startBot(fake, router);
    const stale = await send(
      payload.buttonClick(fake, { customId: 'page:next:2:AAAAAAAAAAAAAAAA', where: member() }),
    );
    expect(messageData(stale).flags).toBe(64 | 32768);
    expect(messageText(messageData(stale))).toMatch(/not one this bot knows|have been updated/);
  });

  it('answers privately when private:true', async () => {
    bot = await startBot(fake, router);
    const response = await command({
      name: 'quote',
      options: [payload.option.string('text', 'Burling'), payload.option.boolean('private', true)],
    });
    expect(messageData(response).flags).toBe(64 | 32768);
  });

  it('answers a message that mentions it, replying to that message with mentions disabled', async () => {
    bot = await startBot(fake, router);
    const event = payload.mentionMessageCreate(fake, {
      where: member(),
      text: 'Who is conducting the review? @everyone',
    });
    fake.dispatchMessage(event);
    const reply = await fake.waitForRequest((r) => r.route === ROUTES.createMessage);
    const body = reply.body as APIInteractionResponseCallbackData & {
      message_reference?: { message_id: string };
      allowed_mentions?: unknown;
    };
    expect(body.message_reference?.message_id).toBe(event.id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(messageText(body)).toContain('Covington and Buling LLP');
    expect(messageText(body)).toContain('\\@everyone');
  });

  it('ignores messages that do not mention it, and other bots', async () => {
    bot = await startBot(fake, router);
    const plain = payload.mentionMessageCreate(fake, { where: member(), text: 'hello' });
    const unmentioned = { ...plain, content: 'no mention here', mentions: [] };
    fake.dispatchMessage(unmentioned);
    fake.dispatchMessage({
      ...payload.mentionMessageCreate(fake, {
        where: member(payload.user({ bot: true })),
        text: 'loop?',
      }),
    });
    // A later command round trip proves both messages were processed before it.
    await command({ name: 'story', subcommand: 'sources' });
    expect(fake.requests.filter((r) => r.route === ROUTES.createMessage)).toEqual([]);
  });

  it('answers a handler error with a short private apology, logs it with the interaction id, and keeps serving', async () => {
    const boom: CommandModule = {
      name: 'boom',
      definition: () => ({ name: 'boom', description: 'fails' }),
      execute: () => {
        throw new Error('kaboom');
      },
    };
    bot = await startBot(fake, new CommandRouter(router.story, [...router.commands, boom]));
    const interaction = payload.chatInput(fake, { name: 'boom', where: member() });
    const response = await send(interaction);
    expect(messageData(response).flags).toBe(64 | 32768);
    expect(messageText(messageData(response))).toContain('Sorry, something went wrong');
    expect(
      bot.log.lines.some((l) => l.msg === 'handler failed' && l.interaction === interaction.id),
    ).toBe(true);
    const after = await command({
      name: 'quote',
      options: [payload.option.string('text', 'urgent review')],
    });
    expect(after.type).toBe(4);
  });

  it('checks the quotation in a message from the "Check quote" context menu', async () => {
    bot = await startBot(fake, router);
    const author = payload.user();
    const target = payload.userMessage(author, {
      channelId: guild().textChannelId,
      content:
        'Microsoft literally wrote “we believe Microsoft has violated these Commitments in Israel and Gaza” <@123456789012345678>',
    });
    const response = await send(
      payload.messageContextMenu(fake, { name: 'Check quote', target, where: member() }),
    );
    const description = messageText(messageData(response));
    expect(description).toContain('**Close, not verbatim**');
    expect(description).toContain('~~violated~~ → **abided by**');
    expect(description).toContain('— **Microsoft**, direct quote');
    expect(messageData(response).allowed_mentions).toEqual({ parse: [] });
  });

  it('leads the "Check quote" reply with a changed meaning when there is one', async () => {
    bot = await startBot(fake, router);
    const target = payload.userMessage(payload.user(), {
      channelId: guild().textChannelId,
      content:
        'lol microsoft literally said "it conducted an internal review and found evidence that its technologies were being used to target or harm people in Gaza"',
    });
    const response = await send(
      payload.messageContextMenu(fake, { name: 'Check quote', target, where: member() }),
    );
    expect(messageText(messageData(response))).toMatch(
      /⛔ \*\*Changes the meaning\.\*\* The source says “…review and found \*\*no\*\* evidence that its…”; the message leaves out “no”\.\n⚠️ \*\*Close, not verbatim\*\*/,
    );
  });

  it('says so when the "Check quote" target has no text', async () => {
    bot = await startBot(fake, router);
    const target = payload.userMessage(payload.user(), {
      channelId: guild().textChannelId,
      content: '',
    });
    const response = await send(
      payload.messageContextMenu(fake, { name: 'Check quote', target, where: member() }),
    );
    expect(messageData(response).flags).toBe(64 | 32768);
    expect(messageText(messageData(response))).toContain('no text to check');
  });

  it('says clearly when a command is unknown', async () => {
    bot = await startBot(fake, router);
    const response = await command({ name: 'retired-command' });
    expect(messageData(response).flags).toBe(64 | 32768);
    expect(messageText(messageData(response))).toContain('no /retired-command command');
  });

  it('slows a user down past the cooldown, privately, without affecting others', async () => {
    bot = await startBot(fake, router, { cooldown: { commands: 2, windowMs: 60_000 } });
    const flooder = payload.user();
    for (let i = 0; i < 2; i++)
      expect(
        messageData(await command({ name: 'story', subcommand: 'sources' }, member(flooder))).flags,
      ).toBe(32768);
    const third = messageData(
      await command({ name: 'story', subcommand: 'sources' }, member(flooder)),
    );
    expect(third.flags).toBe(64 | 32768);
    expect(messageText(third)).toContain('## Slow down');
    expect(messageData(await command({ name: 'story', subcommand: 'sources' })).flags).toBe(32768);
  });

  it('still lands the reply after a REST 429 on the callback, once retry-after has passed', async () => {
    bot = await startBot(fake, router);
    fake.failNext({ method: 'POST', path: /\/callback$/, status: 429, retryAfter: 0.3 });
    const interaction = payload.chatInput(fake, {
      name: 'story',
      subcommand: 'timeline',
      where: member(),
    });
    const response = await send(interaction, false);
    expect(response.type).toBe(4);
    const attempts = fake.requests.filter(
      (r) => r.route === ROUTES.callback && r.params.id === interaction.id,
    );
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[1]!.receivedAt - attempts[0]!.receivedAt).toBeGreaterThanOrEqual(250);
  });

  it('resumes after the gateway closes and still answers', async () => {
    bot = await startBot(fake, router);
    fake.closeGateway(4000);
    await fake.waitForResume(1, 5000);
    const response = await command({
      name: 'quote',
      options: [payload.option.string('text', 'Covington')],
    });
    expect(response.type).toBe(4);
  });
});
