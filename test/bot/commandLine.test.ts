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
  it('reads options typed as in Discord, with spaces in values', () => {
    expect(parse('/quote text:full and urgent review speaker:Microsoft')).toEqual({
      name: 'quote',
      subcommand: undefined,
      options: { text: 'full and urgent review', speaker: 'microsoft' },
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
