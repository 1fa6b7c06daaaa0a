import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Story } from '../../src/story/story.js';
import type { Verdict } from '../../src/check/checker.js';
import { checkMessage } from '../../src/check/checkMessage.js';

/** The labelled quotations and how the checker does on them: precision and recall per verdict. */
const VERDICTS = ['verbatim', 'close', 'not-found'] as const;

const LabelledSchema = z.strictObject({
  cases: z.array(
    z.strictObject({
      category: z.string(),
      label: z.enum(VERDICTS),
      related: z.boolean().optional(),
      /** What the reply must lead with (see labelled-flags.yaml); none when absent. */
      flags: z.array(z.enum(['meaning-changed', 'misattributed'])).default([]),
      text: z.string(),
    }),
  ),
});
export type LabelledCase = z.infer<typeof LabelledSchema>['cases'][number];

export function loadLabelled(): LabelledCase[] {
  return LabelledSchema.parse(
    parse(readFileSync(new URL('./labelled.yaml', import.meta.url), 'utf8')),
  ).cases;
}

export interface CheckReport {
  readonly cases: number;
  readonly perVerdict: Record<Verdict, { precision: number; recall: number; support: number }>;
  /** Not-found cases whose "nearest passage shown or not" matched the label. */
  readonly relatedAccuracy: number;
  readonly mistakes: readonly { text: string; expected: string; got: string }[];
}

export function evaluateChecks(story: Story, cases: readonly LabelledCase[]): CheckReport {
  const results = cases.map((c) => ({ c, got: checkMessage(story, c.text)[0] }));
  const perVerdict = Object.fromEntries(
    VERDICTS.map((verdict) => {
      const predicted = results.filter((r) => r.got?.verdict === verdict);
      const actual = results.filter((r) => r.c.label === verdict);
      const right = predicted.filter((r) => r.c.label === verdict).length;
      return [
        verdict,
        {
          precision: predicted.length ? right / predicted.length : 1,
          recall: actual.length ? right / actual.length : 1,
          support: actual.length,
        },
      ];
    }),
  ) as CheckReport['perVerdict'];
  const withRelated = results.filter(
    (r) => r.c.related !== undefined && r.got?.verdict === 'not-found',
  );
  const relatedRight = withRelated.filter(
    (r) => (r.got?.match !== undefined) === r.c.related,
  ).length;
  const mistakes = results
    .filter(
      (r) =>
        r.got?.verdict !== r.c.label ||
        (r.c.related !== undefined &&
          r.got?.verdict === 'not-found' &&
          (r.got.match !== undefined) !== r.c.related),
    )
    .map((r) => ({
      text: r.c.text,
      expected: `${r.c.label}${r.c.related === undefined ? '' : r.c.related ? ' (related)' : ' (unrelated)'}`,
      got: `${r.got?.verdict ?? 'nothing'}${r.got?.match ? ' (related)' : ''} ${r.got?.similarity ?? ''}`,
    }));
  return {
    cases: cases.length,
    perVerdict,
    relatedAccuracy: withRelated.length ? relatedRight / withRelated.length : 1,
    mistakes,
  };
}
