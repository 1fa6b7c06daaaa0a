import type { Party } from '../corpus/corpusTypes.js';
import { analyze, type Token } from '../text/analyzer.js';
import { PARTY_TOKEN, PhraseMatcher, partyPhrases } from '../text/phrases.js';
import { isNegation } from './negations.js';
import type { QuotedPart } from './quotedParts.js';

/**
 * Who a message says spoke the words it quotes: "X said/wrote/admitted … “…”", "according to X,
 * …", "X: “…”", "“…” — X", "X's statement said", "in X's words". X must be a party of the corpus,
 * by name or alias; a pronoun ("he said") or anyone else names no one. The patterns are English
 * reporting grammar, a closed class; the names are the editors'.
 */
export interface AttributedSpeaker {
  readonly party: Party;
  /** Where the claim starts in the quotation: 0, or after "X said that" in a message that quotes nothing. */
  readonly claimFrom: number;
}

/**
 * Verbs that give words to a speaker, in the forms people type them. Bare forms only where a
 * question or a plural subject needs them ("did Microsoft really say"): "Microsoft, explain this:"
 * addresses Microsoft, it does not quote it.
 */
const SPEECH_VERBS: ReadonlySet<string> = new Set(
  (
    'say says said saying write writes wrote written writing tells told telling ' +
    'admit admits admitted admitting claim claims claimed claiming state states stated stating ' +
    'adds added announces announced report reports reported confirms confirmed acknowledges ' +
    'acknowledged insists insisted argues argued explains explained notes noted concedes conceded ' +
    'asserts asserted alleges alleged declares declared clarifies clarified warns warned posts ' +
    'posted tweets tweeted reads'
  ).split(' '),
);
/** Chat's quotative: "Microsoft be like “…”", "and the Guardian was like “…”". */
const QUOTATIVE_BE: ReadonlySet<string> = new Set('be is was were are'.split(' '));

/** A name right after one of these is not who speaks ("the article about Microsoft says"). */
const PREPOSITIONS: ReadonlySet<string> = new Set(
  'about of on into against over regarding at with for to toward towards after before than like unlike in under'.split(
    ' ',
  ),
);
/** Before a word, these make it a noun: "the report", "its statement". */
const NOUN_MARKERS: ReadonlySet<string> = new Set(
  'the a an its their his her our this that these those'.split(' '),
);
/** Between a speaker and the verb, one of these starts another clause. */
const JOINERS: ReadonlySet<string> = new Set(
  'that which who and but so because when while if although though then or'.split(' '),
);
/** Words between a speaker's name and the verb ("Microsoft ended their May 15 statement writing"). */
const MAX_SUBJECT_GAP = 6;
/** Words between a cue and the quotation ("said in its May 15 statement that “…”"). */
const MAX_CUE_GAP = 6;

interface Named {
  readonly party: Party;
  /** Token indexes, `to` exclusive. */
  readonly from: number;
  readonly to: number;
}

interface Reading {
  readonly tokens: readonly Token[];
  readonly names: readonly Named[];
}

interface PartyNames {
  readonly matcher: PhraseMatcher;
  readonly byCanonical: ReadonlyMap<string, Party>;
}

const namesOf = new WeakMap<readonly Party[], PartyNames>();

function partyNames(parties: readonly Party[]): PartyNames {
  let names = namesOf.get(parties);
  if (!names) {
    names = {
      matcher: new PhraseMatcher(partyPhrases(parties)),
      byCanonical: new Map(parties.map((p) => [PARTY_TOKEN + p.id, p])),
    };
    namesOf.set(parties, names);
  }
  return names;
}

function read(text: string, parties: readonly Party[]): Reading {
  const tokens = analyze(text);
  const { matcher, byCanonical } = partyNames(parties);
  const names: Named[] = [];
  for (const match of matcher.match(tokens)) {
    const party = byCanonical.get(match.canonical);
    // At one place, the longest name: "Israel's military surveillance agency", not "Israel".
    if (party && !names.some((n) => n.from <= match.from && match.to <= n.to))
      names.push({ party, from: match.from, to: match.to });
  }
  return { tokens, names };
}

const wordAt = (reading: Reading, i: number): string => reading.tokens[i]?.word ?? '';

/** Where a name starts, with its article: "the IDF". */
const leadOf = (reading: Reading, name: Named): number =>
  wordAt(reading, name.from - 1) === 'the' ? name.from - 1 : name.from;

/** The party whose name ends just before token `verb`, as its subject. */
function subjectOf(reading: Reading, text: string, verb: number): Named | undefined {
  const verbStart = reading.tokens[verb]?.start ?? 0;
  let best: Named | undefined;
  for (const name of reading.names) {
    if (name.to > verb || verb - name.to > MAX_SUBJECT_GAP) continue;
    const between = reading.tokens.slice(name.to, verb).map((t) => t.word);
    const gapText = text.slice(reading.tokens[name.to - 1]?.end ?? 0, verbStart);
    if (between.some((w) => JOINERS.has(w)) || /[.!?;:"“”]/.test(gapText)) continue;
    if (PREPOSITIONS.has(wordAt(reading, leadOf(reading, name) - 1))) continue;
    if (!best || name.to > best.to) best = name;
  }
  return best;
}

/** "did not say", "never said", "didn't write": the message denies it, and names no speaker. */
const denied = (reading: Reading, verb: number): boolean =>
  [1, 2].some((back) => isNegation(wordAt(reading, verb - back)));

/** A cue: who it names, its last token, and where the claim it introduces starts. */
interface Cue {
  readonly party: Party;
  readonly end: number;
  readonly claimAt: number;
}

/** Every cue of a stretch of text: speech verbs with their subjects, and the fixed phrases. */
function cues(reading: Reading, text: string): Cue[] {
  const { tokens } = reading;
  const found: Cue[] = [];
  tokens.forEach((token, v) => {
    const speech =
      SPEECH_VERBS.has(token.word) ||
      (token.word === 'like' && QUOTATIVE_BE.has(wordAt(reading, v - 1)));
    if (!speech || denied(reading, v)) return;
    // "the Guardian's report", "its statement reads": a noun after a possessive or an article
    // names a document, it says nothing of who speaks.
    const previous = tokens[v - 1];
    if (
      previous &&
      (NOUN_MARKERS.has(previous.word) || /['’]s$/i.test(text.slice(previous.start, previous.end)))
    )
      return;
    const subject = subjectOf(reading, text, v);
    if (!subject) return;
    // "said that …", "said in a statement that …": the claim starts after "that".
    const that = tokens.slice(v + 1, v + 1 + MAX_CUE_GAP).findIndex((t) => t.word === 'that');
    // "reported on an investigation" reports nothing said.
    if (that < 0 && PREPOSITIONS.has(wordAt(reading, v + 1))) return;
    const claim = tokens[that >= 0 ? v + 2 + that : v + 1];
    found.push({ party: subject.party, end: v, claimAt: claim?.start ?? text.length });
  });
  for (const name of reading.names) {
    const lead = leadOf(reading, name);
    const before = (k: number): string => wordAt(reading, lead - k);
    const nameEnd = tokens[name.to - 1]?.end ?? 0;
    const explicit =
      (before(2) === 'according' && before(1) === 'to') ||
      before(1) === 'per' ||
      before(1) === 'quoting' ||
      (before(3) === 'the' && before(2) === 'words' && before(1) === 'of') ||
      // "in Microsoft's words"
      (before(1) === 'in' && wordAt(reading, name.to) === 'words');
    // "FOX 28 in their own words: “…”"
    const ownWords = /^\s+in\s+(?:their|its|his|her)\s+(?:own\s+)?words\s*[:,]/iu.exec(
      text.slice(nameEnd),
    );
    if (ownWords) {
      const end = Math.min(tokens.length - 1, name.to + (ownWords[0].includes('own') ? 3 : 2));
      found.push({ party: name.party, end, claimAt: nameEnd + ownWords[0].length });
    }
    if (explicit) {
      const words = wordAt(reading, name.to) === 'words';
      const end = words ? name.to : name.to - 1;
      found.push({ party: name.party, end, claimAt: tokens[end + 1]?.start ?? text.length });
    }
    // "Microsoft: “…”", "Microsoft's statement: “…”"
    const possessive = /['’]s$/i.test(text.slice(tokens[name.to - 1]?.start ?? 0, nameEnd));
    const colon = (possessive ? /^\s+\p{L}+\s*:/u : /^\s*:/u).exec(text.slice(nameEnd));
    if (colon) {
      const end = possessive ? name.to : name.to - 1;
      found.push({ party: name.party, end, claimAt: nameEnd + colon[0].length });
    }
  }
  return found.sort((a, b) => a.end - b.end);
}

/** The cue nearest the end of the words before a quotation, when it is close enough to it. */
function cueBefore(text: string, parties: readonly Party[]): Party | undefined {
  // Only the sentence the quotation is in.
  const clause = text.split(/[!?\n]|\.\s/).pop() ?? '';
  const reading = read(clause, parties);
  const last = cues(reading, clause).pop();
  if (!last || reading.tokens.length - 1 - last.end > MAX_CUE_GAP) return undefined;
  return last.party;
}

/** "“…” — Microsoft", "“…”, Microsoft said", "“…” says Microsoft", "“…” (Microsoft, May 15)". */
function cueAfter(text: string, parties: readonly Party[]): Party | undefined {
  const clause = text.split(/[!?\n]|\.\s/)[0] ?? '';
  const reading = read(clause, parties);
  const first = reading.names.find((n) => leadOf(reading, n) <= 2);
  if (!first) return undefined;
  const lead = leadOf(reading, first);
  const opener = clause.slice(0, reading.tokens[lead]?.start ?? 0);
  if (lead === 0 && /^\s*[,;]?\s*(?:[-–—~]+|\()\s*$/.test(opener)) return first.party;
  const words = reading.tokens
    .slice(0, lead)
    .map((t) => t.word)
    .join(' ');
  if (SPEECH_VERBS.has(words) || words === 'according to') return first.party;
  const next = [wordAt(reading, first.to), wordAt(reading, first.to + 1)];
  if (lead === 0 && next.some((w) => SPEECH_VERBS.has(w))) return first.party;
  return undefined;
}

/**
 * A message that quotes nothing says who spoke inside its words: "Microsoft said that …",
 * "according to the Guardian, …", "Microsoft: …", or at its end "…, Microsoft said".
 */
function cueInside(text: string, parties: readonly Party[]): AttributedSpeaker | undefined {
  const first = cues(read(text, parties), text)[0];
  if (first) return { party: first.party, claimFrom: first.claimAt };
  const lastBreak = Math.max(text.lastIndexOf(','), text.lastIndexOf(' - '), text.lastIndexOf('—'));
  const party = lastBreak > 0 ? cueAfter(text.slice(lastBreak), parties) : undefined;
  return party ? { party, claimFrom: 0 } : undefined;
}

/** Who the message says spoke `part`, when it names a party of the corpus. */
export function attributedSpeaker(
  part: QuotedPart,
  parties: readonly Party[],
): AttributedSpeaker | undefined {
  if (part.whole) return cueInside(part.text, parties);
  const party = cueBefore(part.before, parties) ?? cueAfter(part.after, parties);
  return party ? { party, claimFrom: 0 } : undefined;
}
