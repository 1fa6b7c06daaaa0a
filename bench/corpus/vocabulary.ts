import { readFileSync } from 'node:fs';
import wordList from 'word-list';
import type { Random } from './random.js';

/**
 * The ranked vocabulary of the synthetic corpora: rank 0 is the most frequent word. English
 * function words come first (they are ~40% of news text), the seed story's own words are spread
 * over the upper ranks (so the story's names and terms recur, as in a corpus about the story),
 * and the rest is a real English word list, shorter words tending to be more frequent.
 */

/** The most frequent words of English news, roughly in order of frequency. */
const FUNCTION_WORDS = (
  'the of to and a in that is for on said with was he it as at by from his be have has are but ' +
  'an not they who were will its been had this or their more would about after one which also ' +
  'two new there up than first out when people year some could can other all into over last ' +
  'if we no time what her years just she them so only most such like because made while these ' +
  'three before many do did where under during then may those our should against any between ' +
  'through since how even back down being both each well very four same another off few ' +
  'until still here us again further own why whom whose you your i me my'
).split(' ');

/** Seed words take every SEED_SPACING-th rank from SEED_FIRST_RANK on. */
const SEED_FIRST_RANK = 100;
const SEED_SPACING = 12;

export interface Vocabulary {
  /** Words by rank; seed words keep their written form ("Microsoft", "8200"). */
  readonly words: readonly string[];
  readonly functionWordCount: number;
  /** The rank of a lowercased word. */
  rankOf(key: string): number | undefined;
}

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

/** A passage's words as the benchmarks read them: letters and digits, inner apostrophes, lowercased. */
export function passageWords(text: string): string[] {
  return [...text.matchAll(WORD)].map(([word]) => word.toLowerCase());
}

/** Distinct words of the seed passages, most frequent first (ties: first seen first). */
export function seedWords(texts: readonly string[]): string[] {
  const counts = new Map<string, { form: string; count: number; first: number }>();
  let seen = 0;
  for (const text of texts) {
    for (const [form] of text.matchAll(WORD)) {
      const key = form.toLowerCase();
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { form, count: 1, first: seen++ });
    }
  }
  const functionWords = new Set(FUNCTION_WORDS);
  return [...counts]
    .filter(([key]) => !functionWords.has(key))
    .sort(([, a], [, b]) => b.count - a.count || a.first - b.first)
    .map(([, entry]) => entry.form);
}

/** English words from the `word-list` package (~275k), lowercase letters only. */
function englishWords(): string[] {
  return readFileSync(wordList, 'utf8')
    .split('\n')
    .filter((word) => /^[a-z]{2,16}$/.test(word));
}

export function buildVocabulary(seedTexts: readonly string[], random: Random): Vocabulary {
  const seed = seedWords(seedTexts);
  const taken = new Set([...FUNCTION_WORDS, ...seed.map((w) => w.toLowerCase())]);
  // Shorter words are more frequent in real text (Zipf's law of abbreviation): sort by a noisy length.
  const english = englishWords()
    .filter((word) => !taken.has(word))
    .map((word) => ({ word, key: word.length + 1.5 * random.normal() }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.word);

  const words: string[] = [...FUNCTION_WORDS];
  let nextSeed = 0;
  let nextEnglish = 0;
  while (nextSeed < seed.length || nextEnglish < english.length) {
    const rank = words.length;
    const seedTurn =
      rank >= SEED_FIRST_RANK &&
      (rank - SEED_FIRST_RANK) % SEED_SPACING === 0 &&
      nextSeed < seed.length;
    const word =
      seedTurn || nextEnglish >= english.length ? seed[nextSeed++] : english[nextEnglish++];
    if (word !== undefined) words.push(word);
  }
  const ranks = new Map(words.map((word, rank) => [word.toLowerCase(), rank]));
  return { words, functionWordCount: FUNCTION_WORDS.length, rankOf: (key) => ranks.get(key) };
}
