/**
 * A page turn answers exactly the question that was asked: the command travels as data, never as
 * text read back with the command-line parser, so words in a question that look like options
 * (`page:2`, `speaker:…`) stay words of the question. First the footer's grammar, then page turns
 * driven as Discord drives them: the interaction payload on the wire, the clicked message's footer
 * and the button's real custom_id.
 */
import type {
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Invocation } from '../../src/bot/commandTypes.js';
import type { CommandRouter } from '../../src/bot/router.js';
import { renderUpdateResponse } from '../../src/discord/discordRenderer.js';
import { fromApi } from '../../src/discord/fromApi.js';
import { InteractionService } from '../../src/discord/interactionService.js';
import { escapeMarkdown } from '../../src/discord/markdown.js';
import {
  formatPagedCommand,
  pagedCommandFromTexts,
  pageLine,
  pageSignature,
  parsePagedCommand,
} from '../../src/discord/pageTurns.js';
import { translator } from '../../src/i18n/i18n.js';
import type { PagedCommand } from '../../src/reply/model.js';
import { createLogger } from '../../src/logging/logger.js';
import { hostileString } from '../support/hostile.js';
import { buttons, messageText } from '../support/componentsV2.js';
import { MemoryLog } from '../e2e/support/bot.js';
import * as payload from '../e2e/support/payloads.js';
import { editFile, replaceOnce, routerFor, seedFiles, seedRouter } from '../support/seed.js';

// ---------------------------------------------------------------------------------------------
// The footer's command: written and read by one module, in one grammar

/** Text that looks like options, JSON or line breaks: what a command line would misread. */
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'page:2',
        ' speaker:x',
        'question:',
        ' text:"y"',
        '"',
        '\\',
        '\\"',
        '\\u0041',
        '\n',
        '\r\n',
        '\t',
        '\u2028',
        '\u0000',
        ':',
        ' · ',
        'Page 1 of 2 · /quote text:"x"',
        'é',
        '🔥',
        '\ud800',
        'مراجعة',
      ),
      fc.string({ unit: 'binary', maxLength: 12 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const word = fc.oneof(
  fc.stringMatching(/^[a-z0-9_'-]{1,32}$/),
  fc.constantFrom('story', 'quote', 'review-status', 'cité', 'प्रश्न', '__proto__'),
);
const value = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(tricky, hostileString) },
  { weight: 1, arbitrary: fc.integer() },
  // -0 is written as JSON writes it, 0: the same command either way.
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n || 0) },
  { weight: 1, arbitrary: fc.boolean() },
);
const pagedCommand: fc.Arbitrary<PagedCommand> = fc
  .record({
    name: word,
    subcommand: fc.option(word, { nil: undefined }),
    options: fc.array(fc.tuple(word, value), { maxLength: 4 }),
  })
  .map(({ name, subcommand, options }) => ({
    name,
    ...(subcommand === undefined ? {} : { subcommand }),
    options: Object.fromEntries(options),
  }));

const english = translator('en');

describe('the command on a paged reply’s page line', () => {
  it('writes every value as a JSON literal, options by name', () => {
    expect(
      formatPagedCommand({
        name: 'story',
        subcommand: 'ask',
        options: { question: 'what is on page:2 of the review' },
      }),
    ).toBe('/story ask question:"what is on page:2 of the review"');
    expect(
      formatPagedCommand({
        name: 'quote',
        options: { text: 'a "b" \\ c\nd', private: true, speaker: 'microsoft', limit: 2.5 },
      }),
    ).toBe('/quote limit:2.5 private:true speaker:"microsoft" text:"a \\"b\\" \\\\ c\\nd"');
  });

  it('GIVEN any command THEN reading what was written gives back the same command', () => {
    fc.assert(
      fc.property(pagedCommand, (command) => {
        const written = formatPagedCommand(command);
        expect(written).toBeDefined();
        expect(written).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(parsePagedCommand(written!)).toEqual(command);
      }),
      { numRuns: 500 },
    );
  });

  it('GIVEN any command that fits THEN it comes back from the last text display’s last line, signed alike', () => {
    fc.assert(
      fc.property(pagedCommand, fc.option(tricky, { nil: undefined }), (command, above) => {
        const { line, command: carried } = pageLine(
          { page: 1, pageCount: 3, invocation: command },
          english,
        );
        const small = `-# ${line}`;
        const read = pagedCommandFromTexts(
          above === undefined
            ? [small]
            : [escapeMarkdown(above), `-# ${escapeMarkdown(above)}\n${small}`],
        );
        if (carried === undefined) {
          expect(line).toBe('Page 1 of 3');
          expect(read).toBeUndefined();
          return;
        }
        expect(read).toEqual(command);
        expect(pageSignature(read!, 'corpus')).toBe(pageSignature(command, 'corpus'));
      }),
      { numRuns: 300 },
    );
  });

  it('reads nothing but the grammar it writes, and never throws', () => {
    const refused = [
      '/story ask question:what is on page:2',
      '/story ask question:"unterminated',
      '/story ask question:"x" ',
      '/story  ask question:"x"',
      '/quote text:"b" private:true',
      '/quote text:"a" text:"a"',
      '/quote text:"\\u0041"',
      '/quote limit:1.0',
      '/quote limit:1e400',
      '/quote private:yes',
      "/quote text:'x'",
      'quote text:"x"',
      '/quote text:"x"\n',
      '',
    ];
    for (const text of refused) expect(parsePagedCommand(text), text).toBeUndefined();
    expect(pagedCommandFromTexts(['-# Page 1 of 3 · /quote text\\:Microsoft'])).toBeUndefined();
    const line = '-# Page 1 of 3 · /quote text\\:"Microsoft"';
    expect(pagedCommandFromTexts([line])).toEqual({
      name: 'quote',
      options: { text: 'Microsoft' },
    });
    expect(pagedCommandFromTexts([`${line}\n-# As of today`])).toBeUndefined();
    expect(pagedCommandFromTexts([line, 'an answer below it'])).toBeUndefined();
    expect(pagedCommandFromTexts([line.slice(3)])).toBeUndefined();
    fc.assert(
      fc.property(pagedCommand, fc.nat(), tricky, (command, at, inserted) => {
        const written = formatPagedCommand(command)!;
        const edited =
          written.slice(0, at % (written.length + 1)) +
          inserted +
          written.slice(at % (written.length + 1));
        const read = parsePagedCommand(edited);
        // Whatever was read is exactly what would be written for it: one text per command.
        if (read !== undefined) expect(formatPagedCommand(read)).toBe(edited);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.oneof(tricky, hostileString), (text) => {
        expect(() => pagedCommandFromTexts([text])).not.toThrow();
        expect(() => pagedCommandFromTexts([`-# ${text}`])).not.toThrow();
      }),
    );
  });

  it('writes no command it could not read back: such a reply gets no page buttons', () => {
    const options = { text: 'x' };
    expect(formatPagedCommand({ name: 'Check quote', options })).toBeUndefined();
    expect(formatPagedCommand({ name: 'quote', options: { 'two words': 'x' } })).toBeUndefined();
    expect(formatPagedCommand({ name: 'quote', options: { n: Number.NaN } })).toBeUndefined();
    const long = { name: 'quote', options: { text: '"'.repeat(1100) } };
    expect(pageLine({ page: 1, pageCount: 2, invocation: long }, english)).toEqual({
      line: 'Page 1 of 2',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Page turns through the InteractionService

const app = { applicationId: payload.snowflake(), botUser: payload.botUser() };
const guild = payload.fakeGuild();
let router: CommandRouter;
let service: InteractionService;

function serviceFor(forRouter: CommandRouter): InteractionService {
  return new InteractionService(forRouter, createLogger('info', new MemoryLog().stream), {
    cooldown: { commands: 1_000_000, windowMs: 1000 },
  });
}

beforeAll(async () => {
  router = await seedRouter();
  service = serviceFor(router);
});

/** What the wire carries: JSON, so the service sees exactly what Discord sends. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function handle(
  on: InteractionService,
  interaction: unknown,
): Promise<APIInteractionResponse> {
  const converted = fromApi(wire(interaction));
  if (!converted.ok) throw new Error(converted.problem);
  return wire(await on.handle(converted.request));
}

function data(response: APIInteractionResponse): APIInteractionResponseCallbackData {
  return (response as { data?: APIInteractionResponseCallbackData }).data ?? {};
}

/** Runs a slash command as a user and returns its answer with the message Discord keeps of it. */
async function ask(invocation: Invocation, on = service) {
  const author = payload.user();
  const where = payload.inGuild(guild, author);
  const options = Object.entries(invocation.options).map(([name, value]) =>
    typeof value === 'string'
      ? payload.option.string(name, value)
      : typeof value === 'boolean'
        ? payload.option.boolean(name, value)
        : payload.option.number(name, value),
  );
  const first = await handle(
    on,
    payload.chatInput(app, {
      name: invocation.name,
      ...(invocation.subcommand ? { subcommand: invocation.subcommand } : {}),
      options,
      where,
    }),
  );
  const message = payload.commandReply(app, {
    channelId: where.channelId,
    ranBy: author,
    components: data(first).components ?? [],
    flags: data(first).flags ?? 0,
  });
  const next = buttons(data(first).components).find((b) =>
    String(b.custom_id).startsWith('page:next'),
  );
  return { first, message, where, next: typeof next?.custom_id === 'string' ? next.custom_id : '' };
}

/** The same invocation run directly for a page, as the author's page turn should show it. */
function expectedPage(invocation: Invocation, page: number, on = router): APIInteractionResponse {
  return wire(
    renderUpdateResponse(on.run({ ...invocation, page }), {
      fingerprint: on.story.corpus.fingerprint,
    }),
  );
}

// A question with "page:2" in it that has pages: its passages, not an editors' entry, answer it
// (an entry's supporting passages fit on one page).
const pagedQuestion: Invocation = {
  name: 'story',
  subcommand: 'ask',
  options: { question: 'what did microsoft say about azure? page:2' },
};
const pagedQuote: Invocation = {
  name: 'quote',
  options: { text: 'Microsoft speaker:guardian said' },
};

describe('page turns', () => {
  it('GIVEN a question with page:2 in it THEN Next shows page 2 of that same question', async () => {
    const { message, where, next } = await ask(pagedQuestion);
    expect(next).not.toBe('');
    const turned = await handle(
      service,
      payload.buttonClick(app, { customId: next, where, message }),
    );
    expect(turned).toEqual(expectedPage(pagedQuestion, 2));
    expect(messageText(data(turned))).toContain(
      '## “what did microsoft say about azure? page\\:2”',
    );
  });

  it('GIVEN /quote text with speaker: in it THEN Next searches those same words, unfiltered', async () => {
    const { message, where, next } = await ask(pagedQuote);
    expect(next).not.toBe('');
    const turned = await handle(
      service,
      payload.buttonClick(app, { customId: next, where, message }),
    );
    expect(turned).toEqual(expectedPage(pagedQuote, 2));
    expect(messageText(data(turned))).toContain('“Microsoft speaker\\:guardian said”');
  });

  it('GIVEN quotes, backslashes and a newline in a question THEN the page turn keeps them', async () => {
    const tricky: Invocation = {
      name: 'story',
      subcommand: 'ask',
      options: {
        question: 'what did "the guardian" report\nabout unit 8200 \\ question: page:3 ✓',
      },
    };
    const { first, message, where, next } = await ask(tricky);
    // The container and the row of page buttons.
    expect(data(first).components?.length).toBe(2);
    const turned = await handle(
      service,
      payload.buttonClick(app, { customId: next, where, message }),
    );
    expect(turned).toEqual(expectedPage(tricky, 2));
  });

  it('GIVEN a page line edited to another question THEN the click is refused', async () => {
    const { message, where, next } = await ask(pagedQuestion);
    // The small print holding the page line, with another question in it.
    const forged = JSON.parse(JSON.stringify(message), (_key, value: unknown) =>
      typeof value === 'string' && value.includes('-# Page 1 of')
        ? value.replace('azure', 'the white house')
        : value,
    ) as typeof message;
    expect(messageText(forged)).toMatch(/-# Page 1 of \d+ · .*the white house/u);
    const refused = await handle(
      service,
      payload.buttonClick(app, { customId: next, where, message: forged }),
    );
    expect(refused.type).toBe(4);
    expect(data(refused).flags).toBe(64 | 32768);
    expect(messageText(data(refused))).toMatch(/Run the command again/);
  });

  it('GIVEN a button from before the corpus changed THEN the click is refused', async () => {
    const older = routerFor(
      editFile(await seedFiles(), 'story.yaml', (text) =>
        replaceOnce(text, 'the seed article spells it', 'the first article spells it'),
      ),
    );
    expect(older.story.corpus.fingerprint).not.toBe(router.story.corpus.fingerprint);
    const { message, where, next } = await ask(pagedQuestion, serviceFor(older));
    expect(next).not.toBe('');
    const refused = await handle(
      service,
      payload.buttonClick(app, { customId: next, where, message }),
    );
    expect(data(refused).flags).toBe(64 | 32768);
    expect(messageText(data(refused))).toMatch(/sources have been updated/);
  });
});
