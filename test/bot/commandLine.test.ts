import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/bot/commandLine.js';
import { UserError } from '../../src/bot/commandOptions.js';
import type { CommandRouter } from '../../src/bot/router.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});
const parse = (line: string) => parseCommandLine(line, router.definitions);

describe('parseCommandLine', () => {
  it('reads options typed as in Discord, with spaces in values (autocompleted ones as typed)', () => {
    expect(parse('/quote text:full and urgent review speaker:Microsoft')).toEqual({
      name: 'quote',
      subcommand: undefined,
      options: { text: 'full and urgent review', speaker: 'Microsoft' },
      page: undefined,
    });
  });

  it('reads subcommands, booleans, and a page', () => {
    expect(parse('/quote text:review private:yes page:2')).toMatchObject({
      options: { text: 'review', private: true },
      page: 2,
    });
    expect(parse('/story ask question:Who runs the review?')).toMatchObject({
      subcommand: 'ask',
      options: { question: 'Who runs the review?' },
    });
  });

  it('fills the only required text option when no option name is typed', () => {
    expect(parse('/story ask Who runs the review?').options).toEqual({
      question: 'Who runs the review?',
    });
  });

  it('keeps a colon that is not an option name inside the value', () => {
    expect(parse('/quote text:time: 10:30').options).toEqual({ text: 'time: 10:30' });
  });

  it('rejects unknown commands and bad booleans with a message for the user', () => {
    expect(() => parse('/launch')).toThrow(UserError);
    expect(() => parse('/quote text:x private:maybe')).toThrow('true or false');
  });
});

describe('parseCommandLine, mistakes', () => {
  it('GIVEN words after a command that takes no options THEN says it takes none', () => {
    expect(() => parse('/story timeline foo:bar')).toThrow(
      new UserError('/story timeline takes no options.'),
    );
    expect(() => parse('/story review-status please')).toThrow('takes no options');
  });

  it('GIVEN words that are not options THEN shows an example with the real option names', () => {
    expect(() => parse('/story who Burling')).toThrow(
      new UserError('Write options as name:value, e.g. /story who name:…'),
    );
  });

  it('GIVEN an option given twice THEN says so instead of keeping the last value', () => {
    expect(() => parse('/quote text:urgent text:review')).toThrow(
      new UserError('Option text is given twice: give each option once.'),
    );
    expect(() => parse('/quote text:review page:2 page:3')).toThrow('Option page is given twice');
  });

  it('GIVEN an unknown command THEN lists the typed commands, and the message command as an Apps entry', () => {
    expect(() => parse('/launch')).toThrow(
      'Unknown command “/launch”. Commands: /story, /quote; on a message in Discord: Apps → Check quote. /help lists them.',
    );
  });
});
