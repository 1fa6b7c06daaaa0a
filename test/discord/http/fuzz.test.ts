/**
 * Fuzzing the HTTP endpoint with signed payloads (so they get past the door): random and hostile
 * option values, missing fields, wrong types, unknown commands, oversized strings. Whatever
 * arrives, the answer is a 2xx or 4xx, every message fits Discord's limits, and the server lives.
 */
import type { Server } from 'node:http';
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../../src/discord/http/server.js';
import { createLogger } from '../../../src/logging/logger.js';
import { expectWithinDiscordLimits } from '../../support/discordLimits.js';
import { hostileString } from '../../support/hostile.js';
import { seedRouter } from '../../support/seed.js';
import { MemoryLog } from '../../e2e/support/bot.js';
import * as payload from '../../e2e/support/payloads.js';
import { closeNow, listenLocal, post, TestSigner } from './support/signed.js';

const BODY_LIMIT = 128 * 1024;
const signer = new TestSigner();
const app = { applicationId: payload.snowflake(), botUser: payload.botUser() };
const guild = payload.fakeGuild();
const log = new MemoryLog();
let server: Server;
let url: string;

beforeAll(async () => {
  server = createHttpServer(
    await seedRouter(),
    // A budget no run reaches, so the commands themselves are fuzzed, not the cooldown.
    { publicKey: signer.publicKeyHex, cooldown: { commands: 1_000_000, windowMs: 1000 } },
    createLogger('info', log.stream),
    { bodyLimitBytes: BODY_LIMIT },
  );
  url = `${await listenLocal(server)}/interactions`;
});
afterAll(async () => {
  await closeNow(server);
});

// ---------------------------------------------------------------------------------------------
// Payloads: valid interactions of every kind, then mutated

const where = fc.oneof(
  fc.constant(null).map(() => payload.inGuild(guild)),
  fc.constant(null).map(() => payload.inDM()),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const optionName = fc.oneof(
  fc.constantFrom('text', 'question', 'name', 'source', 'speaker', 'private', 'page', 'quote'),
  fc.string({ maxLength: 40 }),
  fc.constant('__proto__'),
);
const commandLine = fc.oneof(
  fc.record({
    name: fc.constant('story'),
    subcommand: fc.constantFrom('review-status', 'timeline', 'who', 'ask', 'sources', 'check'),
  }),
  fc.record({ name: fc.constant('quote'), subcommand: fc.constant(undefined) }),
  fc.record({
    name: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('Check quote', 'retired')),
    subcommand: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  }),
);
const options = fc.array(fc.tuple(optionName, value), { maxLength: 4 });

const chatInput = fc
  .record({ line: commandLine, options, where })
  .map(({ line, options: opts, where: w }) =>
    payload.chatInput(app, {
      name: line.name || 'x',
      ...(line.subcommand ? { subcommand: line.subcommand } : {}),
      // Values of any type on purpose: Discord's types say string, the fuzzer says otherwise.
      options: opts.map(([name, v]) => ({ name, type: 3, value: v as string })),
      where: w,
    }),
  );
const autocomplete = fc
  .record({ line: commandLine, focusedName: optionName, typed: value, others: options, where })
  .map(({ line, focusedName, typed, others, where: w }) =>
    payload.autocomplete(app, {
      name: line.name || 'x',
      ...(line.subcommand ? { subcommand: line.subcommand } : {}),
      options: [
        ...others.map(([name, v]) => ({ name, type: 3 as const, value: v as string })),
        { name: focusedName, type: 3, value: typed as string, focused: true },
      ],
      where: w,
    }),
  );
const button = fc
  .record({
    customId: fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.constantFrom('page:next:2:AAAAAAAAAAAAAAAA', 'page:prev:1:x', 'page:next:999999:y'),
    ),
    footer: fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        '-# Page 1 of 3 · /quote text\\:"Microsoft"',
        '-# Page 1 of 2 · /story ask question\\:"x"',
      ),
      hostileString,
    ),
    where,
  })
  .map(({ customId, footer, where: w }) =>
    payload.buttonClick(app, {
      customId,
      where: w,
      message: payload.commandReply(app, {
        channelId: w.channelId,
        ranBy: w.user,
        flags: 1 << 15,
        components: [{ type: 17, components: [{ type: 10, content: footer }] }],
      }),
    }),
  );
const contextMenu = fc
  .record({
    name: fc.constantFrom('Check quote', 'Find sources', 'x'),
    content: hostileString,
    where,
  })
  .map(({ name, content, where: w }) =>
    payload.messageContextMenu(app, {
      name,
      target: payload.userMessage(payload.user(), { channelId: w.channelId, content }),
      where: w,
    }),
  );
const ping = fc.constant(null).map(() => ({
  id: payload.snowflake(),
  type: 1,
  application_id: app.applicationId,
  token: 't',
  version: 1,
}));

type Path = (string | number)[];
const PATHS: Path[] = [
  ['id'],
  ['type'],
  ['member'],
  ['member', 'user'],
  ['member', 'user', 'id'],
  ['user'],
  ['guild_id'],
  ['data'],
  ['data', 'name'],
  ['data', 'type'],
  ['data', 'options'],
  ['data', 'options', 0],
  ['data', 'options', 0, 'name'],
  ['data', 'options', 0, 'type'],
  ['data', 'options', 0, 'value'],
  ['data', 'options', 0, 'focused'],
  ['data', 'options', 0, 'options'],
  ['data', 'options', 0, 'options', 0, 'value'],
  ['data', 'target_id'],
  ['data', 'resolved'],
  ['data', 'resolved', 'messages'],
  ['data', 'custom_id'],
  ['data', 'component_type'],
  ['message'],
  ['message', 'components'],
  ['message', 'components', 0, 'components'],
  ['message', 'components', 0, 'components', 0, 'content'],
  ['message', 'interaction_metadata'],
];

type Mutation =
  | { kind: 'delete'; path: Path }
  | { kind: 'set'; path: Path; value: unknown }
  | { kind: 'oversize'; path: Path; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...PATHS), value }),
  fc.record({
    kind: fc.constant('oversize' as const),
    path: fc.constantFrom<Path>(
      ['data', 'options', 0, 'value'],
      ['data', 'name'],
      ['data', 'custom_id'],
    ),
    length: fc.oneof(
      fc.integer({ min: 100, max: 10_000 }),
      fc.integer({ min: 100_000, max: 300_000 }),
    ),
  }),
);

function mutate(target: Record<string, unknown>, m: Mutation): void {
  let parent: unknown = target;
  for (const key of m.path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null) return;
  const last = m.path.at(-1)!;
  const record = parent as Record<string | number, unknown>;
  if (m.kind === 'delete') delete record[last];
  else if (m.kind === 'set') record[last] = m.value;
  else record[last] = 'review '.repeat(Math.ceil(m.length / 7)).slice(0, m.length);
}

const interaction = fc
  .tuple(
    fc.oneof(chatInput, autocomplete, button, contextMenu, ping),
    fc.array(mutation, { maxLength: 3 }),
  )
  .map(([raw, mutations]) => {
    const copy = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
    for (const m of mutations) mutate(copy, m);
    return copy;
  });

// ---------------------------------------------------------------------------------------------

function expectValidAnswer(status: number, json: unknown, sentType: unknown, size: number): void {
  if (size > BODY_LIMIT) {
    expect(status).toBe(413);
    return;
  }
  expect([200, 400]).toContain(status);
  if (status !== 200) return;
  const response = json as { type: number; data?: unknown };
  if (response.type === 1) {
    expect(sentType).toBe(1);
    return;
  }
  if (response.type === 8) {
    expect(sentType).toBe(4);
    const choices = (response.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    return;
  }
  expect([4, 7]).toContain(response.type);
  if (response.type === 7) expect(sentType).toBe(3);
  expectWithinDiscordLimits(response.data as APIInteractionResponseCallbackData);
}

describe('HTTP endpoint under fuzzing', () => {
  it('answers every signed payload with a valid 2xx/4xx, within Discord’s limits', async () => {
    await fc.assert(
      fc.asyncProperty(interaction, async (raw) => {
        const body = JSON.stringify(raw);
        const size = Buffer.byteLength(body);
        const answer = await post(url, body, signer.headers(body)).catch((error: unknown) => {
          // Over the limit the server answers 413 and hangs up mid-upload; a client still
          // sending may see the reset before the answer. Anything else is a failure.
          if (size > BODY_LIMIT) return undefined;
          throw error;
        });
        if (answer) expectValidAnswer(answer.status, answer.json, raw.type, size);
      }),
      { numRuns: 400 },
    );
  });

  it('answers signed bodies that are not JSON objects with 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 500 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (body) => {
          const answer = await post(url, body, signer.headers(body));
          expect([200, 400]).toContain(answer.status);
          if (answer.status === 200) expect(JSON.parse(body)).toMatchObject({ type: 1 });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers any unsigned or badly signed request with 401', async () => {
    await fc.assert(
      fc.asyncProperty(
        interaction,
        fc.record(
          {
            'x-signature-ed25519': fc.oneof(
              fc.stringMatching(/^[0-9a-f]{128}$/),
              fc.string({ maxLength: 130 }),
            ),
            'x-signature-timestamp': fc.oneof(
              fc.integer({ min: 0, max: 2 ** 40 }).map(String),
              fc.string({ maxLength: 12 }),
            ),
          },
          { requiredKeys: [] },
        ),
        async (raw, headers) => {
          const body = JSON.stringify(raw);
          const safe = Object.fromEntries(
            Object.entries(headers).filter(([, v]) => /^[\x20-\x7e]*$/.test(v)),
          );
          const oversize = Buffer.byteLength(body) > BODY_LIMIT;
          const answer = await post(url, body, safe).catch((error: unknown) => {
            if (oversize) return undefined; // see above
            throw error;
          });
          if (answer) expect(answer.status).toBe(oversize ? 413 : 401);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is still healthy, and logged no failure, after all of it', async () => {
    const health = await fetch(url.replace('/interactions', '/healthz'));
    expect(health.status).toBe(200);
    const failures = log.lines.filter((l) => (l.level as number) >= 50);
    expect(failures.map((l) => `${String(l.msg)} ${JSON.stringify(l.err ?? '')}`)).toEqual([]);
  });
});
