import type { PartOfSpeech, Synset } from './wordnetDatabase.js';

/**
 * Opposites from WordNet's antonym pointers (`!`). A pointer joins one word of each sense
 * ("limited" ! "unlimited"), but the opposite of a sense is the other sense as a whole ("prohibit"
 * shares a sense with "forbid", whose opposite is "permit, allow"), so every word of the target
 * sense counts. Adjectives hold antonyms only on their head senses, and WordNet's indirect
 * antonymy links a satellite to the opposite head, never to that head's satellites: a satellite
 * ("occasional") takes the opposites of the head it is similar to ("infrequent" ! "frequent"), and
 * a head's opposite brings its satellites ("limited" ! "unlimited", "limitless", "boundless"…).
 * Antonymy stays within a part of speech, so each word found is keyed with its own (`adj:limited`).
 * https://wordnet.princeton.edu/documentation/wngloss7wn (antonymy, similar to)
 */

export type ReadSynset = (pos: PartOfSpeech, offset: number) => Synset | undefined;

const ANTONYM = '!';
const SIMILAR = '&';
const HYPONYM = '~';

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

/** A word as one part of speech: `verb:allow`. */
export const wordKey = (pos: PartOfSpeech, word: string): string => `${pos}:${word}`;

const keys = (synset: Synset): string[] => synset.words.map((w) => wordKey(synset.pos, w));

/** The words opposite to one sense, keyed with their part of speech. */
export function senseOpposites(sense: Synset, read: ReadSynset): string[] {
  const head = hasAntonym(sense) || sense.pos !== 'adj';
  // A satellite has no antonym of its own: its head's stand for it.
  const heads = head ? [sense] : pointed(sense, SIMILAR, read).filter(hasAntonym);
  const words: string[] = [];
  for (const from of heads) {
    for (const opposite of pointed(from, ANTONYM, read)) {
      words.push(...keys(opposite));
      if (head && opposite.pos === 'adj')
        for (const satellite of pointed(opposite, SIMILAR, read)) words.push(...keys(satellite));
    }
  }
  return words;
}

/**
 * Opposites one kind further, for a word swapped for another in the same place only (looser than
 * `senseOpposites`): the narrower kinds of an opposite sense. "Violate" is a kind of "disrespect",
 * the opposite of "respect, abide by": to violate a commitment is not to abide by it. WordNet
 * records antonymy between a pair of senses, not down their hierarchies, so without this a kind
 * of the opposite reads as merely another word. One level only: deeper kinds drift from the
 * opposite ("disrespect" → "violate" → "trespass", "sin").
 */
export function narrowerOpposites(sense: Synset, read: ReadSynset): string[] {
  const words: string[] = [];
  for (const opposite of pointed(sense, ANTONYM, read))
    for (const kind of pointed(opposite, HYPONYM, read)) words.push(...keys(kind));
  return words;
}

/** The words a sense's word is derived from or gives ("allow" → adj:allowable), keyed. */
export function senseDerivations(sense: Synset, word: string, read: ReadSynset): string[] {
  const position = sense.words.indexOf(word) + 1;
  if (position === 0) return [];
  const words: string[] = [];
  for (const pointer of sense.pointers) {
    if (pointer.symbol !== '+' || pointer.sourceWord !== position) continue;
    const target = read(pointer.pos, pointer.offset);
    const derived = target?.words[pointer.targetWord - 1];
    if (target && derived) words.push(wordKey(target.pos, derived));
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
