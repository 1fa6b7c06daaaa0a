import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Story } from '../../src/story/story.js';
import type { Verdict } from '../../src/check/checker.js';
import { checkMessage, type CheckFlag } from '../../src/check/checkMessage.js';

/** The labelled quotations and how the checker does on them: precision and recall per verdict and per flag. */
const VERDICTS = ['verbatim', 'close', 'not-found'] as const;
export const FLAGS = ['meaning-changed', 'misattributed'] as const satisfies readonly CheckFlag[];

/** The verdicts' set (the thresholds were chosen on it), and the flags' public and held-back sets. */
export const LABELLED = new URL('./labelled.yaml', import.meta.url);
export const LABELLED_FLAGS = new URL('./labelled-flags.yaml', import.meta.url);
export const LABELLED_FLAGS_BLIND = new URL('./labelled-flags-blind.yaml', import.meta.url);
/** Written blind by someone who never read or ran the checker (see its header). */
export const LABELLED_FLAGS_BLIND_2 = new URL('./labelled-flags-blind-2.yaml', import.meta.url);

const LabelledSchema = z.strictObject({
  cases: z.array(
    z.strictObject({
      category: z.string(),
      label: z.enum(VERDICTS),
      related: z.boolean().optional(),
      /** What the reply must lead with (see labelled-flags.yaml); none when absent. */
      flags: z.array(z.enum(FLAGS)).default([]),
      text: z.string(),
    }),
  ),
});
export type LabelledCase = z.infer<typeof LabelledSchema>['cases'][number];

export function loadLabelled(file: URL = LABELLED): LabelledCase[] {
  return LabelledSchema.parse(parse(readFileSync(file, 'utf8'))).cases;
}

interface Figures {
  readonly precision: number;
  readonly recall: number;
  readonly support: number;
}

export interface CheckReport {
  readonly cases: number;
  readonly perVerdict: Record<Verdict, Figures>;
  readonly perFlag: Record<CheckFlag, Figures>;
  /** Not-found cases whose "nearest passage shown or not" matched the label. */
  readonly relatedAccuracy: number;
  readonly mistakes: readonly { text: string; expected: string; got: string }[];
  readonly flagMistakes: readonly { text: string; expected: string; got: string }[];
}

function figures<T>(
  results: readonly T[],
  predicted: (r: T) => boolean,
  actual: (r: T) => boolean,
): Figures {
  const predictedCount = results.filter(predicted).length;
  const actualCount = results.filter(actual).length;
  const right = results.filter((r) => predicted(r) && actual(r)).length;
  return {
    precision: predictedCount ? right / predictedCount : 1,
    recall: actualCount ? right / actualCount : 1,
    support: actualCount,
  };
}

export function evaluateChecks(story: Story, cases: readonly LabelledCase[]): CheckReport {
  const results = cases.map((c) => ({ c, got: checkMessage(story, c.text)[0] }));
  const perVerdict = Object.fromEntries(
    VERDICTS.map((verdict) => [
      verdict,
      figures(
        results,
        (r) => r.got?.verdict === verdict,
        (r) => r.c.label === verdict,
      ),
    ]),
  ) as CheckReport['perVerdict'];
  const perFlag = Object.fromEntries(
    FLAGS.map((flag) => [
      flag,
      figures(
        results,
        (r) => r.got?.flags.includes(flag) ?? false,
        (r) => r.c.flags.includes(flag),
      ),
    ]),
  ) as CheckReport['perFlag'];
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
  const flagList = (flags: readonly string[] | undefined): string =>
    flags && flags.length > 0 ? [...flags].sort().join(', ') : 'no flag';
  const flagMistakes = results
    .filter((r) => flagList(r.got?.flags) !== flagList(r.c.flags))
    .map((r) => ({ text: r.c.text, expected: flagList(r.c.flags), got: flagList(r.got?.flags) }));
  return {
    cases: cases.length,
    perVerdict,
    perFlag,
    relatedAccuracy: withRelated.length ? relatedRight / withRelated.length : 1,
    mistakes,
    flagMistakes,
  };
}
