import type { Lexicon } from '../lexicon/lexicon.js';
import { STOP_WORDS } from '../text/analyzer.js';
import { AUXILIARIES, FILLERS, FRAME_WORDS, QUANTITY_WORDS, WH_WORDS } from './questionWords.js';

export type QuestionKind =
  | 'who'
  | 'when'
  | 'where'
  | 'why'
  | 'how'
  | 'quantity'
  /** "What is X", "who is X": a definition of something named. */
  | 'define'
  | 'yes-no'
  | 'what';

const REFLEXIVES = new Set(['itself', 'themselves', 'himself', 'herself']);

/** The kind of answer a question asks for, from its frame (`mayDefine` false: never "define"). */
export function questionKind(all: readonly string[], mayDefine = true): QuestionKind {
  // "what even is …", "who actually runs …": fillers do not change what is asked.
  const words = all.filter((w) => !FILLERS.has(w));
  const first = words.findIndex((w) => WH_WORDS.has(w) || AUXILIARIES.has(w));
  const word = words[first];
  if (word === undefined) return 'what';
  if (AUXILIARIES.has(word)) {
    // "Is Microsoft doing the review itself?" asks who does it: the answer names someone.
    // Not "did it investigate itself", where the reflexive is what was done to.
    const emphatic = words.some(
      (w, i) => i > first + 1 && REFLEXIVES.has(w) && !/(?:ed|ing)$/.test(words[i - 1] ?? ''),
    );
    if (emphatic) return 'who';
    // "is it done", "did microsoft": a yes/no question, unless a question word comes first.
    return 'yes-no';
  }
  const next = words[first + 1] ?? '';
  if (word === 'how' && QUANTITY_WORDS.has(next)) return 'quantity';
  // "what kind of outlet is +972": a definition of what follows the verb.
  if (
    mayDefine &&
    word === 'what' &&
    ['kind', 'sort', 'type'].includes(next) &&
    words[first + 2] === 'of'
  ) {
    const verb = words.findIndex(
      (w, i) => i > first + 3 && ['is', 'are', 'was', 'were'].includes(w),
    );
    if (verb > 0 && verb < words.length - 1) return 'define';
  }
  if (
    mayDefine &&
    (word === 'who' || word === 'what') &&
    ['is', 'are', 'was', 'were'].includes(next)
  ) {
    // "who is Brad Smith", "what is Local Call" — not "who is running it" (a verb follows).
    const rest = words.slice(first + 2).filter((w) => !FRAME_WORDS.has(w));
    // A verb after it ("what is Microsoft investigating") asks what someone does.
    const verb = rest.some((w) => /(?:ing|ed)$/.test(w)) || /ing$/.test(words[first + 2] ?? '');
    if (rest.length > 0 && rest.length <= 3 && !verb) return 'define';
  }
  switch (word) {
    case 'who':
    case 'whom':
    case 'whose':
      return 'who';
    case 'when':
      return 'when';
    case 'where':
      return 'where';
    case 'why':
      return 'why';
    case 'how':
      return 'how';
    default:
      return 'what';
  }
}

/**
 * "which country", "what kind of outlet", "what moral code", "which news site": the noun the
 * answer is a kind of — a phrase WordNet knows, or else the last noun before the verb.
 */
export function headNoun(words: readonly string[], lexicon: Lexicon): string | undefined {
  const at = words.findIndex((w) => w === 'which' || w === 'what');
  if (at < 0) return undefined;
  let i = at + 1;
  if (['kind', 'sort', 'type'].includes(words[i] ?? '') && words[i + 1] === 'of') i += 2;
  const phrase: string[] = [];
  for (; i < words.length && phrase.length < 3; i++) {
    const word = words[i] as string;
    if (FRAME_WORDS.has(word) || STOP_WORDS.has(word)) break;
    if (phrase.length > 0 && lexicon.mainPartOfSpeech(word) === 'verb') break;
    phrase.push(word);
  }
  if (phrase.length === 0) return undefined;
  const whole = phrase.join(' ');
  return phrase.length > 1 && lexicon.isWord(whole) ? whole : phrase.at(-1);
}
