import type { Lexicon } from '../lexicon/lexicon.js';
import type { QuestionKind } from './questionKind.js';
import {
  AUXILIARIES,
  AUTHOR_NOUNS,
  AUTHOR_WORDS,
  CLOSING_STATUS_WORDS,
  DOCUMENT_NOUNS,
  DOCUMENT_WORDS,
  EVENT_WORDS,
  FRAME_WORDS,
  GOVERNED_WORDS,
  SPEECH_WORDS,
  STATUS_WORDS,
  TITLE_WORDS,
} from './questionWords.js';
import type { WordGroup } from './wordGroups.js';

/** What a part asks for beside its kind (see `ReadPart`, where each is described). */
export interface PartAsks {
  readonly asksStatus: boolean;
  readonly asksFuture: boolean;
  readonly asksEvent: boolean;
  readonly asksWords: boolean;
  readonly asksSource: boolean;
  readonly asksAuthor: boolean;
  readonly asksTitle: boolean;
  readonly expectsNumber: boolean;
  readonly expectsDate: boolean;
}

/** Who may be paid after "what" in an embedded question: "… say what they're getting paid". */
const PAID_SUBJECTS = new Set(['they', 'it', 'he', 'she', 'we', 'you', 'i']);

/** Words of signing a document, which name its author. */
const SIGNING_WORDS = new Set(['signed', 'unsigned', 'sign', 'signs', 'signature']);

/** Verbs whose object is an amount: "what are they paid", "what did it cost". */
const PAYING_WORDS = new Set([
  'paid',
  'pay',
  'pays',
  'paying',
  'cost',
  'costs',
  'charge',
  'charged',
  'earn',
  'earned',
  'earns',
]);

/** What the nouns of questions that ask for an amount are kinds of: "price", "cost", "worth". */
const AMOUNTS = ['value', 'amount'];

/**
 * What a part of the kind `kind` asks for, from its (standard) words; `asides` are the positions
 * of those that say nothing of its topic ("… after the Guardian story": no document asked for).
 */
export function partAsks(
  plain: readonly string[],
  kind: QuestionKind,
  lexicon: Lexicon,
  asides: ReadonlySet<number> = new Set(),
): PartAsks {
  const topic = plain.filter((_, i) => !asides.has(i));
  // "Is it over yet?", and "what happens next?", "when will we know?": where things stand.
  const future = plain.includes('will') || plain.includes('next');
  const asksStatus =
    plain.some(
      (w, i) =>
        STATUS_WORDS.has(w) &&
        (!CLOSING_STATUS_WORDS.has(w) ||
          (plain.slice(i + 1).every((x) => FRAME_WORDS.has(x)) &&
            !GOVERNED_WORDS.has(plain[i + 1] ?? ''))),
    ) &&
    kind !== 'who' &&
    kind !== 'when';
  const asksFuture = future && kind !== 'who';
  // "What happened …", "what did it do …" — not "what does X do" (X's role).
  const asksEvent =
    (kind === 'what' || kind === 'when') &&
    plain.some(
      (w) => EVENT_WORDS.has(w) && (!['do', 'done', 'doing'].includes(w) || plain.includes('did')),
    );
  // "What did X say" asks for X's words; "who wrote X" asks for an author.
  const asksWords = plain.some((w) => SPEECH_WORDS.has(w)) && kind !== 'who';
  const asksSource = topic.some((w) => DOCUMENT_WORDS.has(w));
  // "Who were the reporters on the Guardian piece": asks for a byline; so does whether a
  // document was signed ("is the May 15 statement signed by anyone"), not a deal or a sign-off.
  const asksAuthor =
    topic.some((w) => AUTHOR_WORDS.has(w)) ||
    (topic.some((w, i) => SIGNING_WORDS.has(w) && topic[i + 1] !== 'off') &&
      topic.some((w) => DOCUMENT_NOUNS.has(w)));
  // Of a document it names ("the headline of the Guardian story"), or "the headline of" what
  // a party published ("… of the Guardian's investigation") — not "Brad Smith's title".
  const asksTitle =
    topic.some((w, i) => TITLE_WORDS.has(w) && topic[i + 1] === 'of' && topic[i - 1] === 'the') ||
    (topic.some((w) => TITLE_WORDS.has(w)) &&
      topic.some((w) => DOCUMENT_NOUNS.has(w) && !TITLE_WORDS.has(w)));
  return {
    asksStatus,
    asksFuture,
    asksEvent,
    asksWords,
    asksSource,
    asksAuthor,
    asksTitle,
    expectsNumber: kind === 'quantity' || asksAmount(plain, lexicon),
    expectsDate:
      kind === 'when' ||
      plain.some(
        (w, i) =>
          (w === 'what' || w === 'which') &&
          ['year', 'date', 'month', 'day'].includes(plain[i + 1] ?? ''),
      ),
  };
}

/**
 * A part that asks for an author, without the nouns of authors: "who were the reporters on the
 * Guardian piece" — "reporters" is the kind of answer, not a word the answer must contain.
 */
export function withoutAuthorNouns(groups: readonly WordGroup[]): readonly WordGroup[] {
  const topic = groups.filter((g) => !AUTHOR_NOUNS.has(g.word));
  return topic.length > 0 ? topic : groups;
}

/** "What is the price of …", "what was the cost of …": the noun of "the X of" is an amount. */
function asksAmount(words: readonly string[], lexicon: Lexicon): boolean {
  // "What are they getting paid", "what did it cost", "… say what they're paid": "what" as the
  // object of paying — not "what products does it pay for", a thing paid for.
  const what = words.indexOf('what');
  const next = words[what + 1] ?? '';
  const paying =
    what >= 0 &&
    (AUXILIARIES.has(next) || PAID_SUBJECTS.has(next)) &&
    words.some((w, i) => i > what && PAYING_WORDS.has(w) && words[i + 1] !== 'for');
  if (paying) return true;
  const at = words.findIndex(
    (w, i) =>
      w === 'what' &&
      ['is', 'was', 'are', 'were'].includes(words[i + 1] ?? '') &&
      words[i + 2] === 'the',
  );
  const noun = at < 0 ? undefined : words[at + 3];
  return (
    noun !== undefined &&
    words[at + 4] === 'of' &&
    AMOUNTS.some((amount) => lexicon.isKindOf(noun, amount, 3))
  );
}
