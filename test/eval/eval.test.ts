import { describe, expect, it } from 'vitest';
import { evaluate, loadCases } from './evaluate.js';
import { storyRankers } from './storyRankers.js';
import { seedRouter } from '../support/seed.js';

/** The public evaluation set as a ranking regression test: every case must keep passing. */
describe('evaluation set', () => {
  it('has at least 40 cases', () => {
    const cases = loadCases();
    expect(cases.quote.length + cases.ask.length).toBeGreaterThanOrEqual(40);
  });

  it('finds every expected passage: /quote hit@1 and /story ask hit@3 are 100%', async () => {
    const report = evaluate(loadCases(), storyRankers(await seedRouter()));
    expect(report.misses).toEqual([]);
    expect(report.quoteHit1).toBe(1);
    expect(report.askHit3).toBe(1);
  });
});
