import type { Lexicon } from '../lexicon/lexicon.js';
import type { QuestionPart } from './questionParts.js';
import { headNoun, questionKind, type QuestionKind } from './questionKind.js';
import {
  AFTER_WORDS,
  AUXILIARIES,
  AUTHOR_NOUNS,
  AUTHOR_WORDS,
  BEFORE_WORDS,
  CLOSING_STATUS_WORDS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  DOCUMENT_WORDS,
  EVENT_WORDS,
  FRAME_WORDS,
  GOVERNED_WORDS,
  monthNumber,
  REACTION_WORDS,
  REFERRING_PRONOUNS,
  SPEECH_WORDS,
  STATUS_WORDS,
  TITLE_WORDS,
  WH_WORDS,
} from './questionWords.js';
import type { Correction } from '../search/query.js';
import { standardWords } from './standardWords.js';
import type { StoryTerms } from './storyTerms.js';
import { WordGroups, type WordGroup } from './wordGroups.js';

/**
 * A question part, read: what kind of answer it wants, what it is about (groups of ways each of
 * its words can match), the parties it names, and when. Reading uses the story's vocabulary and
 * WordNet, nothing tuned to particular questions.
 */

export interface ReadPart {
  readonly text: string;
  readonly kind: QuestionKind;
  /** "Which country …", "what kind of outlet …": the kind of thing the answer names. */
  readonly head?: string | undefined;
  readonly groups: readonly WordGroup[];
  /** Asks where things stand now ("is it done yet", "what's the latest"). */
  readonly asksStatus: boolean;
  /** Asks what comes next ("will they publish…", "when will we know"): the status and promises answer it. */
  readonly asksFuture: boolean;
  /** Asks what happened or what someone did. */
  readonly asksEvent: boolean;
  /** Asks what someone said or wrote. */
  readonly asksWords: boolean;
  /** The party whose words it asks for ("what did the IDF say"). */
  readonly speaker?: string | undefined;
  /** Someone the story never names whose words it asks for ("has the UN commented"), as typed. */
  readonly strangeSpeaker?: string | undefined;
  /** Asks about a document: its author, date, title. */
  readonly asksSource: boolean;
  /** Asks who wrote a document ("who were the reporters behind …"). */
  readonly asksAuthor: boolean;
  /** Asks what a document is called ("what was the headline of the Guardian story"). */
  readonly asksTitle: boolean;
  /** Asks for an amount: "how many …", "the price of …". */
  readonly expectsNumber: boolean;
  /** Asks for a date: "when …", "what year …". */
  readonly expectsDate: boolean;
  readonly months: readonly number[];
  readonly years: readonly number[];
  /** "… after the review started": the words that name the earlier event. */
  readonly after?: string | undefined;
  readonly before?: string | undefined;
  readonly corrections: readonly Correction[];
  /**
   * Groups taken from the part before for a pronoun ("… when did Microsoft bring them in"): they
   * rank answers, but the part's own words must be what the sources speak of — and so must a
   * time taken from the part before with them.
   */
  readonly borrowed?: ReadonlySet<WordGroup> | undefined;
  /** The parties that answered a "who" part ("who's the law firm on the review": Covington). */
  readonly answeredBy?: readonly WordGroup[] | undefined;
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

/** The auxiliary that makes a following word a verb: "what did the Guardian report". */
const DO_WORDS = new Set(['do', 'does', 'did']);

/** Pronouns that stand for something done to: "bring them in", "look into it". */
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her']);

/** Pronouns that are the subject of a verb: "did they deny it". */
const SUBJECT_PRONOUNS = new Set(['they', 'he', 'she']);

/** What the nouns of questions that ask for an amount are kinds of: "price", "cost", "worth". */
const AMOUNTS = ['value', 'amount'];
const TIME_PREPOSITIONS = new Set([
  'in',
  'on',
  'since',
  'after',
  'before',
  'during',
  'of',
  'until',
  'by',
]);

/** Cues of a time clause only before this word ("later than", "prior to"). */
const COMPARATIVE_CUES: Readonly<Record<string, string>> = {
  later: 'than',
  earlier: 'than',
  prior: 'to',
};
/** Words that say how near in time, before "after" or "before": "right after", "shortly before". */
const TIME_DEGREE = new Set([
  'right',
  'just',
  'shortly',
  'soon',
  'immediately',
  'directly',
  'straight',
  'long',
  'well',
]);

export class QuestionReader {
  private readonly wordGroups: WordGroups;

  constructor(
    private readonly terms: StoryTerms,
    private readonly lexicon: Lexicon,
  ) {
    this.wordGroups = new WordGroups(terms, lexicon);
  }

  read(part: QuestionPart, previous?: ReadPart): ReadPart {
    const corrections: Correction[] = [];
    const words = standardWords(part.text, corrections, this.terms, this.lexicon);
    const plain = words.map((w) => w.word);

    const kindAsked = questionKind(plain);
    const head = headNoun(plain, this.lexicon);
    const months: number[] = [];
    const years: number[] = [];
    const timeWords = new Set<number>();
    plain.forEach((word, i) => {
      const month = monthNumber(word);
      const isMonth =
        month !== undefined &&
        (word !== 'may' ||
          TIME_PREPOSITIONS.has(plain[i - 1] ?? '') ||
          DETERMINERS.has(plain[i - 1] ?? '') ||
          /^\d/.test(plain[i + 1] ?? ''));
      if (isMonth) {
        months.push(month);
        timeWords.add(i);
        // "late September", "early May": where in the month is not a topic.
        if (['late', 'early', 'mid', 'end', 'beginning'].includes(plain[i - 1] ?? ''))
          timeWords.add(i - 1);
      } else if (/^(?:19|20)\d\d$/.test(word)) {
        years.push(Number(word));
        timeWords.add(i);
      }
    });
    const clause = (cue: ReadonlySet<string>): string | undefined => {
      const at = plain.findIndex((word, i) => cue.has(word) && i > 0);
      // "earlier", "later" alone say when, not after what: only "earlier than", "prior to" do.
      const comparative = COMPARATIVE_CUES[plain[at] ?? ''];
      if (at >= 0 && comparative !== undefined && plain[at + 1] !== comparative) {
        timeWords.add(at);
        return undefined;
      }
      if (at < 0) return undefined;
      // "right after", "shortly before": how near in time is not a topic either.
      const from = TIME_DEGREE.has(plain[at - 1] ?? '') ? at - 1 : at;
      for (let i = from; i < plain.length; i++) timeWords.add(i);
      return plain.slice(at + 1).join(' ');
    };
    const after = clause(AFTER_WORDS);
    const before = after === undefined ? clause(BEFORE_WORDS) : undefined;
    // "in the first place", "of course", "at all": adverbial idioms say nothing of the topic.
    for (const [from, to] of this.adverbialIdioms(plain))
      for (let i = from; i < to; i++) timeWords.add(i);

    const content = words.filter((_, i) => !timeWords.has(i));
    let groups: readonly WordGroup[] = this.wordGroups.groups(content, head);
    // "Is the Guardian a UK paper (or what)?": whether a party is a kind of thing is answered by
    // what the party is, its entry; the words after "a" are the kind asked about, not a topic.
    // Not "is the ministry a client of Microsoft", a relation to another.
    const article = plain.findIndex((w) => w === 'a' || w === 'an');
    const named = groups.filter((g) => g.partyId !== undefined);
    const isA =
      kindAsked === 'yes-no' &&
      ['is', 'was', 'are', 'were'].includes(plain[0] ?? '') &&
      article > 1 &&
      named.length === 1 &&
      groups.every((g) => (g.partyId !== undefined) === g.at < article) &&
      !plain.slice(article + 1).some((w) => RELATING_WORDS.has(w));
    if (isA) groups = named;
    // "Who is Brad Smith" defines a party or a name; "who is Microsoft's client in Israel" asks
    // who stands in a relation, and is a "who" question.
    const subject = groups.filter((g) => g.label.toLowerCase() !== head);
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
        (w) =>
          EVENT_WORDS.has(w) && (!['do', 'done', 'doing'].includes(w) || plain.includes('did')),
      );
    // "What did X say" asks for X's words; "who wrote X" asks for an author.
    const asksWords = plain.some((w) => SPEECH_WORDS.has(w)) && kind !== 'who';
    const asksSource = plain.some((w) => DOCUMENT_WORDS.has(w));

    // "What did the Guardian report?": the verb of saying asks for the party's words; the
    // party is what must match.
    // "Say", "tell", "think" are verbs of saying and nothing else, though frame words, not
    // groups: when one comes before any other word of saying, who says is the nearest word
    // before it ("what did the IDF say … about the Guardian report": the IDF, not the Guardian).
    // A group ("report", "statement") may be a noun ("the Guardian report"): as before.
    const speech = groups.find((g) => SPEECH_WORDS.has(g.label.toLowerCase()));
    const saidAt = content.findIndex((w) => SPEECH_WORDS.has(w.word) && FRAME_WORDS.has(w.word));
    const sayer =
      saidAt >= 0 && (!speech || saidAt < speech.at)
        ? this.sayerBefore(groups, saidAt)
        : speech
          ? this.sayerBefore(groups, speech.at)
          : undefined;
    // "… did they deny it": "they" say, and are whoever said in the part before.
    const sayerReferred =
      sayer === undefined &&
      previous !== undefined &&
      plain.some((w) => SUBJECT_PRONOUNS.has(w)) &&
      !groups.some((g) => g.partyId !== undefined || g.strangeName);
    const speaker = sayer?.partyId ?? (sayerReferred ? previous.speaker : undefined);
    // "Has the UN commented": the words of someone the story never names.
    const strangeSpeaker = sayer?.strangeName
      ? sayer.label
      : sayerReferred
        ? previous.strangeSpeaker
        : undefined;
    // Not "its August statement", "any response" — after a determiner it is a thing, still asked
    // about — nor "what is in the Guardian report", right after the name with no "do" to make it
    // a verb ("what did the Guardian report").
    const afterName =
      speech !== undefined &&
      sayer !== undefined &&
      (sayer.partyId !== undefined || sayer.strangeName) &&
      groups.every((g) => g === speech || g.at <= sayer.at || g.at > speech.at) &&
      speech.at - sayer.at <= sayer.label.split(/\s+/).length &&
      !plain.some((w) => DO_WORDS.has(w));
    const speechNamed =
      speech !== undefined && (DETERMINERS.has(content[speech.at - 1]?.word ?? '') || afterName);
    if (speaker !== undefined && !speechNamed) groups = groups.filter((g) => g !== speech);
    // "Who were the reporters on the Guardian piece": asks for a byline; "reporters" is the kind
    // of answer, not a word the answer must contain.
    const asksAuthor = plain.some((w) => AUTHOR_WORDS.has(w));
    // Of a document it names ("the headline of the Guardian story"), not "Brad Smith's title".
    const asksTitle =
      plain.some((w) => TITLE_WORDS.has(w)) &&
      plain.some((w) => DOCUMENT_NOUNS.has(w) && !TITLE_WORDS.has(w));
    const topic = groups.filter((g) => !AUTHOR_NOUNS.has(g.label.toLowerCase()));
    if (asksAuthor && topic.length > 0) groups = topic;
    let elliptical = false;
    // "Did the stock take a hit when the Guardian story dropped": a "when" clause that does not
    // ask when says at what time; what it names ranks answers, but the rest of the question must
    // be what the sources speak of (as with words a pronoun borrows from the part before).
    const whenAt = kind === 'when' ? -1 : content.findIndex((w, i) => i > 0 && w.word === 'when');
    const timeClause = whenAt < 0 ? [] : groups.filter((g) => g.at > whenAt);
    let borrowed: ReadonlySet<WordGroup> | undefined =
      timeClause.length > 0 ? new Set(timeClause) : undefined;
    let referring = false;
    const namesParty = groups.some((g) => g.partyId !== undefined);
    // A bare question word ("… and when?") asks about the previous part's subject.
    if (previous && groups.length === 0 && plain.every((w) => WH_WORDS.has(w))) {
      groups = previous.groups;
      elliptical = true;
    } else if (
      previous &&
      !namesParty &&
      plain.length <= 2 &&
      WH_WORDS.has(plain[0] ?? '') &&
      groups.length === 1
    ) {
      // "Where was the May statement posted? Which blog?": a kind of answer to the same question.
      groups = [...groups, ...previous.groups];
      elliptical = true;
    } else if (previous && plain.some((w) => REACTION_WORDS.has(w))) {
      // "What did the Guardian report, and how did Microsoft respond": a response to that report.
      const own = new Set(groups.map((g) => g.partyId ?? g.label));
      groups = [...groups, ...previous.groups.filter((g) => !own.has(g.partyId ?? g.label))];
    } else if (previous && !namesParty && plain.some((w) => REFERRING_PRONOUNS.has(w))) {
      // "… and what did it use Azure for", "… and who is doing it": "it" is what the question
      // named before — a party, or a thing.
      groups = [...groups, ...previous.groups.filter((g) => g.partyId !== undefined || g.noun)];
      // "What did Microsoft cut off in September, and who announced it": it is of that time too.
      referring = true;
    } else if (previous && namesParty && this.refersBackAsObject(plain, groups)) {
      // "… when did Microsoft bring them in", "… when did Microsoft say it would look into it":
      // the party named does; what it does it to is what the question named before.
      const own = new Set(groups.flatMap((g) => (g.partyId === undefined ? [] : [g.partyId])));
      // "Them" after "who's the law firm on the review" are the firm that answered it, too.
      const referred = [...previous.groups, ...(previous.answeredBy ?? [])].filter((g) =>
        g.partyId !== undefined ? !own.has(g.partyId) : g.noun,
      );
      groups = [...groups, ...referred];
      borrowed = new Set([...(borrowed ?? []), ...referred]);
      referring = true;
    }
    return {
      text: part.text,
      kind,
      head,
      groups,
      asksStatus,
      asksFuture,
      asksEvent,
      asksWords,
      speaker: asksWords ? speaker : undefined,
      strangeSpeaker: asksWords ? strangeSpeaker : undefined,
      asksSource,
      asksAuthor,
      asksTitle,
      expectsNumber: kind === 'quantity' || this.asksAmount(plain),
      expectsDate:
        kind === 'when' ||
        plain.some(
          (w, i) =>
            (w === 'what' || w === 'which') &&
            ['year', 'date', 'month', 'day'].includes(plain[i + 1] ?? ''),
        ),
      months:
        (elliptical || (referring && months.length + years.length === 0)) && previous
          ? previous.months
          : months,
      years:
        (elliptical || (referring && months.length + years.length === 0)) && previous
          ? previous.years
          : years,
      after: elliptical ? previous?.after : after,
      before: elliptical ? previous?.before : before,
      corrections,
      borrowed,
    };
  }

  /**
   * Who says, for a verb of saying at `at`: the nearest group before it — past a verb ("has the
   * IDF put out any response") and past a noun right after a name ("the IDF spokesperson"), to
   * the name.
   */
  private sayerBefore(groups: readonly WordGroup[], at: number): WordGroup | undefined {
    const before = groups.filter((g) => g.at < at).sort((a, b) => b.at - a.at);
    for (const [i, group] of before.entries()) {
      if (group.partyId !== undefined || group.strangeName) return group;
      const next = before[i + 1];
      const afterName = next !== undefined && (next.partyId !== undefined || next.strangeName);
      const verb = this.lexicon.mainPartOfSpeech(group.label.toLowerCase()) === 'verb';
      if (!verb && !(group.noun && afterName)) return group;
    }
    return undefined;
  }

  /**
   * Whether a pronoun after the party a part names is the object of what it does ("bring them in",
   * "look into it"), not its subject again ("Microsoft said it would …").
   */
  private refersBackAsObject(plain: readonly string[], groups: readonly WordGroup[]): boolean {
    const named = Math.min(...groups.filter((g) => g.partyId !== undefined).map((g) => g.at));
    return plain.some(
      (w, i) =>
        i > named &&
        OBJECT_PRONOUNS.has(w) &&
        !AUXILIARIES.has(plain[i + 1] ?? '') &&
        !REFERRING_PRONOUNS.has(plain[i - 1] ?? ''),
    );
  }

  /** The groups of parties that answered a part, for a later part to refer to. */
  partyGroups(parties: readonly { id: string; name: string }[]): WordGroup[] {
    return parties.map((party) => this.wordGroups.partyGroup(party.id, party.name, -1));
  }

  /** Spans of two to four words that WordNet knows as an adverb ("in the first place"). */
  private adverbialIdioms(words: readonly string[]): [number, number][] {
    const spans: [number, number][] = [];
    for (let from = 0; from < words.length; from++) {
      for (let to = Math.min(words.length, from + 4); to >= from + 2; to--) {
        const phrase = words.slice(from, to).join(' ');
        if (this.lexicon.mainPartOfSpeech(phrase) === 'adv') {
          spans.push([from, to]);
          from = to - 1;
          break;
        }
      }
    }
    return spans;
  }

  /** "What is the price of …", "what was the cost of …": the noun of "the X of" is an amount. */
  private asksAmount(words: readonly string[]): boolean {
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
      AMOUNTS.some((amount) => this.lexicon.isKindOf(noun, amount, 3))
    );
  }
}
