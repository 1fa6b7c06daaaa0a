import type { Lexicon } from '../lexicon/lexicon.js';
import { STOP_WORDS } from '../text/analyzer.js';
import {
  AFTER_WORDS,
  AUXILIARIES,
  DETERMINERS,
  FILLERS,
  FRAME_WORDS,
  QUANTITY_WORDS,
  WH_WORDS,
} from './questionWords.js';
import type { WordGroup } from './wordGroups.js';

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

/** After these the verb is bare: "did Microsoft clear itself" — the reflexive is its object. */
const DO_FORMS = new Set(['do', 'does', 'did', "don't", "doesn't", "didn't"]);
const OBJECTS_BEFORE_A_REFLEXIVE = new Set(['it', 'this', 'that', 'them', 'everything', 'all']);

/**
 * Whether the word before a reflexive at `at` reads as a bare verb in a "do" question: not an
 * object ("did they do it themselves", "run the review itself" — a noun after a determiner).
 */
function bareVerbBefore(words: readonly string[], at: number): boolean {
  const before = words[at - 1] ?? '';
  return !OBJECTS_BEFORE_A_REFLEXIVE.has(before) && !DETERMINERS.has(words[at - 2] ?? '');
}

/** Prepositions that make "is X a Y of Z" a relation of X to Z rather than what X is. */
const RELATING_WORDS = new Set([
  'of',
  'to',
  'for',
  'with',
  'by',
  'from',
  'in',
  'on',
  'at',
  'about',
]);

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
      (w, i) =>
        i > first + 1 &&
        REFLEXIVES.has(w) &&
        !/(?:ed|ing)$/.test(words[i - 1] ?? '') &&
        !(DO_FORMS.has(word) && bareVerbBefore(words, i)),
    );
    if (emphatic) return 'who';
    // "is it done", "did microsoft": a yes/no question, unless a question word comes first.
    return 'yes-no';
  }
  const next = words[first + 1] ?? '';
  // "How long after the Guardian story did Microsoft announce its review" asks when, after it.
  if (word === 'how' && next === 'long' && AFTER_WORDS.has(words[first + 2] ?? '')) return 'when';
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

/**
 * The kind of a read part, from its frame and the groups of its words, and the groups that are its
 * topic: of a definition, only what is defined.
 */
export function partKind(
  plain: readonly string[],
  read: readonly WordGroup[],
  head: string | undefined,
): { kind: QuestionKind; groups: readonly WordGroup[] } {
  const kindAsked = questionKind(plain);
  let groups = read;
  // "Is the Guardian a UK paper (or what)?", "who's unit 8200, like a hacker group?": whether
  // a party is a kind of thing is answered by what the party is, its entry; the words after "a"
  // are the kind asked about, not a topic. Not "is the ministry a client of Microsoft", a
  // relation to another.
  const article = plain.findIndex((w) => w === 'a' || w === 'an');
  const named = groups.filter((g) => g.partyId !== undefined);
  const asking = plain.findIndex((w) => WH_WORDS.has(w) || AUXILIARIES.has(w));
  const isVerb = ['is', 'was', 'are', 'were'];
  const asksWhatItIs =
    (kindAsked === 'yes-no' && isVerb.includes(plain[asking] ?? '')) ||
    ((kindAsked === 'who' || kindAsked === 'what') && isVerb.includes(plain[asking + 1] ?? ''));
  const isA =
    asksWhatItIs &&
    article > asking + 1 &&
    named.length === 1 &&
    groups.every((g) => (g.partyId !== undefined) === g.at < article) &&
    !plain.slice(article + 1).some((w) => RELATING_WORDS.has(w));
  if (isA) groups = named;
  // "Who is Brad Smith" defines a party or a name; "who is Microsoft's client in Israel" asks
  // who stands in a relation, and is a "who" question.
  const subject = groups.filter((g) => g.word !== head);
  const parties = new Set(subject.flatMap((g) => (g.partyId === undefined ? [] : [g.partyId])));
  const definesOne =
    (parties.size === 1 && subject.every((g) => g.partyId !== undefined)) ||
    (parties.size === 0 && subject.length <= 2);
  const kind = isA
    ? 'define'
    : kindAsked === 'define' && !definesOne
      ? questionKind(plain, false)
      : kindAsked;
  // "What kind of outlet is +972": the answer is the party's role; "outlet" is its kind.
  if (kind === 'define' && subject.length > 0) groups = subject;
  return { kind, groups };
}
