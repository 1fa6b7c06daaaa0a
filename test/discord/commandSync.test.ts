import { describe, expect, it } from 'vitest';
import { registrationBodies, sameCommands } from '../../src/discord/commandSync.js';
import { seedRouter } from '../support/seed.js';

/** What Discord stores from a body: ids, a version and its defaults added. */
function asDiscordStores(body: object, guild: boolean): object {
  return {
    id: '1234567890123456789',
    application_id: '1234567890123456780',
    version: '1234567890123456781',
    default_member_permissions: null,
    nsfw: false,
    description: '',
    type: 1,
    ...(guild ? { guild_id: '1234567890123456782' } : { dm_permission: true, contexts: null }),
    ...body,
  };
}

describe('registrationBodies', () => {
  it('GIVEN global registration THEN every command is installable by servers and users, usable anywhere', async () => {
    for (const body of registrationBodies((await seedRouter()).definitions, undefined)) {
      expect(body).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    }
  });

  it('GIVEN a development server THEN the definitions go as they are', async () => {
    const { definitions } = await seedRouter();
    expect(registrationBodies(definitions, '1234567890123456789')).toEqual(definitions);
  });
});

describe('sameCommands', () => {
  it('GIVEN what Discord returns for our bodies, in another order THEN they are the same', async () => {
    const { definitions } = await seedRouter();
    for (const guild of [undefined, '1234567890123456789']) {
      const ours = registrationBodies(definitions, guild);
      const stored = [...ours].reverse().map((b) => asDiscordStores(b, guild !== undefined));
      expect(sameCommands(stored, ours)).toBe(true);
    }
  });

  it('GIVEN a changed description, option or install type THEN they differ', async () => {
    const ours = registrationBodies((await seedRouter()).definitions, undefined);
    const stored = ours.map((b) => asDiscordStores(b, false));
    const [first, ...rest] = stored as Record<string, unknown>[];
    expect(sameCommands([{ ...first, description: 'old words' }, ...rest], ours)).toBe(false);
    expect(sameCommands([{ ...first, integration_types: [0] }, ...rest], ours)).toBe(false);
    expect(sameCommands([{ ...first, options: [] }, ...rest], ours)).toBe(false);
    expect(sameCommands(rest, ours)).toBe(false);
  });

  it('GIVEN defaults spelled out or left out THEN they are the same', () => {
    const ours = [
      { name: 'x', description: 'd', options: [{ type: 3, name: 'o', description: 'e' }] },
    ];
    const theirs = [
      {
        name: 'x',
        description: 'd',
        name_localizations: null,
        options: [{ type: 3, name: 'o', description: 'e', required: false, autocomplete: false }],
      },
    ];
    expect(sameCommands(theirs, ours)).toBe(true);
  });
});
