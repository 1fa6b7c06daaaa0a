import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import type { InteractionRequest } from '../../src/discord/interactionRequest.js';
import { InteractionService } from '../../src/discord/interactionService.js';
import { refusalLabel } from '../../src/discord/http/refusals.js';
import { createLogger } from '../../src/logging/logger.js';
import { BotMetrics } from '../../src/metrics/botMetrics.js';
import { outcomeOf } from '../../src/reply/outcome.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

const command = (
  line: string,
  locale = 'en-US',
  userId = '100000000000000001',
): InteractionRequest => {
  const reply = router.runLine(line);
  if (!reply.invocation) throw new Error(`not a command: ${line}`);
  return { id: '1', userId, locale, kind: 'command', invocation: reply.invocation };
};

async function counted(metrics: BotMetrics): Promise<Record<string, number>> {
  const values = (await metrics.commands.get()).values;
  return Object.fromEntries(
    values.map((v) => [`${v.labels.command} ${v.labels.outcome} ${v.labels.locale}`, v.value]),
  );
}

describe('outcomeOf', () => {
  it('GIVEN each kind of reply THEN names how it ended', () => {
    const run = (line: string) => outcomeOf(router.runLine(line).reply);
    expect(run('/story review-status')).toBe('answered');
    expect(run('/story ask question:what did the white house say')).toBe('abstained');
    expect(run('/quote text:zebra crossing')).toBe('nothing-found');
    expect(run('/story check quote:the moon is made of green cheese and always was')).toBe(
      'not-found',
    );
    expect(
      run(
        '/story check quote:Microsoft provided limited emergency support to the Israeli government',
      ),
    ).toBe('verbatim');
    expect(run('/quote text:review speaker:Nobody At All')).toBe('error');
  });
});

describe('BotMetrics through the InteractionService', () => {
  it('counts commands by command, outcome and language, and cooldown refusals', async () => {
    const metrics = new BotMetrics();
    const service = new InteractionService(router, createLogger('silent'), {
      cooldown: { commands: 3, windowMs: 60_000 },
      metrics,
    });
    await service.handle(command('/story review-status'));
    await service.handle(command('/story ask question:what did the white house say', 'de'));
    await service.handle(command('/quote text:zebra crossing', 'es-419'));
    await service.handle(command('/story review-status')); // over the budget of 3
    expect(await counted(metrics)).toEqual({
      '/story review-status answered en': 1,
      '/story ask abstained de': 1,
      '/quote nothing-found es': 1,
    });
    expect((await metrics.cooldownRefusals.get()).values[0]?.value).toBe(1);
    const { text, contentType } = await metrics.exposition();
    expect(contentType).toMatch(/^text\/plain/);
    expect(text).toContain(
      'storybot_commands_total{command="/story ask",outcome="abstained",locale="de"} 1',
    );
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('labels only commands the bot has, so user input never becomes a label', async () => {
    const metrics = new BotMetrics();
    const service = new InteractionService(router, createLogger('silent'), {
      cooldown: { commands: 100, windowMs: 1000 },
      metrics,
    });
    await service.handle({
      id: '1',
      userId: '2',
      kind: 'command',
      invocation: { name: 'drop table users', subcommand: 'x y z', options: {} },
    });
    expect(await counted(metrics)).toEqual({ 'unknown error en': 1 });
  });
});

describe('refusalLabel', () => {
  it('keeps fixed reasons and folds an interaction’s own problem into one label', () => {
    expect(refusalLabel('bad signature')).toBe('bad signature');
    expect(refusalLabel('malformed HTTP (HPE_INVALID_METHOD)')).toBe(
      'malformed HTTP (HPE_INVALID_METHOD)',
    );
    expect(refusalLabel('data.options.0.name: Too big')).toBe('invalid interaction');
  });
});
