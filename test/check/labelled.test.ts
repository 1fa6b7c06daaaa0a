import { describe, expect, it } from 'vitest';
import { seedStory } from '../support/seed.js';
import { evaluateChecks, loadLabelled } from './evaluateChecks.js';

describe('quote checker on the labelled set', () => {
  it('covers every category the thresholds were chosen on', () => {
    const categories = new Set(loadLabelled().map((c) => c.category));
    for (const category of [
      'exact',
      'typographic',
      'fragment',
      'elided',
      'altered',
      'flipped',
      'paraphrase',
      'fabrication',
      'off-topic',
    ]) {
      expect(categories).toContain(category);
    }
  });

  it('gives every labelled quotation its verdict, and shows a nearest passage only when related', async () => {
    const report = evaluateChecks(await seedStory(), loadLabelled());
    expect(report.mistakes).toEqual([]);
  });
});
