import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { AskCase } from './evaluate.js';

/**
 * The questions set (`questions.yaml`, questions by kind as people type them) and its scoring:
 * hit@3 per kind, part by part for several-part questions, and the abstention's precision and
 * recall ("the sources do not cover this" said exactly when they do not).
 */

export const QUESTION_KINDS = [
  'knowledge',
  'not-covered',
  'several-parts',
  'other-words',
  'yes-no',
  'misspelled',
  'plain',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number] | 'article';

/** A passage id, or an editors' entry (`party:…`, `timeline:…`, `review:…`, `source:…`). */
const AnswerId = z
  .string()
  .regex(/^(?:[a-z0-9-]+:\d+\.\d+|(?:party|timeline|review|source):[a-z0-9-]+)$/);
const QuestionCase = z
  .strictObject({
    q: z.string(),
    kind: z.enum(QUESTION_KINDS),
    expect: z.array(AnswerId).min(1).optional(),
    parts: z
      .array(z.union([z.array(AnswerId).min(1), z.literal('none')]))
      .min(2)
      .optional(),
  })
  .refine(
    (c) => (c.kind === 'not-covered') === (c.expect === undefined && c.parts === undefined),
    'a not-covered question has neither expect nor parts; every other has one of them',
  );
const QuestionsFile = z.strictObject({ questions: z.array(QuestionCase) });
export type QuestionCase = z.infer<typeof QuestionCase>;

/**
 * The sets written blind (see their headers), oldest first. Those nobody working on the answers
 * has read are the judges of the next round of changes (see HELD_BACK_FILES).
 */
export const BLIND_QUESTION_FILES: readonly string[] = [
  'questions-blind.yaml',
  ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24].map(
    (n) => `questions-blind-${n}.yaml`,
  ),
];

/**
 * The blind sets nobody working on the answers has read: `npm run eval` shows their figures but
 * never their misses. A set leaves this list, for good, when its misses are read.
 */
export const HELD_BACK_FILES: readonly string[] = [
  'questions-blind-13.yaml',
  'questions-blind-14.yaml',
  'questions-blind-17.yaml',
  'questions-blind-19.yaml',
  'questions-blind-20.yaml',
  'questions-blind-21.yaml',
  'questions-blind-23.yaml',
  'questions-blind-24.yaml',
];

export function blindQuestionsUrl(file: string): URL {
  return new URL(`./${file}`, import.meta.url);
}

export function loadQuestions(path = new URL('./questions.yaml', import.meta.url)): QuestionCase[] {
  return QuestionsFile.parse(parse(readFileSync(path, 'utf8'))).questions;
}

/** The article questions of `cases.yaml`, as questions of their own kind. */
export function articleQuestions(cases: readonly AskCase[]): Case[] {
  return cases.map((c) => ({ q: c.question, kind: 'article', expect: c.expect }));
}

export type Case = Omit<QuestionCase, 'kind'> & { readonly kind: QuestionKind };

/** What a reply answered for one part of a question: ids in the order shown, and whether it abstained. */
export interface PartResult {
  readonly ids: readonly string[];
  readonly notCovered: boolean;
}

export type QuestionRanker = (question: string) => readonly PartResult[];

export interface KindFigures {
  readonly hits: number;
  readonly cases: number;
}

export interface QuestionMiss {
  readonly question: string;
  readonly kind: QuestionKind;
  readonly expected: string;
  readonly got: string;
}

export interface QuestionsReport {
  readonly byKind: Readonly<Partial<Record<QuestionKind, KindFigures>>>;
  /** Over every part of every case: abstained when the sources do not cover it. */
  readonly abstention: {
    readonly precision: number;
    readonly recall: number;
    readonly abstained: number;
    readonly uncovered: number;
  };
  readonly misses: readonly QuestionMiss[];
}

const TOP = 3;

/** Hits and cases over every kind of a report. */
export function overall(report: QuestionsReport): KindFigures {
  const figures = Object.values(report.byKind);
  return {
    hits: figures.reduce((n, f) => n + f.hits, 0),
    cases: figures.reduce((n, f) => n + f.cases, 0),
  };
}

export function evaluateQuestions(cases: readonly Case[], ranker: QuestionRanker): QuestionsReport {
  const byKind: Partial<Record<QuestionKind, { hits: number; cases: number }>> = {};
  const misses: QuestionMiss[] = [];
  let truePositives = 0;
  let predicted = 0;
  let actual = 0;
  for (const c of cases) {
    const parts = ranker(c.q);
    const expectedParts: readonly (readonly string[] | 'none')[] = c.parts ?? [c.expect ?? 'none'];
    const results =
      c.parts === undefined ? [mergeParts(parts)] : alignParts(parts, expectedParts.length);
    let hit = true;
    expectedParts.forEach((expected, i) => {
      const result = results[i] ?? { ids: [], notCovered: false };
      const uncovered = expected === 'none';
      if (uncovered) actual++;
      if (result.notCovered) predicted++;
      if (uncovered && result.notCovered) truePositives++;
      const ok = uncovered
        ? result.notCovered && result.ids.length === 0
        : !result.notCovered && result.ids.slice(0, TOP).some((id) => expected.includes(id));
      if (!ok) hit = false;
    });
    const figures = (byKind[c.kind] ??= { hits: 0, cases: 0 });
    figures.cases++;
    if (hit) figures.hits++;
    else
      misses.push({
        question: c.q,
        kind: c.kind,
        expected: expectedParts
          .map((e) => (e === 'none' ? 'not covered' : e.join(' | ')))
          .join('  /  '),
        got: results
          .map((r) =>
            r.notCovered ? 'not covered' : r.ids.slice(0, TOP).join(', ') || '(nothing)',
          )
          .join('  /  '),
      });
  }
  return {
    byKind,
    abstention: {
      precision: predicted === 0 ? 1 : truePositives / predicted,
      recall: actual === 0 ? 1 : truePositives / actual,
      abstained: predicted,
      uncovered: actual,
    },
    misses,
  };
}

/** A one-part question answered in several parts: everything shown, in order. */
function mergeParts(parts: readonly PartResult[]): PartResult {
  return {
    ids: parts.flatMap((p) => p.ids),
    notCovered: parts.length > 0 && parts.every((p) => p.notCovered),
  };
}

/** Part i of the answer for part i of the question; a reply in one part is checked for each. */
function alignParts(parts: readonly PartResult[], count: number): PartResult[] {
  if (parts.length === 1 && count > 1)
    return Array.from({ length: count }, () => parts[0] as PartResult);
  return Array.from({ length: count }, (_, i) => parts[i] ?? { ids: [], notCovered: false });
}
