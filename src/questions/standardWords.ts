import type { Correction } from '../search/query.js';
import { standardForm } from '../lexicon/casualForms.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { foldWord, scanWords, STOP_WORDS } from '../text/analyzer.js';
import { editDistance } from '../text/nearWords.js';
import { AUXILIARIES, FRAME_WORDS, WH_WORDS } from './questionWords.js';
import type { StoryTerms } from './storyTerms.js';

/**
 * A question's words as it means them: chat forms in standard English ("whats", "the US"), and a
 * word that is neither a story word nor English corrected to the one it was meant to be.
 */

export interface ReadWord {
  /** Standard, folded. */
  readonly word: string;
  /** As typed. */
  readonly typed: string;
}

const MAX_QUESTION_WORDS = 60;

/** Abbreviations that follow "the" and name a country or a body. */
const BODIES: Readonly<Record<string, string>> = {
  us: 'united states',
  usa: 'united states',
  uk: 'united kingdom',
  un: 'united nations',
  eu: 'european union',
};

/** The question's words in standard English, typos of story words corrected. */
export function standardWords(
  text: string,
  corrections: Correction[],
  terms: StoryTerms,
  lexicon: Lexicon,
): ReadWord[] {
  const words: ReadWord[] = [];
  const isWord = (w: string): boolean => lexicon.isWord(w);
  scanWords(text, (raw) => {
    const word = foldWord(raw);
    // A question is a few words; a pasted wall of text is read as far as a question goes.
    if (!word || words.length >= MAX_QUESTION_WORDS) return;
    // "the US", "the UN" typed in lowercase are countries and bodies, not "us" and "un".
    const body = words.at(-1)?.word === 'the' ? BODIES[word] : undefined;
    if (body !== undefined) {
      for (const part of body.split(' ')) words.push({ word: part, typed: raw });
      return;
    }
    // "what's", "who's", "didn't": folding reads 's as a possessive; spelled out, they are "what is".
    const unmarked = raw.toLowerCase().replace(/['’‘`]/gu, '');
    const casual =
      (unmarked !== raw.toLowerCase() ? standardForm(unmarked, isWord) : undefined) ??
      standardForm(word, isWord);
    if (casual !== undefined) {
      for (const part of casual.split(' ')) words.push({ word: part, typed: raw });
      return;
    }
    const meant = correction(word, terms, lexicon);
    if (meant !== undefined) corrections.push({ typed: raw, meant });
    words.push({ word: meant ?? word, typed: raw });
  });
  return words;
}

/**
 * What a word that is neither a story word nor English was meant to be: the nearest story word,
 * or a question word for a short one ("hwo" → how). Real words are never "corrected".
 */
function correction(word: string, terms: StoryTerms, lexicon: Lexicon): string | undefined {
  if (
    FRAME_WORDS.has(word) ||
    STOP_WORDS.has(word) ||
    /\d/.test(word) ||
    terms.isStoryWord(word) ||
    lexicon.isWord(word)
  )
    return undefined;
  const [best] = terms.corrections(word);
  if (best !== undefined) return best;
  // "wich", "anythin", "hwo": a question's own words misspelled — one with a letter left out
  // first ("whn" is "when", not "who").
  if (word.length >= 3) {
    const near = [...WH_WORDS, ...AUXILIARIES, ...FRAME_WORDS].filter(
      (known) => known.length >= 3 && editDistance(word, known, 1) <= 1,
    );
    // One edit away and longer: the typed word is it with a letter left out.
    const found = near.find((known) => known.length > word.length) ?? near[0];
    if (found !== undefined) return found;
  }
  // Otherwise the English word it was meant to be ("resluts" → results), which may then
  // match the story through its synonyms.
  return lexicon.nearestWord(word);
}
