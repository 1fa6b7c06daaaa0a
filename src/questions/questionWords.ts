/**
 * The grammar of English questions, as far as answering needs it: the words that frame a question
 * rather than say what it is about. General English only — nothing here names the story; what a
 * question is about is always matched against the corpus.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

export const WH_WORDS = words('who whom whose what when where which why how');

/** The auxiliary that makes a following word a verb ("what did the Guardian report"). */
export const DO_WORDS = words('do does did');

/** Words a yes/no question starts with. */
export const AUXILIARIES = words(`
  is are was were am be been do does did has have had can could will would shall should may might must
`);

/**
 * Words that carry no topic in a question: pronouns, determiners, auxiliaries, fillers and verbs
 * of asking. A question made of nothing else asks about the story as a whole. Not "already":
 * what was so before is something texts say ("Israel already intercepted calls …").
 */
export const FRAME_WORDS = words(`
  a an the and or but if of to in on at by for from with as into onto about than then so
  is are was were am be been being do does did doing done has have had having
  can could will would shall should may might must
  it its this that these those there here which who whom whose what when where why how
  i me my mine we our us you your he him his she her they them their theirs
  myself yourself himself herself itself ourselves themselves
  any some such very just also too more most other own same only both each all every
  anyone anybody anything someone somebody something everyone everything one ones
  nobody nothing none true correct accurate
  actually really ever still yet now currently exactly even much many lot lots
  basically honestly literally seriously totally genuinely truly def definitely
  kind sort type thing things stuff way bit
  tell show give explain say said says mean means know knew known think thought
  please thanks hey hi hello ok okay yeah yes no not
  nah nope yep yup lol lmao tbh ngl imo imho btw fwiw afaik iirc smh
  get got getting go going goes went come came coming comes
  happen happened happens happening
  whether else again anyway like because though although unless while
  since during until till amongst toward towards versus whereas whilst amid
  back ago called named once
  off up out down away under above below between among within across along around upon via per
  make makes made making
`);

/** Words that ask where something stands now: "is it done yet", "what's the latest". */
export const STATUS_WORDS = words(`
  status latest now yet still currently current ongoing progress
  done over finished ended concluded
`);

/**
 * Status words that ask where things stand only at the end of what is asked ("is it over yet?"),
 * not before what they govern ("accusations over Project Nimbus", "what has it done about it").
 */
export const CLOSING_STATUS_WORDS = words('done over finished ended concluded');

/**
 * Words that start what a word governs — a preposition, a determiner, an object pronoun: after
 * one of them "over" or "done" is not where things stand ("protest over this", "move everything
 * over to AWS", "done with it").
 */
export const GOVERNED_WORDS = words(`
  to with for from about at on in into onto by of against
  this that these those it them him her us me the a an my your his our their any some
`);

/** Words that ask what happened: "what happened after …", "what did they do". */
export const EVENT_WORDS = words('happen happened happens happening event events do done doing');

/** Words that give a reason: they make a text an answer to "why". */
export const REASON_WORDS = words(
  'after because since following due prompted response reason reasons led',
);

/** Nouns for who wrote a document: "who were the reporters behind it". */
export const AUTHOR_NOUNS = words(`
  writer writers author authors byline reporter reporters journalist journalists
`);

/** Words that ask what a document is called: "what was the headline of the Guardian story". */
export const TITLE_WORDS = words('headline headlines title titled');

/** Words that ask who wrote a document. */
export const AUTHOR_WORDS = new Set([
  ...AUTHOR_NOUNS,
  ...words('wrote written write writes writing authored penned'),
]);

/** Words that ask about a document: who wrote it, when it came out, what it is called. */
export const DOCUMENT_WORDS: ReadonlySet<string> = new Set([
  ...AUTHOR_WORDS,
  ...words(`
  article articles story stories piece report reports statement statements post blog update
  title headline called named name site website
  published publish posted post link source sources outlet outlets newspaper paper magazine
`),
]);

/** Nouns that name a document: "the Guardian piece", "Microsoft's update". */
export const DOCUMENT_NOUNS = words(
  'article story piece report statement post blog update headline title',
);

/**
 * Verbs of saying that an editors' entry naming a party uses for what the party said (a party
 * whose entry "said" or "announced" something speaks in the story).
 */
export const STATEMENT_WORDS = words(`
  say said says saying wrote write writes state stated statement claim claimed claims
  report reported reports respond responded response reply replied replies
  announce announced admit admitted
  comment commented allege alleged think thought
`);

/**
 * Verbs of saying: "what did X say", "did they deny it" ask for X's own words. A denial is words,
 * but "the denial of others" in an entry is not someone speaking.
 */
export const SPEECH_WORDS: ReadonlySet<string> = new Set([
  ...STATEMENT_WORDS,
  ...words('deny denied denies denying denial'),
]);

/** Verbs of answering something: "… and how did Microsoft respond" responds to what came before. */
export const REACTION_WORDS = words(`
  respond responds responded response react reacts reacted reaction reply replies replied answer
  answered
`);

/** A question word for "how many" and "how much". */
export const QUANTITY_WORDS = words('many much long');

/** Words that place a question in time relative to something else. */
export const AFTER_WORDS = words('after since following later');
export const BEFORE_WORDS = words('before prior earlier');

/** Pronouns that refer back to something named earlier (or to the story itself). */
export const REFERRING_PRONOUNS = words('it its they them their he him his she her this that');

export const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

/** 1–12 for a month's name or abbreviation. */
export function monthNumber(word: string): number | undefined {
  const index = MONTHS.findIndex((names) => names.includes(word));
  return index < 0 ? undefined : index + 1;
}

/** Words that change nothing of what is asked: "what even is …", "who actually runs …". */
export const FILLERS = new Set([
  'even',
  'actually',
  'really',
  'exactly',
  'just',
  'like',
  'so',
  'ok',
  'okay',
  'hey',
  'um',
  'uh',
  'well',
  'basically',
  'honestly',
  'literally',
  'again',
]);

/** Words before a noun: after them a word is used as a noun ("the guardian piece"). */
export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'my',
  'your',
  'his',
  'her',
  'its',
  'our',
  'their',
  'some',
  'any',
  'each',
  'every',
  'no',
  'another',
  'which',
  'what',
  'whose',
]);

/** Words before a verb: after them a word is used as a verb ("to cut", "they said"). */
export const BEFORE_VERBS = new Set([
  'to',
  'will',
  'would',
  'can',
  'could',
  'should',
  'might',
  'must',
  'do',
  'does',
  'did',
  'i',
  'we',
  'you',
  'they',
  'he',
  'she',
]);

/**
 * Interjections a message may open with before it asks ("wait whos unit 8200", "hmm what did
 * they find"): at the start they say nothing of the topic; elsewhere they may ("did they wait").
 */
const OPENERS = words('wait hmm hm huh oh ah aw wow yo bruh dude man welp alright anyway sorry');

/** The positions of the words that open a part before its question word or auxiliary. */
export function openingAsides(plain: readonly string[]): ReadonlySet<number> {
  const asides = new Set<number>();
  for (const [i, word] of plain.entries()) {
    if (WH_WORDS.has(word) || AUXILIARIES.has(word)) return asides;
    if (OPENERS.has(word)) asides.add(i);
    else if (!FRAME_WORDS.has(word)) return new Set();
  }
  return new Set();
}
