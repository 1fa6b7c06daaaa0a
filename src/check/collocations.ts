import type { Word } from './words.js';

/**
 * A text's words together with the two-word collocations WordNet lists among them. A phrasal verb
 * means what its verb alone does not: the opposite of "abide by" is "disrespect" (and, as a kind
 * of it, "violate"), while "abide" alone is "tolerate" or "dwell". Which pairs are collocations is
 * WordNet's to say ("abide by", "comply with", "carry out", "go against"), so no list of particles
 * is kept here. Each collocation spans both its words and keeps their inflection ("abided by"),
 * which WordNet's base forms undo.
 */
export function withCollocations(
  list: readonly Word[],
  isCollocation: (phrase: string) => boolean,
): Word[] {
  const found: Word[] = [...list];
  for (let i = 0; i + 1 < list.length; i++) {
    const first = list[i];
    const second = list[i + 1];
    if (!first || !second) continue;
    const phrase = `${first.word} ${second.word}`;
    if (isCollocation(phrase)) found.push({ word: phrase, start: first.start, end: second.end });
  }
  return found;
}

/** The word a collocation starts with (a phrasal verb's verb); a single word itself. */
export const headWord = (term: Word): string => term.word.split(' ')[0] ?? term.word;
