/**
 * `fromApi` (raw payloads, HTTP mode) must read an interaction exactly as `fromDiscordJs` (gateway
 * mode) does: the same payload through discord.js's own interaction classes gives the same request.
 */
import {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Client,
  MessageContextMenuCommandInteraction,
  type Interaction,
} from 'discord.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fromDiscordJs } from '../../src/discord/fromDiscordJs.js';
import { fromApi } from '../../src/discord/fromApi.js';
import * as payload from '../e2e/support/payloads.js';

const app = { applicationId: payload.snowflake(), botUser: payload.botUser() };
const guild = payload.fakeGuild();
// Never logged in: discord.js's interaction classes only need it as their owner.
const client = new Client({ intents: [] });
afterAll(() => client.destroy());

/** What the wire carries: JSON, so both converters see exactly what Discord sends. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** discord.js's typings hide these constructors; discord.js itself calls them with (client, data). */
type InteractionClass = new (owner: Client, data: unknown) => Interaction;

function viaDiscordJs(raw: { type: number; data?: unknown }): Interaction {
  const build = (cls: unknown): Interaction => new (cls as InteractionClass)(client, raw);
  if (raw.type === 4) return build(AutocompleteInteraction);
  if (raw.type === 3) return build(ButtonInteraction);
  if ((raw.data as { type?: number } | undefined)?.type === 3) {
    return build(MessageContextMenuCommandInteraction);
  }
  return build(ChatInputCommandInteraction);
}

const optionName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,31}$/);
const where = fc.oneof(
  fc.constant(null).map(() => payload.inGuild(guild)),
  fc.constant(null).map(() => payload.inDM()),
);
const option: fc.Arbitrary<payload.CommandOption> = fc.oneof(
  fc.tuple(optionName, fc.string({ maxLength: 300 })).map(([n, v]) => payload.option.string(n, v)),
  fc.tuple(optionName, fc.integer()).map(([n, v]) => payload.option.integer(n, v)),
  fc.tuple(optionName, fc.boolean()).map(([n, v]) => payload.option.boolean(n, v)),
  fc
    .tuple(optionName, fc.double({ noNaN: true, noDefaultInfinity: true }))
    .map(([n, v]) => payload.option.number(n, v)),
);
const commandName = fc.constantFrom('story', 'quote', 'retired', 'x'.repeat(32));
const subcommand = fc.option(fc.constantFrom('ask', 'who', 'review-status'), { nil: undefined });

const chatInput = fc
  .record({
    name: commandName,
    subcommand,
    options: fc.array(option, { maxLength: 5 }),
    where,
  })
  .map(({ subcommand: sub, ...spec }) =>
    payload.chatInput(app, { ...spec, ...(sub ? { subcommand: sub } : {}) }),
  );

const autocomplete = fc
  .record({
    name: commandName,
    subcommand,
    focused: fc.tuple(optionName, fc.string({ maxLength: 100 })),
    others: fc.array(
      fc.tuple(optionName, fc.string({ maxLength: 50 })).map(([n, v]) => ({
        name: n,
        type: 3 as const,
        value: v,
      })),
      { maxLength: 3 },
    ),
    where,
  })
  .map(({ name, subcommand: sub, focused, others, where: w }) =>
    payload.autocomplete(app, {
      name,
      ...(sub ? { subcommand: sub } : {}),
      options: [...others, payload.option.focused(...focused)],
      where: w,
    }),
  );

const button = fc
  .record({
    customId: fc.string({ maxLength: 100 }),
    footer: fc.option(fc.string({ minLength: 1, maxLength: 200 }), { nil: undefined }),
    above: fc.option(fc.string({ minLength: 1, maxLength: 50 }), { nil: undefined }),
    ownClick: fc.boolean(),
  })
  .map(({ customId, footer, above, ownClick }) => {
    const w = payload.inGuild(guild);
    const message = payload.commandReply(app, {
      channelId: guild.textChannelId,
      ranBy: ownClick ? w.user : payload.user(),
      flags: 1 << 15,
      components:
        footer === undefined
          ? []
          : [
              {
                type: 17,
                components: [
                  ...(above === undefined ? [] : [{ type: 10 as const, content: above }]),
                  { type: 10, content: `-# ${footer}` },
                ],
              },
            ],
    });
    return payload.buttonClick(app, { customId, where: w, message });
  });

const contextMenu = fc
  .record({ content: fc.string({ maxLength: 2000 }), where })
  .map(({ content, where: w }) =>
    payload.messageContextMenu(app, {
      name: 'Check quote',
      target: payload.userMessage(payload.user(), { channelId: w.channelId, content }),
      where: w,
    }),
  );

describe('fromApi', () => {
  it('reads every kind of interaction exactly as fromDiscordJs reads it through discord.js', () => {
    fc.assert(
      fc.property(fc.oneof(chatInput, autocomplete, button, contextMenu), (raw) => {
        const sent = wire(raw);
        expect(fromApi(sent)).toEqual({ ok: true, request: fromDiscordJs(viaDiscordJs(sent)) });
      }),
      { numRuns: 300 },
    );
  });

  it('answers PING with a ping request (no user)', () => {
    expect(fromApi({ id: '1', type: 1, application_id: '2', token: 't', version: 1 })).toEqual({
      ok: true,
      request: { id: '1', userId: '', guildId: undefined, kind: 'ping' },
    });
  });

  it('takes a message context menu’s target from resolved.messages[target_id]', () => {
    const w = payload.inGuild(guild);
    const target = payload.userMessage(w.user, {
      channelId: guild.textChannelId,
      content: 'Microsoft said “urgent review”',
    });
    const converted = fromApi(
      wire(payload.messageContextMenu(app, { name: 'Check quote', target, where: w })),
    );
    expect(converted).toMatchObject({
      ok: true,
      request: {
        kind: 'command',
        invocation: {
          name: 'Check quote',
          options: {},
          targetMessage: { id: target.id, content: 'Microsoft said “urgent review”' },
        },
      },
    });
  });

  it('refuses a message context menu whose target is missing from resolved', () => {
    const raw = wire(
      payload.messageContextMenu(app, {
        name: 'Check quote',
        target: payload.userMessage(payload.user(), { channelId: guild.textChannelId }),
        where: payload.inGuild(guild),
      }),
    );
    for (const data of [
      { ...raw.data, target_id: '123' },
      { ...raw.data, target_id: '__proto__' },
      { ...raw.data, resolved: {} },
    ]) {
      expect(fromApi({ ...raw, data })).toMatchObject({ ok: false, problem: /target message/ });
    }
  });

  it('reads a subcommand inside a group, flattening its options', () => {
    const raw = wire(payload.chatInput(app, { name: 'admin', where: payload.inGuild(guild) }));
    const data = {
      ...raw.data,
      options: [
        {
          name: 'corpus',
          type: 2,
          options: [
            { name: 'reload', type: 1, options: [{ name: 'force', type: 5, value: true }] },
          ],
        },
      ],
    };
    expect(fromApi({ ...raw, data })).toMatchObject({
      ok: true,
      request: { invocation: { name: 'admin', subcommand: 'reload', options: { force: true } } },
    });
  });

  it('keeps an option named __proto__ an ordinary key', () => {
    const raw = wire(
      payload.chatInput(app, {
        name: 'quote',
        options: [payload.option.string('__proto__', 'x'), payload.option.string('text', 'y')],
        where: payload.inGuild(guild),
      }),
    );
    const converted = fromApi(raw);
    if (!converted.ok || converted.request.kind !== 'command') throw new Error('not a command');
    const { options } = converted.request.invocation;
    expect(Object.getPrototypeOf(options)).toBe(Object.prototype);
    expect(Object.hasOwn(options, '__proto__')).toBe(true);
    expect(options.text).toBe('y');
  });

  it('calls interactions it does not handle unsupported: modals, select menus, user context menus', () => {
    const base = wire(payload.chatInput(app, { name: 'x', where: payload.inGuild(guild) }));
    const cases = [
      { ...base, type: 5, data: { custom_id: 'modal', components: [] } },
      { ...base, type: 3, data: { custom_id: 'menu', component_type: 3, values: ['a'] } },
      { ...base, data: { id: '1', name: 'Profile', type: 2, target_id: '5' } },
      { ...base, type: 99 },
    ];
    for (const raw of cases) {
      expect(fromApi(raw)).toMatchObject({ ok: true, request: { kind: 'unsupported' } });
    }
  });

  it('reads a button whose message is malformed as a button without texts or owner', () => {
    const raw = wire(
      payload.buttonClick(app, { customId: 'page:next:2:x', where: payload.inDM() }),
    );
    for (const message of [
      undefined,
      null,
      'text',
      { components: 'no' },
      { components: [{ type: 10, content: 5 }] },
      { components: [{ type: 17, components: [null, { type: 10 }] }] },
    ]) {
      expect(fromApi({ ...raw, message })).toMatchObject({
        ok: true,
        request: { kind: 'button', messageTexts: [], messageOwnerId: undefined },
      });
    }
  });

  it('refuses what is not an interaction, naming the field', () => {
    const good = wire(payload.chatInput(app, { name: 'story', where: payload.inGuild(guild) }));
    const cases: [unknown, RegExp][] = [
      [null, /^interaction:/],
      [[], /^interaction:/],
      ['ping', /^interaction:/],
      [{}, /^id:/],
      [{ ...good, id: 5 }, /^id:/],
      [{ ...good, type: '2' }, /^type:/],
      [{ ...good, member: undefined }, /no member\.user or user/],
      [{ ...good, data: undefined }, /^data\./],
      [{ ...good, data: { ...good.data, name: '' } }, /^data\.name:/],
      [{ ...good, data: { ...good.data, options: 'text' } }, /^data\.options:/],
      [
        { ...good, data: { ...good.data, options: [{ name: 'x', type: 3, value: {} }] } },
        /^data\.options/,
      ],
    ];
    for (const [raw, problem] of cases) {
      expect(fromApi(raw)).toMatchObject({
        ok: false,
        problem: expect.stringMatching(problem) as unknown,
      });
    }
  });

  it('refuses an autocomplete without a focused option', () => {
    const raw = wire(
      payload.autocomplete(app, {
        name: 'quote',
        options: [payload.option.focused('text', 'x')],
        where: payload.inDM(),
      }),
    );
    const data = { ...raw.data, options: [{ name: 'text', type: 3, value: 'x' }] };
    expect(fromApi({ ...raw, data })).toMatchObject({ ok: false, problem: /focused/ });
  });
});
