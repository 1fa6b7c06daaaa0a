import { describe, expect, it } from 'vitest';
import { seedStory } from '../support/seed.js';
import {
  evaluateChecks,
  LABELLED_FLAGS,
  LABELLED_FLAGS_BLIND_2,
  loadLabelled,
} from './evaluateChecks.js';

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

describe('quote checker flags on the public labelled sets', () => {
  it('has at least 30 messages of every kind the flags are about', () => {
    const cases = loadLabelled(LABELLED_FLAGS);
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const categories = new Set(cases.map((c) => c.category));
    for (const category of [
      'negation-removed',
      'negation-added',
      'antonym',
      'number',
      'misattributed',
      'attributed',
      'wording',
    ])
      expect(categories).toContain(category);
  });

  it('gives the new messages their verdicts too', async () => {
    expect(evaluateChecks(await seedStory(), loadLabelled(LABELLED_FLAGS)).mistakes).toEqual([]);
  });

  // Floors at the figures the checker reached (see README, Tests and evaluation). The meaning
  // change it misses ("ignored" for "followed") is an opposite WordNet does not record: the sense
  // "comply, follow, abide by" has no antonym, and "ignore"'s are "notice" and "know". They meet
  // only as cousins ("disoblige", a kind of "disregard, ignore", is the opposite of "oblige", a
  // kind of "comply"), and the verb pairs that relation gives are as often not opposites as they
  // are ("alter"/"conquer", "approach"/"be" beside "make"/"destroy").
  it('flags a changed meaning and a wrong speaker with the precision and recall reached', async () => {
    const report = evaluateChecks(await seedStory(), [
      ...loadLabelled(),
      ...loadLabelled(LABELLED_FLAGS),
    ]);
    expect(report.perFlag['meaning-changed'].precision).toBe(1);
    expect(report.perFlag['meaning-changed'].recall).toBeGreaterThanOrEqual(0.96);
    expect(report.perFlag.misattributed.precision).toBe(1);
    expect(report.perFlag.misattributed.recall).toBe(1);
    expect(report.flagMistakes.map((m) => m.text)).toEqual([
      '"We believe the company ignored its principles on a considered and careful basis"',
    ]);
  });

  // The set written blind (by someone who never read or ran the checker): its first run found
  // every changed meaning and 5 of 6 wrong speakers, with one false alarm; both general faults
  // ("X's report" read as X reporting, "X in their own words:") are fixed.
  it('flags the set written blind', async () => {
    const report = evaluateChecks(await seedStory(), loadLabelled(LABELLED_FLAGS_BLIND_2));
    expect(report.mistakes).toEqual([]);
    for (const flag of ['meaning-changed', 'misattributed'] as const) {
      expect(report.perFlag[flag].precision, flag).toBeGreaterThanOrEqual(0.8);
      expect(report.perFlag[flag].recall, flag).toBeGreaterThanOrEqual(0.8);
    }
  });
});
