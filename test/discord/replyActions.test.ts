import type { APIInteractionResponse } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import type { InteractionRequest } from '../../src/discord/interactionRequest.js';
import { InteractionService } from '../../src/discord/interactionService.js';
import { messageTexts } from '../../src/discord/messageTexts.js';
import { parseActionId } from '../../src/discord/replyActions.js';
import { createLogger } from '../../src/logging/logger.js';
import { buttons, textDisplays } from '../support/componentsV2.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

const USER = '100000000000000001';
const data = (r: APIInteractionResponse) =>
  'data' in r ? (r.data as { components?: unknown[]; flags?: number }) : {};
/** The custom ids of a message's buttons (link buttons have none). */
const ids = (r: APIInteractionResponse): string[] =>
  buttons(data(r).components).flatMap((b) =>
    typeof b.custom_id === 'string' ? [b.custom_id] : [],
  );

function command(line: string): InteractionRequest {
  const { invocation } = router.runLine(line);
  if (!invocation) throw new Error(line);
  return { id: '1', userId: USER, locale: 'en-US', kind: 'command', invocation };
}

function click(customId: string, on: APIInteractionResponse): InteractionRequest {
  const components = data(on).components ?? [];
  return {
    id: '2',
    userId: USER,
    locale: 'en-US',
    kind: 'button',
    customId,
    messageTexts: messageTexts(components),
    messageComponents: components,
    userName: 'Ada',
  };
}

describe('Post in channel and Report a miss', () => {
  it('GIVEN a private paged answer THEN sharing keeps its page buttons and drops its own', async () => {
    const service = new InteractionService(router, createLogger('silent'), {
      cooldown: { commands: 100, windowMs: 1000 },
    });
    const privately = await service.handle(command('/quote text:Microsoft private:true'));
    const share = ids(privately).find((id) => id.startsWith('share:')) ?? '';
    expect(ids(privately).filter((id) => id.startsWith('page:'))).toHaveLength(2);
    const posted = await service.handle(click(share, privately));
    expect(ids(posted)).toEqual(ids(privately).filter((id) => id.startsWith('page:')));
    expect(textDisplays(data(posted).components).at(-1)).toBe('-# Shared by Ada');
  });

  it('GIVEN clicks beyond the cooldown budget THEN they are refused like commands', async () => {
    const service = new InteractionService(router, createLogger('silent'), {
      cooldown: { commands: 3, windowMs: 60_000 },
    });
    const privately = await service.handle(command('/quote text:urgent review private:true'));
    const share = ids(privately).find((id) => id.startsWith('share:')) ?? '';
    expect(data(await service.handle(click(share, privately))).flags).toBe(32768);
    expect(data(await service.handle(click(share, privately))).flags).toBe(32768);
    const refused = await service.handle(click(share, privately));
    expect(data(refused).flags).toBe(64 | 32768);
    expect(textDisplays(data(refused).components).join('\n')).toMatch(/slow down/i);
  });

  it('GIVEN a message that names no command THEN a report is refused', async () => {
    const service = new InteractionService(router, createLogger('silent'), {
      cooldown: { commands: 100, windowMs: 1000 },
    });
    const answered = await service.handle(command('/story review-status'));
    const refused = await service.handle(click('miss:AAAAAAAAAAAAAAAA', answered));
    expect(textDisplays(data(refused).components).join('\n')).toContain('not one this bot knows');
  });

  it('parses only the ids it writes', () => {
    expect(parseActionId('share:abcdefghijklmnop')).toEqual({
      kind: 'share',
      signature: 'abcdefghijklmnop',
    });
    expect(parseActionId('share:short')).toBeUndefined();
    expect(parseActionId('page:next:2:abcdefghijklmnop')).toBeUndefined();
  });
});
