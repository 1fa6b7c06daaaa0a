import type { Passage } from '../src/passages/passageTypes.js';
import { STOP_WORDS } from '../src/text/analyzer.js';
import type { EvalCases } from '../test/eval/evaluate.js';
import { Random } from './corpus/random.js';
import type { Filters } from './engines/engine.js';

/**
 * The query mix every engine answers at every size: the public evaluation queries (with their
 * source and speaker filters), and queries sampled from the corpus itself — a passage's rarest
 * word, its most common word, several of its words, an exact phrase of it, a misspelling of one
 * of its words. Deterministic: the same corpus gives the same mix.
 */
export const QUERY_KINDS = [
  'eval',
  'rare',
  'common',
  'multi-word',
  'phrase',
  'misspelled',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface BenchQuery {
  readonly kind: QueryKind;
  readonly text: string;
  readonly filters?: Filters;
}

export const QUERIES_PER_KIND = 30;
const QUERY_SEED = 0x9e_71_e5;
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

interface Word {
  readonly raw: string;
  readonly key: string;
  readonly content: boolean;
}

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map(([raw]) => {
    const key = raw.toLowerCase();
    return { raw, key, content: !STOP_WORDS.has(key) && key.length >= 3 };
  });
}

/** How many passages use each of `wanted` (lowercased words): one pass over the corpus. */
function documentFrequencies(
  passages: readonly Passage[],
  wanted: ReadonlySet<string>,
): Map<string, number> {
  const frequencies = new Map<string, number>();
  /** Word → last passage that counted it, so a word counts once per passage. */
  const counted = new Map<string, number>();
  passages.forEach((passage, ordinal) => {
    for (const [raw] of passage.text.matchAll(WORD)) {
      const key = raw.toLowerCase();
      if (!wanted.has(key) || counted.get(key) === ordinal) continue;
      counted.set(key, ordinal);
      frequencies.set(key, (frequencies.get(key) ?? 0) + 1);
    }
  });
  return frequencies;
}

/** One typing slip: two letters swapped, a letter dropped, doubled or replaced. */
function misspell(word: string, random: Random): string {
  const at = 1 + random.int(word.length - 2);
  switch (random.int(4)) {
    case 0:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
    default: {
      const letter = 'etaoinshrdlu'[random.int(12)] ?? 'e';
      return word.slice(0, at) + (letter === word[at] ? 'x' : letter) + word.slice(at + 1);
    }
  }
}

function evalQueries(cases: EvalCases): BenchQuery[] {
  return [
    ...cases.quote.map((c) => ({
      kind: 'eval' as const,
      text: c.text,
      ...(c.source !== undefined || c.speaker !== undefined
        ? { filters: { documentId: c.source, speakerId: c.speaker } }
        : {}),
    })),
    ...cases.ask.map((c) => ({ kind: 'eval' as const, text: c.question })),
  ];
}

/** Passages drawn per sampled query: some are rejected (too few words, no typo-able word). */
const DRAWS_PER_QUERY = 20;

export function queryMix(
  passages: readonly Passage[],
  cases: EvalCases,
  knownFrequency?: (key: string) => number,
): BenchQuery[] {
  const random = new Random(QUERY_SEED);
  const sampledKinds = QUERY_KINDS.filter((kind) => kind !== 'eval');
  // Draw the passages first, so word frequencies are counted for their words only.
  const drawn = Array.from(
    { length: sampledKinds.length * QUERIES_PER_KIND * DRAWS_PER_QUERY },
    () => words(random.pick(passages).text),
  );
  const frequency =
    knownFrequency ??
    (
      (counted: Map<string, number>) => (key: string) =>
        counted.get(key) ?? 0
    )(documentFrequencies(passages, new Set(drawn.flatMap((ws) => ws.map((w) => w.key)))));
  const df = (w: Word): number => frequency(w.key);
  /** A common word is in at least 0.5% of passages; a rare one in at most 0.001% (or 3). */
  const commonDf = Math.max(2, passages.length / 200);
  const rareDf = Math.max(3, passages.length / 100_000);
  let next = 0;
  const sampled = (kind: QueryKind, make: (ws: Word[]) => string | undefined): BenchQuery[] => {
    const queries: BenchQuery[] = [];
    for (
      let draws = 0;
      queries.length < QUERIES_PER_KIND && draws < QUERIES_PER_KIND * DRAWS_PER_QUERY;
      draws++
    ) {
      const text = make(drawn[next++ % drawn.length] ?? []);
      if (text !== undefined) queries.push({ kind, text });
    }
    return queries;
  };
  const content = (ws: Word[]): Word[] => ws.filter((w) => w.content);
  const byFrequency = (ws: Word[]): Word[] =>
    [...ws].sort((a, b) => df(a) - df(b) || (a.key < b.key ? -1 : 1));

  return [
    ...evalQueries(cases),
    ...sampled('rare', (ws) => {
      const word = byFrequency(content(ws))[0];
      return word && df(word) <= rareDf ? word.raw : undefined;
    }),
    ...sampled('common', (ws) => {
      const word = byFrequency(content(ws)).at(-1);
      return word && df(word) >= commonDf ? word.raw : undefined;
    }),
    ...sampled('multi-word', (ws) => {
      const pool = content(ws);
      if (pool.length < 3) return undefined;
      const picked = new Set<number>();
      while (picked.size < 3) picked.add(random.int(pool.length));
      return [...picked]
        .sort((a, b) => a - b)
        .map((i) => pool[i]?.raw)
        .join(' ');
    }),
    ...sampled('phrase', (ws) => {
      const length = 2 + random.int(2);
      if (ws.length < length) return undefined;
      const from = random.int(ws.length - length + 1);
      const phrase = ws.slice(from, from + length);
      return phrase.some((w) => w.content) ? `"${phrase.map((w) => w.raw).join(' ')}"` : undefined;
    }),
    ...sampled('misspelled', (ws) => {
      const pool = content(ws).filter((w) => /^\p{L}{5,}$/u.test(w.raw));
      const word = pool.length > 0 ? random.pick(pool) : undefined;
      if (!word) return undefined;
      const typo = misspell(word.key, random);
      const other = random.chance(0.5) ? content(ws).find((w) => w !== word) : undefined;
      return other ? `${typo} ${other.raw}` : typo;
    }),
  ];
}
