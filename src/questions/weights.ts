import type { Relation } from '../lexicon/lexicon.js';

/**
 * How questions are weighed against answers, in one place. Chosen on the public evaluation set
 * (`test/eval/questions.yaml`, written before any of this existed) and the blind sets' figures
 * (`minCoverage` among 0.3–0.45 on all four; see README, Tests and evaluation).
 */
export const QUESTION_WEIGHTS = {
  /** What a word matched through WordNet counts, against 1 for the user's own word. */
  relation: {
    synonym: 0.7,
    derived: 0.7,
    similar: 0.5,
    topic: 0.4,
    narrower: 0.4,
    gloss: 0.3,
    antonym: 0.4,
    place: 0.6,
  } satisfies Record<Relation, number>,
  /** What a match through each relation counts as evidence that the sources cover the word. */
  evidence: {
    synonym: 0.7,
    derived: 0.7,
    similar: 0.3,
    topic: 0.2,
    narrower: 0.25,
    gloss: 0.1,
    antonym: 0.4,
    // A place within another proves the sources speak of it only where the question asks
    // where something was ("in Europe?"), not who acted ("has the EU opened an inquiry").
    place: 0.1,
  } satisfies Record<Relation, number>,
  /**
   * A related word counts this share by the rank of the sense it came through: the commonest
   * sense fully, the next two less, the 4th to 6th least ("price" is also "terms").
   */
  senseShare: [1, 0.7, 0.7, 0.5, 0.5, 0.5],
  /**
   * A story word whose definition uses the question's word ("customer" for "paying"): what the
   * match counts, and as evidence.
   */
  definedBy: { weight: 0.3, evidence: 0.1 },
  /**
   * A party whose names share a word with the one asked about, not an everyday one ("Ministry
   * of Defense" for "Israel Defense Forces"): counted like an editors' synonym, and as evidence
   * like a similar word (it does not show that the sources speak of the party asked about).
   */
  kinParty: { weight: 0.8, evidence: 0.3 },
  /** A synonym from the editors' groups in `corpus/story.yaml` (the story's own usage). */
  editorsSynonym: 0.8,
  /**
   * Whether the sources answer a question is judged with the story's everyday words (in a fifth
   * of the passages) at this share of their weight: matching only them is no answer.
   */
  everyday: 0.3,
  /** An unknown word of one or two letters ("ms", "un") may be anything: it weighs this share. */
  scrap: 0.3,
  /** A common English word the story does not use weighs this share of its rarest word's weight. */
  unknownCommon: 0.4,
  /** The noun of "which X" that no text uses weighs this share (the answer is a kind of X). */
  head: 0.8,
  /** A text without a number proves this share of what it matches for "how much", "the price of". */
  amountMissing: 0.5,
  /**
   * When names the story never uses ("Google", "the UN") weigh at least this share of a
   * question's own words, it asks about them, and the sources do not cover it.
   */
  strangeNames: 0.5,
  /** Below this share of the question's weight matched, the sources do not answer it. */
  minCoverage: 0.35,
  /** A match with at least this evidence shows the sources speak of the word itself. */
  strongEvidence: 0.5,
  /** A word matched in the sentence before (same paragraph) counts this share. */
  context: 0.5,
  /** Bonus for a text that matches every part of the question (even loosely). */
  complete: 0.15,
  /** Bonus for an answer of the kind the question asks for (a date for "when" …). */
  kindFit: 0.25,
  /** Bonus for a passage in the words of the party the question asks about ("what did X say"). */
  speaker: 0.3,
  /** The share of it for an article's report of what the party said (as the search weighs it). */
  reportedSpeaker: 0.6,
  /** Bonus for the answer to "which X" being a kind of X. */
  headFit: 0.3,
  /** An editors' unit leads the reply when it scores at least the best passage's score minus this. */
  unitLead: 0.05,
} as const;
