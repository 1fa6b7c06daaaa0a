/**
 * Commands keep themselves current: at start the bot reads what Discord has registered and
 * overwrites it only when its definitions differ — against the fake Discord, which returns stored
 * commands with Discord's defaults added and its localizations only when asked for.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { CommandRouter } from '../../src/bot/router.js';
import { syncOnStart } from '../../src/discord/commandSync.js';
import { createLogger } from '../../src/logging/logger.js';
import { seedRouter } from '../support/seed.js';
import { MemoryLog } from './support/bot.js';
import { FakeDiscord, ROUTES } from './support/fakeDiscord.js';

let router: CommandRouter;
let fake: FakeDiscord | undefined;
beforeAll(async () => {
  router = await seedRouter();
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function sync(
  f: FakeDiscord,
  definitions: readonly RESTPostAPIApplicationCommandsJSONBody[] = router.definitions,
  more: { guildId?: string; syncCommands?: boolean; applicationId?: string } = {},
) {
  const log = new MemoryLog();
  const result = syncOnStart(
    { token: f.token, apiUrl: f.apiUrl, syncCommands: true, ...more },
    definitions,
    createLogger('info', log.stream),
  );
  return { result, log };
}

describe('command sync at start', () => {
  it('registers globally, installable by users, when nothing is registered yet', async () => {
    fake = await FakeDiscord.start();
    expect(await sync(fake).result).toEqual({ changed: true, count: 3 });
    expect(fake.commandPuts()).toHaveLength(1);
    for (const command of fake.registeredCommands()) {
      expect(command).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    }
  });

  it('sends no PUT when the registered commands are unchanged (a restart)', async () => {
    fake = await FakeDiscord.start();
    await sync(fake).result;
    const { result, log } = sync(fake);
    expect(await result).toEqual({ changed: false, count: 3 });
    expect(fake.commandPuts()).toHaveLength(1);
    expect(fake.requests.filter((r) => r.route === ROUTES.getGlobalCommands).at(-1)?.query).toEqual(
      { with_localizations: 'true' },
    );
    expect(log.text()).toContain('"msg":"commands unchanged"');
    expect(fake.unexpectedRequests()).toEqual([]);
  });

  it('sends exactly one PUT when a definition changed', async () => {
    fake = await FakeDiscord.start();
    await sync(fake).result;
    const changed = router.definitions.map((d) =>
      d.name === 'quote' ? { ...d, description: 'Find passages in the sources (new words)' } : d,
    );
    expect(await sync(fake, changed).result).toEqual({ changed: true, count: 3 });
    expect(fake.commandPuts()).toHaveLength(2);
    expect(fake.registeredCommands().find((c) => c.name === 'quote')?.description).toBe(
      'Find passages in the sources (new words)',
    );
    // And the next start finds them current again.
    await sync(fake, changed).result;
    expect(fake.commandPuts()).toHaveLength(2);
  });

  it('keeps a development server’s commands as defined, and current', async () => {
    fake = await FakeDiscord.start();
    const guildId = fake.guilds[0]!.id;
    await sync(fake, router.definitions, { guildId, applicationId: fake.applicationId }).result;
    await sync(fake, router.definitions, { guildId, applicationId: fake.applicationId }).result;
    expect(fake.commandPuts(guildId)).toHaveLength(1);
    expect(fake.registeredCommands(guildId)[0]).not.toHaveProperty('integration_types');
    expect(fake.requests.some((r) => r.route === ROUTES.applicationsMe)).toBe(false);
  });

  it('does nothing with SYNC_COMMANDS=false', async () => {
    fake = await FakeDiscord.start();
    expect(await sync(fake, router.definitions, { syncCommands: false }).result).toBeUndefined();
    expect(fake.requests).toEqual([]);
  });

  it('logs a failure and leaves the commands as they are', async () => {
    fake = await FakeDiscord.start();
    fake.failNext({ method: 'GET', path: /\/commands$/, status: 500 });
    fake.failNext({ method: 'GET', path: /\/commands$/, status: 500 });
    const { result, log } = sync(fake);
    expect(await result).toBeUndefined();
    expect(log.text()).toContain('command sync failed');
    expect(fake.commandPuts()).toHaveLength(0);
  });
});
