/**
 * A page turn answers exactly the question that was asked: the command travels as data, never as
 * text read back with the command-line parser, so words in a question that look like options
 * (`page:2`, `speaker:…`) stay words of the question.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import {
  formatPagedCommand,
  pagedCommandFromFooter,
  pageFooterLine,
  pageSignature,
  parsePagedCommand,
} from '../../src/discord/pageTurns.js';
import type { PagedCommand } from '../../src/reply/model.js';
import { hostileString } from '../support/hostile.js';

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

describe('the command in a paged footer', () => {
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

  it('GIVEN any command that fits THEN it comes back from the footer’s last line, signed alike', () => {
    fc.assert(
      fc.property(pagedCommand, fc.option(tricky, { nil: undefined }), (command, above) => {
        const { line, command: carried } = pageFooterLine(
          { page: 1, pageCount: 3, command: '', invocation: command },
          DISCORD_LIMITS.footerText,
        );
        const read = pagedCommandFromFooter(above === undefined ? line : `${above}\n${line}`);
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
    expect(pagedCommandFromFooter('Page 1 of 3 · /quote text:Microsoft')).toBeUndefined();
    const notLast = 'Page 1 of 3 · /quote text:"Microsoft"\nAs of today';
    expect(pagedCommandFromFooter(notLast)).toBeUndefined();
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
        expect(() => pagedCommandFromFooter(text)).not.toThrow();
      }),
    );
  });

  it('writes no command it could not read back: such a reply gets no page buttons', () => {
    const options = { text: 'x' };
    expect(formatPagedCommand({ name: 'Check quote', options })).toBeUndefined();
    expect(formatPagedCommand({ name: 'quote', options: { 'two words': 'x' } })).toBeUndefined();
    expect(formatPagedCommand({ name: 'quote', options: { n: Number.NaN } })).toBeUndefined();
    const long = { name: 'quote', options: { text: '"'.repeat(1100) } };
    expect(pageFooterLine({ page: 1, pageCount: 2, command: '', invocation: long }, 2048)).toEqual({
      line: 'Page 1 of 2',
    });
  });
});
