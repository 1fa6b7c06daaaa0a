import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The public evaluation set and its scoring, shared by `npm run eval`, the test suite and the
 * benchmarks (which run the same cases through MiniSearch and Orama).
 */

const PassageId = z.string().regex(/^[a-z0-9-]+:\d+\.\d+$/);
const CasesSchema = z.strictObject({
  quote: z.array(
    z.strictObject({
      text: z.string(),
      source: z.string().optional(),
      speaker: z.string().optional(),
      /** The passage that must be first, or `none` when nothing may match. */
      expect: z.union([PassageId, z.literal('none')]),
    }),
  ),
  ask: z.array(z.strictObject({ question: z.string(), expect: z.array(PassageId).min(1) })),
});
export type EvalCases = z.infer<typeof CasesSchema>;
export type QuoteCase = EvalCases['quote'][number];
export type AskCase = EvalCases['ask'][number];

export function loadCases(path = new URL('./cases.yaml', import.meta.url)): EvalCases {
  return CasesSchema.parse(parse(readFileSync(path, 'utf8')));
}

/** A ranker answers a case with passage ids, best first. */
export interface Rankers {
  quote(c: QuoteCase): readonly string[];
  ask(c: AskCase): readonly string[];
}

export interface Miss {
  readonly query: string;
  readonly expected: readonly string[];
  readonly got: readonly string[];
}

export interface EvalReport {
  readonly quoteHit1: number;
  readonly askHit3: number;
  readonly quoteCases: number;
  readonly askCases: number;
  readonly misses: readonly Miss[];
}

export function evaluate(cases: EvalCases, rankers: Rankers): EvalReport {
  const misses: Miss[] = [];
  let quoteHits = 0;
  for (const c of cases.quote) {
    const got = rankers.quote(c);
    const hit = c.expect === 'none' ? got.length === 0 : got[0] === c.expect;
    if (hit) quoteHits++;
    else
      misses.push({
        query: `/quote text:${c.text}${c.speaker ? ` speaker:${c.speaker}` : ''}${c.source ? ` source:${c.source}` : ''}`,
        expected: [c.expect],
        got: got.slice(0, 3),
      });
  }
  let askHits = 0;
  for (const c of cases.ask) {
    const got = rankers.ask(c).slice(0, 3);
    if (got.some((id) => c.expect.includes(id))) askHits++;
    else misses.push({ query: `/story ask question:${c.question}`, expected: c.expect, got });
  }
  return {
    quoteHit1: cases.quote.length ? quoteHits / cases.quote.length : 1,
    askHit3: cases.ask.length ? askHits / cases.ask.length : 1,
    quoteCases: cases.quote.length,
    askCases: cases.ask.length,
    misses,
  };
}
