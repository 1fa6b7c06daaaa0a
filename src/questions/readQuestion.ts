import type { Lexicon } from '../lexicon/lexicon.js';
import type { Correction } from '../search/query.js';
import { partAsks, withoutAuthorNouns } from './questionAsks.js';
import { headNoun, partKind, type QuestionKind } from './questionKind.js';
import type { QuestionPart } from './questionParts.js';
import { whoseWords } from './questionSpeaker.js';
import { placesAsked } from './questionPlace.js';
import { partTime } from './questionTime.js';
import { openingAsides } from './questionWords.js';
import { referringBack } from './referringBack.js';
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
  /** Places it asks whether something was in ("… on servers in Europe?"): see `placesAsked`. */
  readonly places: ReadonlySet<WordGroup>;
  /** The parties that answered a "who" part ("who's the law firm on the review": Covington). */
  readonly answeredBy?: readonly WordGroup[] | undefined;
}

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
    const head = headNoun(plain, this.lexicon);
    const time = partTime(plain, this.lexicon);
    // Words that only say when, and the interjections a part opens with: no topic of it.
    const asides = new Set([...time.timeWords, ...openingAsides(plain)]);
    const content = words.filter((_, i) => !asides.has(i));
    const { kind, groups } = partKind(plain, this.wordGroups.groups(content, head), head);
    const asks = partAsks(plain, kind, this.lexicon, asides);
    const said = whoseWords(plain, content, groups, asks.asksWords, this.lexicon, previous);
    // "When did Microsoft announce its review": the saying is the event asked about, kept.
    const spoken = kind === 'when' ? groups : said.groups;
    const topic = asks.asksAuthor ? withoutAuthorNouns(spoken) : spoken;
    const referred = referringBack(plain, content, kind, topic, time, previous);
    return {
      text: part.text,
      kind,
      head,
      groups: referred.groups,
      asksStatus: asks.asksStatus,
      asksFuture: asks.asksFuture,
      asksEvent: asks.asksEvent,
      asksWords: asks.asksWords,
      speaker: said.speaker,
      strangeSpeaker: said.strangeSpeaker,
      asksSource: asks.asksSource,
      asksAuthor: asks.asksAuthor,
      asksTitle: asks.asksTitle,
      expectsNumber: asks.expectsNumber,
      expectsDate: asks.expectsDate,
      months: referred.months,
      years: referred.years,
      after: referred.after,
      before: referred.before,
      corrections,
      borrowed: referred.borrowed,
      places: placesAsked(content, referred.groups, kind, head, this.lexicon),
    };
  }

  /** The groups of parties that answered a part, for a later part to refer to. */
  partyGroups(parties: readonly { id: string; name: string }[]): WordGroup[] {
    return parties.map((party) => this.wordGroups.partyGroup(party.id, party.name, -1));
  }
}
