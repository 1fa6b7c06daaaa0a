import { commands } from '../commands/index.js';
import { bootstrap } from '../src/bot/bootstrap.js';
import { evaluate, loadCases, type Rankers } from '../test/eval/evaluate.js';
import { storyRankers } from '../test/eval/storyRankers.js';
import { benchCorpus, type Seed } from './corpus/seed.js';
import { ENGINE_NAMES, type Engine, type EngineName } from './engines/engine.js';
import { ENGINES } from './engines/index.js';

export interface Quality {
  readonly quoteHit1: number;
  readonly askHit3: number;
}

/** A peer answers the cases directly; source and speaker become its filters. */
function engineRankers(engine: Engine): Rankers {
  const ids = (text: string, documentId?: string, speakerId?: string): string[] =>
    engine.search(text, { documentId, speakerId }).map((hit) => hit.id);
  return {
    quote: (c) => ids(c.text, c.source, c.speaker),
    ask: (c) => ids(c.question),
  };
}

/**
 * The public evaluation set through every engine on the seed corpus. Ours answers through the
 * bot's own command path (test/eval/storyRankers.ts), exactly as `npm run eval` does.
 */
export async function measureQuality(seed: Seed): Promise<Record<EngineName, Quality>> {
  const cases = loadCases();
  const corpus = benchCorpus(seed, seed.passages.length);
  const quality = {} as Record<EngineName, Quality>;
  for (const name of ENGINE_NAMES) {
    const rankers =
      name === 'story-bot'
        ? storyRankers(await bootstrap(commands))
        : engineRankers(await ENGINES[name](corpus));
    const { quoteHit1, askHit3 } = evaluate(cases, rankers);
    quality[name] = { quoteHit1, askHit3 };
  }
  return quality;
}
