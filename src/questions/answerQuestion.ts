import type { SourceDocument } from '../corpus/corpusTypes.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Passage } from '../passages/passageTypes.js';
import type { SearchEngine, SearchHit } from '../search/searchEngine.js';
import type { Span } from '../text/sentences.js';
import type { AnswerUnit } from './answerUnits.js';
import { CandidateScorer, type Candidate, type Scored } from './candidateScorer.js';
import {
  answersSomething,
  missingAnswer,
  sourcesSilent,
  statusAnswers,
  unmatchedWords,
} from './partCoverage.js';
import { questionParts, type QuestionPart } from './questionParts.js';
import { QuestionReader, type ReadPart } from './readQuestion.js';
import type { Correction } from '../search/query.js';
import type { StoryTerms } from './storyTerms.js';
import { QUESTION_WEIGHTS as W } from './weights.js';
import type { WordGroup } from './wordGroups.js';

/**
 * Answers a question in plain English from what the story holds: for each part of it, the editors'
 * unit that answers it best (when one does) and the passages that answer it, best first — or, when
 * nothing in the sources is about what it asks, that they do not cover it and which words found
 * nothing. Data only: `answers/ask.ts` turns it into a reply.
 */

export interface PassageAnswer {
  readonly passage: Passage;
  /** Offsets into the passage's text to show in bold. */
  readonly highlights: readonly Span[];
}

export interface PartAnswer {
  readonly question: ReadPart;
  /** The editors' unit that answers it, shown first. */
  readonly lead?: AnswerUnit | undefined;
  /** Passages that answer it, best first (not those the lead already cites). */
  readonly passages: readonly PassageAnswer[];
  /**
   * Set when the sources do not cover it: the words that matched nothing (as typed), or the
   * party whose words it asks for when no passage is theirs.
   */
  readonly notCovered?:
    | {
        readonly unmatched: readonly string[];
        readonly silentParty?: string | undefined;
        /**
         * It asks "how much" or "what year", and no amount or date stands near what it asks
         * about (said when every word it asks about is in the sources).
         */
        readonly missing?: 'amount' | 'date' | undefined;
      }
    | undefined;
  /** Typo corrections the shown answer rests on. */
  readonly corrections: readonly Correction[];
}

export interface QuestionAnswer {
  readonly question: string;
  readonly parts: readonly PartAnswer[];
}

/** How a part was read, what it was answered with, and the candidates, best first (`explain`). */
export interface PartExplanation {
  readonly read: ReadPart;
  readonly answer: PartAnswer;
  readonly ranked: readonly Scored[];
}

type PartObserver = (read: ReadPart, answer: PartAnswer, ranked: readonly Scored[]) => void;

/** Passages gathered from the search for each question part (its candidates). */
const CANDIDATES = 30;
/** Words handed to the search for candidates (the user's, then related ones). */
const MAX_SEARCH_WORDS = 30;
/** Passages shown after a one-part question's lead, and per part of a several-part question. */
const PASSAGES_SHOWN = { single: 15, perPart: 2 } as const;
/**
 * A passage is shown when it scores at least this share of the best and matches a fair part of
 * the question (or one of its own words strongly).
 */
const SHOWN_SHARE = 0.4;
const ANSWER_CACHE_LIMIT = 2_000;

export class QuestionAnswerer {
  private readonly reader: QuestionReader;
  private readonly scorer: CandidateScorer;
  private readonly answered = new Map<string, QuestionAnswer>();

  constructor(
    private readonly search: SearchEngine,
    private readonly terms: StoryTerms,
    lexicon: Lexicon,
    documents: readonly SourceDocument[],
  ) {
    this.reader = new QuestionReader(terms, lexicon);
    this.scorer = new CandidateScorer(terms, lexicon, documents, search.index.passages);
  }

  /**
   * The answer to a question; the same question again (a page turn, a popular question) is
   * answered from memory: the story never changes under a QuestionAnswerer.
   */
  answer(question: string): QuestionAnswer {
    const known = this.answered.get(question);
    if (known) return known;
    const answer = this.answerAnew(question);
    if (this.answered.size >= ANSWER_CACHE_LIMIT) this.answered.clear();
    this.answered.set(question, answer);
    return answer;
  }

  /**
   * How each part of a question was read and ranked, and what answered it (`npm run cli --
   * --explain`): why the bot answered as it did, and which words found nothing. Not remembered.
   */
  explain(question: string): PartExplanation[] {
    const explained: PartExplanation[] = [];
    this.answerAnew(question, (read, answer, ranked) => explained.push({ read, answer, ranked }));
    return explained;
  }

  private answerAnew(question: string, observe?: PartObserver): QuestionAnswer {
    const asked = questionParts(question);
    // A several-part question shows fewer passages for each part: one reply holds them all.
    const passagesShown = asked.length > 1 ? PASSAGES_SHOWN.perPart : PASSAGES_SHOWN.single;
    const parts: PartAnswer[] = [];
    let previous: ReadPart | undefined;
    for (const part of asked) {
      const read = this.readInContext(part, previous);
      const answered = this.answerPart(read, passagesShown, observe);
      parts.push(answered);
      previous = { ...read, answeredBy: this.answeringParties(read, answered) };
    }
    return { question, parts };
  }

  /**
   * A part as read after the part before it, or after a remark before it that names one of the
   * story's parties ("microsoft said … . when did they say this?", "fox 28 spokane lol. who even
   * wrote that piece"): what it refers back to is what the remark names. A remark that names
   * none is about the asker ("engineer here."), nothing to refer to.
   */
  private readInContext(part: QuestionPart, previous: ReadPart | undefined): ReadPart {
    if (previous !== undefined || part.remark === undefined)
      return this.reader.read(part, previous);
    const remark = this.reader.read(part.remark);
    const namesParty = remark.groups.some((g) => g.partyId !== undefined);
    return this.reader.read(part, namesParty ? remark : undefined);
  }

  /** `answerPartFrom`, telling `observe` (if any) what it ranked. */
  private answerPart(part: ReadPart, passagesShown: number, observe?: PartObserver): PartAnswer {
    let ranked: readonly Scored[] = [];
    const answer = this.answerPartFrom(part, passagesShown, (candidates) => (ranked = candidates));
    observe?.(
      answer.question,
      answer,
      [...ranked].sort((a, b) => b.score - a.score),
    );
    return answer;
  }

  private answerPartFrom(
    part: ReadPart,
    passagesShown: number,
    rank: (candidates: readonly Scored[]) => void,
  ): PartAnswer {
    const after = part.after !== undefined ? this.anchorDate(part.after) : undefined;
    const before = part.before !== undefined ? this.anchorDate(part.before) : undefined;
    const scoreOf = (item: Candidate): Scored => this.scorer.score(part, item, { after, before });

    const units = this.terms.units.map((unit) => scoreOf({ unit }));
    const byScore = (a: Scored, b: Scored): number => b.score - a.score;
    units.sort(byScore);
    rank(units);

    if (part.groups.length === 0) {
      // Nothing to match ("what's the latest?", "what happened in September?"): the editors'
      // entry of the kind and time asked for, and where the story stands when nothing more is said.
      const status = this.terms.units.find((u) => u.reviewField === 'status');
      const fitting = units[0] && units[0].score > 0 ? units[0].unit : undefined;
      return {
        question: part,
        lead: fitting ?? status,
        passages: [],
        corrections: part.corrections,
      };
    }

    const passages = this.candidatePassages(part).map(scoreOf);
    passages.sort(byScore);
    const candidates = [...units, ...passages];
    rank(candidates);
    // "Is there any deadline for when Covington has to be done": where the story stands answers
    // a status question only when the sources speak of the things it names; otherwise it is read
    // as any other question, and the status entry must match its words like any answer.
    if (part.asksStatus && !statusAnswers(part, candidates))
      return this.answerPartFrom({ ...part, asksStatus: false }, passagesShown, rank);
    const mostSupported = candidates.reduce<Scored | undefined>(
      (best, s) => (!best || s.support > best.support ? s : best),
      undefined,
    );
    // "What did the IDF say": no passage is the IDF's words, whatever else matches.
    const silentParty =
      part.speaker !== undefined && !this.terms.speaks(part.speaker) ? part.speaker : undefined;
    const missing = mostSupported ? missingAnswer(part, candidates) : undefined;
    if (
      !mostSupported ||
      silentParty !== undefined ||
      part.strangeSpeaker !== undefined ||
      missing !== undefined ||
      sourcesSilent(part, candidates, mostSupported)
    ) {
      return {
        question: part,
        passages: [],
        notCovered: {
          unmatched: part.strangeSpeaker ? [part.strangeSpeaker] : unmatchedWords(part, candidates),
          silentParty,
          missing,
        },
        corrections: [],
      };
    }

    const answering = (s: Scored | undefined): s is Scored =>
      s !== undefined && s.support > W.minCoverage;
    // The best unit leads only if it answers; a weaker unit that happens to match more of the
    // question's everyday words does not.
    // Nor does one that matches only through its context, the review's subject ("what was
    // Microsoft accused of": not who conducts the review of the accusations).
    const bestUnit =
      answering(units[0]) && this.answersInOwnWords(part, units[0]) ? units[0] : undefined;
    const bestPassage = passages.find(answering) ?? passages[0];
    // "Is it over yet?", "where does the review stand?": where the story stands leads, whatever
    // else the question's words match.
    const status = part.asksStatus
      ? units.find((u) => u.unit?.reviewField === 'status')
      : undefined;
    // "Who were the reporters behind …": the byline of the document it asks about leads.
    // "What was the headline of …": the title of the document it asks about, likewise.
    const byline =
      part.asksAuthor || part.asksTitle ? units.find((u) => u.unit?.kind === 'source') : undefined;
    // "Were the recordings on servers in Europe?": the entry that says where leads.
    const place = units.find((u) => u.placed);
    let lead: Scored | undefined =
      status ??
      byline ??
      place ??
      (bestUnit && (!bestPassage || bestUnit.score >= bestPassage.score - W.unitLead)
        ? bestUnit
        : undefined);
    const cited = new Set(
      lead?.unit?.citations.flatMap((c) =>
        c.type === 'quote' ? [c.documentId + ':' + c.start] : [],
      ) ?? [],
    );
    const top = (lead ?? bestPassage ?? mostSupported).score;
    const shown = passages
      // After an editors' entry, only passages that answer too; alone, the best that match.
      .filter((s) =>
        lead
          ? s.support > W.minCoverage
          : s.score >= top * SHOWN_SHARE &&
            (s.support >= W.minCoverage / 2 || answersSomething(part, s)),
      )
      .filter((s) => s.passage && !citesPassage(cited, s.passage))
      .slice(0, passagesShown);
    // Covered, but only by a candidate that ranks low: it is the answer, rather than nothing.
    if (!lead && shown.length === 0) {
      if (mostSupported.unit) lead = mostSupported;
      else shown.push(mostSupported);
    }
    const shownPassages = shown.map((s) => ({
      passage: s.passage as Passage,
      highlights: s.hit?.highlights ?? [],
    }));
    const shownMatched = new Set<WordGroup>([
      ...(lead?.matched ?? []),
      ...(passages[0] && !lead ? passages[0].matched : []),
    ]);
    return {
      question: part,
      lead: lead?.unit,
      passages: shownPassages,
      corrections: part.corrections.filter((c) =>
        [...shownMatched].some((g) => g.label.toLowerCase() === c.typed.toLowerCase()),
      ),
    };
  }

  /**
   * The parties an editors' entry answered a "who" part with ("who's the law firm on the
   * review": Covington & Burling), as groups a later "them" may stand for.
   */
  private answeringParties(part: ReadPart, answer: PartAnswer): WordGroup[] | undefined {
    if (part.kind !== 'who' || !answer.lead) return undefined;
    const named = new Set(part.groups.map((g) => g.partyId));
    const parties = answer.lead.partyIds
      .filter((id) => !named.has(id))
      .map((id) => ({
        id,
        name: this.terms.units.find((u) => u.id === `party:${id}`)?.label ?? id,
      }));
    return this.reader.partyGroups(parties);
  }

  /**
   * Whether an editors' unit answers in its own words: one of the part's own words (not an
   * everyday one, not one a pronoun stands for) in its text, not only in its context; or its
   * time, or what it is (where things stand, a party asked about, the place asked).
   */
  private answersInOwnWords(part: ReadPart, unit: Scored): boolean {
    const own = part.groups.filter((g) => !g.everyday && !part.borrowed?.has(g));
    return (
      own.length === 0 ||
      unit.inTime ||
      unit.answersByKind ||
      own.some((g) => unit.ownStrong.has(g))
    );
  }

  /** The date of the dated unit that best matches "… after <words>". */
  private anchorDate(words: string): string | undefined {
    const part = this.reader.read({ text: words, start: 0 });
    if (part.groups.length === 0) return undefined;
    let best: { date: string; coverage: number } | undefined;
    for (const unit of this.terms.units) {
      if (unit.date === undefined || unit.kind === 'source') continue;
      const scored = this.scorer.score(part, { unit });
      if (!answersSomething(part, scored)) continue;
      if (scored.coverage >= W.minCoverage && (!best || scored.coverage > best.coverage))
        best = { date: unit.date, coverage: scored.coverage };
    }
    return best?.date;
  }

  /** Passages the search finds for the part's words and the words related to them. */
  private candidatePassages(part: ReadPart): { passage: Passage; hit: SearchHit }[] {
    // Only words the story uses (the search would "correct" any other), each group's strongest
    // first, in turns, so that a word with many relations does not crowd the others out.
    const ranked = part.groups.map((g) => [...g.alternatives].sort((a, b) => b.weight - a.weight));
    const words = new Set<string>();
    for (let rank = 0; words.size < MAX_SEARCH_WORDS; rank++) {
      const next = ranked.flatMap((alternatives) => alternatives[rank]?.words ?? []);
      if (next.length === 0) break;
      for (const word of next) if (words.size < MAX_SEARCH_WORDS) words.add(word);
    }
    const query = [...words].join(' ');
    const result = this.search.search(query, { limit: CANDIDATES });
    return result.hits
      .filter((hit) => hit.passage.linksTo === undefined)
      .map((hit) => ({ passage: hit.passage, hit }));
  }
}

function citesPassage(cited: ReadonlySet<string>, passage: Passage): boolean {
  for (const key of cited) {
    const [documentId, start] = key.split(':');
    const offset = Number(start);
    if (passage.documentId === documentId && passage.start <= offset && offset < passage.end)
      return true;
    if (
      passage.quotedIn.some(
        (q) => q.documentId === documentId && q.start <= offset && offset < q.end,
      )
    )
      return true;
  }
  return false;
}
