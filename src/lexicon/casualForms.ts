/**
 * How people type in chat, in standard English: contractions without their apostrophe ("whats",
 * "didnt"), chat shorthand ("u", "r", "wat", "abt") and dropped g's ("doin"). General English,
 * nothing about the story: a question is read in these words, while the reply echoes what was typed.
 */
const CASUAL: Readonly<Record<string, string>> = {
  whats: 'what is',
  whos: 'who is',
  wheres: 'where is',
  whens: 'when is',
  hows: 'how is',
  whys: 'why is',
  thats: 'that is',
  theres: 'there is',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  hasnt: 'has not',
  havent: 'have not',
  hadnt: 'had not',
  cant: 'can not',
  couldnt: 'could not',
  wont: 'will not',
  wouldnt: 'would not',
  shouldnt: 'should not',
  im: 'i am',
  ive: 'i have',
  youre: 'you are',
  theyre: 'they are',
  u: 'you',
  ur: 'your',
  r: 'are',
  y: 'why',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  whar: 'what',
  hw: 'how',
  wen: 'when',
  abt: 'about',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  kinda: 'kind of',
  sorta: 'sort of',
  dunno: 'do not know',
  idk: 'i do not know',
  ppl: 'people',
  govt: 'government',
  gov: 'government',
  tho: 'though',
  thru: 'through',
  rn: 'right now',
  b4: 'before',
  w: 'with',
};

const QUESTION_WORDS = new Set(['what', 'who', 'where', 'when', 'how', 'why']);

/** The standard words for a folded casual word, or undefined when it is not one. */
export function standardForm(word: string, isWord: (word: string) => boolean): string | undefined {
  if (Object.hasOwn(CASUAL, word)) return CASUAL[word];
  // "wats", "wuts", "hws": a question word's chat form with an "s" is its contraction with "is",
  // as "whats" is — whether or not the letters also spell a word ("WATS", a telephone service).
  const stem = word.endsWith('s') ? word.slice(0, -1) : '';
  const questionWord = Object.hasOwn(CASUAL, stem) ? CASUAL[stem] : undefined;
  if (questionWord !== undefined && QUESTION_WORDS.has(questionWord)) return `${questionWord} is`;
  // "doin", "goin", "sayin": a dropped g, when the word with it is English and without it is not.
  if (word.length >= 4 && word.endsWith('in') && !isWord(word) && isWord(`${word}g`))
    return `${word}g`;
  return undefined;
}
