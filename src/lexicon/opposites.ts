import type { PartOfSpeech, Synset } from './wordnetDatabase.js';

/**
 * Opposites from WordNet's antonym pointers (`!`). A pointer joins one word of each sense
 * ("limited" ! "unlimited"), but the opposite of a sense is the other sense as a whole ("prohibit"
 * shares a sense with "forbid", whose opposite is "permit, allow"), so every word of the target
 * sense counts. Adjectives hold antonyms only on their head senses: a satellite ("occasional")
 * takes the opposites of the head it is similar to ("infrequent" ! "frequent"), and an opposite
 * head brings its satellites ("limited" ! "unlimited", "limitless", "boundless"…).
 * https://wordnet.princeton.edu/documentation/wngloss7wn (antonymy, similar to)
 */

export type ReadSynset = (pos: PartOfSpeech, offset: number) => Synset | undefined;

const ANTONYM = '!';
const SIMILAR = '&';

function pointed(synset: Synset, symbol: string, read: ReadSynset): Synset[] {
  const found: Synset[] = [];
  for (const pointer of synset.pointers) {
    if (pointer.symbol !== symbol) continue;
    const target = read(pointer.pos, pointer.offset);
    if (target) found.push(target);
  }
  return found;
}

const hasAntonym = (synset: Synset): boolean => synset.pointers.some((p) => p.symbol === ANTONYM);

/** The words opposite to one sense. */
export function senseOpposites(sense: Synset, read: ReadSynset): string[] {
  // A satellite has no antonym of its own: its head's stand for it.
  const heads =
    hasAntonym(sense) || sense.pos !== 'adj'
      ? [sense]
      : pointed(sense, SIMILAR, read).filter(hasAntonym);
  const words: string[] = [];
  for (const head of heads) {
    for (const opposite of pointed(head, ANTONYM, read)) {
      words.push(...opposite.words);
      if (opposite.pos === 'adj')
        for (const satellite of pointed(opposite, SIMILAR, read)) words.push(...satellite.words);
    }
  }
  return words;
}

/** The words a sense's word is derived from or gives ("allow" → allowable, allowance). */
export function senseDerivations(sense: Synset, word: string, read: ReadSynset): string[] {
  const position = sense.words.indexOf(word) + 1;
  if (position === 0) return [];
  const words: string[] = [];
  for (const pointer of sense.pointers) {
    if (pointer.symbol !== '+' || pointer.sourceWord !== position) continue;
    const target = read(pointer.pos, pointer.offset);
    const derived = target?.words[pointer.targetWord - 1];
    if (derived) words.push(derived);
  }
  return words;
}

/** Prefixes that make an opposite of a word ("unlimited", "insignificant", "nonstandard"). */
export const NEGATING_PREFIXES: readonly string[] = [
  'non-',
  'non',
  'un',
  'in',
  'im',
  'il',
  'ir',
  'dis',
];
