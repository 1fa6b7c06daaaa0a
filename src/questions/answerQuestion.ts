import type { SourceDocument } from '../corpus/types.js';
import { publishedSortKey } from '../corpus/dates.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Passage } from '../passages/types.js';
import type { SearchEngine, SearchHit } from '../search/searchEngine.js';
import type { Span } from '../text/sentences.js';
import type { AnswerUnit } from './answerUnits.js';
import { questionParts } from './questionParts.js';
import { QuestionReader, type ReadPart } from './readQuestion.js';
import type { Correction } from './standardWords.js';
import type { Alternative, WordGroup } from './wordGroups.js';
import type { StoryTerms } from './storyTerms.js';
import { textFeatures, type TextFeatures } from './textFeatures.js';
import { QUESTION_WEIGHTS as W } from './weights.js';

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
    | { readonly unmatched: readonly string[]; readonly silentParty?: string | undefined }
    | undefined;
  /** Typo corrections the shown answer rests on. */
  readonly corrections: readonly Correction[];
}

export interface QuestionAnswer {
  readonly question: string;
  readonly parts: readonly PartAnswer[];
}

/** What is scored: an editors' unit, or a passage with the search hit it came from. */
type Candidate = Pick<Scored, 'unit' | 'passage' | 'hit'>;

interface Scored {
  readonly unit?: AnswerUnit | undefined;
  readonly passage?: Passage | undefined;
  /** The search hit it came from: its highlights are worked out only if it is shown. */
  readonly hit?: SearchHit | undefined;
  /** The share of the question's weight the candidate matches. */
  readonly coverage: number;
  /** The same with the story's everyday words weighing little: what says it answers at all. */
  readonly support: number;
  readonly score: number;
  readonly matched: ReadonlySet<WordGroup>;
  /** The groups it matches as themselves or through a close relation (not a loose one). */
  readonly strong: ReadonlySet<WordGroup>;
  /** Has an amount near the words it matched (for "how much", "the price of"). */
  readonly amountNear: boolean;
  /** Has a date, or is dated, near the words it matched (for "when", "what year"). */
  readonly dateNear: boolean;
  /** Falls in the month or year the question names. */
  readonly inTime: boolean;
}

/** Passages gathered from the search for each question part (its candidates). */
const CANDIDATES = 30;
/** Words handed to the search for candidates (the user's, then related ones). */
const MAX_SEARCH_WORDS = 30;
/** Passages shown after a one-part question's lead, and per part of a several-part question. */
export const PASSAGES_SHOWN = { single: 15, perPart: 2 } as const;
/**
 * A passage is shown when it scores at least this share of the best and matches a fair part of
 * the question (or one of its own words strongly).
 */
const SHOWN_SHARE = 0.4;
const FEATURE_CACHE_LIMIT = 20_000;
const ANSWER_CACHE_LIMIT = 2_000;
/** How near (in words) an answer ("which X", "how much") must stand to the question's other words. */
const NEAR = 6;

export class QuestionAnswerer {
  private readonly reader: QuestionReader;
  private readonly features = new Map<number, TextFeatures>();
  private readonly answered = new Map<string, QuestionAnswer>();
  private readonly documents: ReadonlyMap<string, SourceDocument>;

  constructor(
    private readonly search: SearchEngine,
    private readonly terms: StoryTerms,
    private readonly lexicon: Lexicon,
    documents: readonly SourceDocument[],
  ) {
    this.reader = new QuestionReader(terms, lexicon);
    this.documents = new Map(documents.map((d) => [d.id, d]));
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

  private answerAnew(question: string): QuestionAnswer {
    const parts: PartAnswer[] = [];
    let previous: ReadPart | undefined;
    for (const part of questionParts(question)) {
      const read = this.reader.read(part, previous);
      parts.push(
        this.answerPart(read, parts.length === 0 ? PASSAGES_SHOWN.single : PASSAGES_SHOWN.perPart),
      );
      previous = read;
    }
    // A several-part question shows fewer passages for each part.
    if (parts.length > 1) {
      return {
        question,
        parts: parts.map((p) => ({ ...p, passages: p.passages.slice(0, PASSAGES_SHOWN.perPart) })),
      };
    }
    return { question, parts };
  }

  private answerPart(part: ReadPart, passagesShown: number): PartAnswer {
    const after = part.after !== undefined ? this.anchorDate(part.after) : undefined;
    const before = part.before !== undefined ? this.anchorDate(part.before) : undefined;
    const scoreOf = (item: Candidate, features: TextFeatures): Scored =>
      this.evaluate(part, item, features, { after, before });

    const units = this.terms.units.map((unit) =>
      scoreOf({ unit }, this.terms.unitFeatures.get(unit.id) as TextFeatures),
    );
    const byScore = (a: Scored, b: Scored): number => b.score - a.score;
    units.sort(byScore);

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

    const passages = this.candidatePassages(part).map((hit) =>
      scoreOf(hit, this.passageFeatures(hit.passage)),
    );
    passages.sort(byScore);
    const mostSupported = [...units, ...passages].reduce<Scored | undefined>(
      (best, s) => (!best || s.support > best.support ? s : best),
      undefined,
    );
    // "What did the IDF say": no passage is the IDF's words, whatever else matches.
    const silentParty =
      part.speaker !== undefined && !this.terms.speaks(part.speaker) ? part.speaker : undefined;
    if (
      !mostSupported ||
      silentParty !== undefined ||
      part.strangeSpeaker !== undefined ||
      this.notCovered(part, [...units, ...passages], mostSupported)
    ) {
      return {
        question: part,
        passages: [],
        notCovered: {
          unmatched: part.strangeSpeaker
            ? [part.strangeSpeaker]
            : this.unmatchedWords(part, [...units, ...passages]),
          silentParty,
        },
        corrections: [],
      };
    }

    const answering = (s: Scored | undefined): s is Scored =>
      s !== undefined && s.support > W.minCoverage;
    // The best unit leads only if it answers; a weaker unit that happens to match more of the
    // question's everyday words does not.
    const bestUnit = answering(units[0]) ? units[0] : undefined;
    const bestPassage = passages.find(answering) ?? passages[0];
    // "Is it over yet?", "where does the review stand?": where the story stands leads, whatever
    // else the question's words match.
    const status = part.asksStatus
      ? units.find((u) => u.unit?.reviewField === 'status')
      : undefined;
    let lead: Scored | undefined =
      status ??
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
            (s.support >= W.minCoverage / 2 || this.answersSomething(part, s)),
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

  /** Whether the best match is too thin to be an answer: too little of the question, or only the story's everyday words. */
  private notCovered(part: ReadPart, candidates: readonly Scored[], best: Scored): boolean {
    if (best.support <= W.minCoverage) return true;
    // "How much …", "what year …": no amount, no date anywhere near what it asks about.
    if (part.expectsNumber && !candidates.some((c) => c.amountNear)) return true;
    if (part.expectsDate && !candidates.some((c) => c.dateNear && this.answersSomething(part, c)))
      return true;
    // Something in the sources must match one of the question's own words — not only the
    // story's everyday words, and not only through a loose relation.
    return !candidates.some((c) => this.answersSomething(part, c));
  }

  /** Whether a candidate matches one of the question's own words, not only the story's everyday ones. */
  private answersSomething(part: ReadPart, candidate: Scored): boolean {
    // "What happened in late September": the month it names is one of its own words too.
    if (candidate.inTime) return true;
    const specific = part.groups.filter((g) => !g.everyday);
    return (specific.length > 0 ? specific : part.groups).some((g) => candidate.strong.has(g));
  }

  /** The words of the question no candidate matched, as typed. */
  private unmatchedWords(part: ReadPart, scored: readonly Scored[]): string[] {
    const matchedAnywhere = new Set<WordGroup>();
    for (const s of scored) for (const g of s.matched) matchedAnywhere.add(g);
    const unmatched = part.groups.filter((g) => !matchedAnywhere.has(g) && !g.everyday);
    const words = (unmatched.length > 0 ? unmatched : part.groups.filter((g) => !g.everyday)).map(
      (g) => g.label,
    );
    return [...new Set(words)];
  }

  private evaluate(
    part: ReadPart,
    item: Candidate,
    features: TextFeatures,
    bounds: { after?: string | undefined; before?: string | undefined },
  ): Scored {
    const { unit, passage } = item;
    const context = passage ? this.contextFeatures(passage) : undefined;
    const matched = new Set<WordGroup>();
    const strong = new Set<WordGroup>();
    let total = 0;
    let gained = 0;
    let supportTotal = 0;
    let supported = 0;
    let headMatched = false;
    const headGroup = part.groups.find((g) => g.label.toLowerCase() === part.head);
    for (const group of part.groups) {
      const share = group.everyday ? W.everyday : 1;
      total += group.weight;
      supportTotal += group.weight * share;
      // The noun of "which X" asks for a kind of X: the word itself or a name of that kind
      // near the question's other words, not a word related to X ("state" for "country").
      let { weight: match, evidence } = this.groupMatch(
        group,
        features,
        unit,
        passage,
        group === headGroup,
      );
      // The sentence before, in the same paragraph, says what "this help" or "it" is.
      if (match === 0 && context) {
        const before = this.groupMatch(group, context, undefined, undefined);
        match = before.weight * W.context;
        evidence = before.evidence * W.context;
      }
      if (match === 0 && group === headGroup) {
        match = evidence = this.headMatch(part, features);
        headMatched = match > 0;
      }
      if (evidence >= W.strongEvidence) strong.add(group);
      if (match > 0) {
        matched.add(group);
        gained += group.weight * match;
        supported += group.weight * share * evidence;
      }
    }
    // A month or year the question names is part of what it asks: a text of that time matches it.
    const inTime =
      (part.months.length > 0 || part.years.length > 0) &&
      this.timeFit(part, features, unit, passage, {}) > 0;
    if (part.months.length > 0 || part.years.length > 0) {
      const weight = this.terms.rareIdf;
      total += weight;
      supportTotal += weight;
      if (inTime) {
        gained += weight;
        supported += weight;
      }
    }
    const coverage = total > 0 ? gained / total : 0;
    // "What is the price of …" wants an amount: a text without one near the question's words
    // ("millions" of calls is no price) does not answer it.
    const amountNear = part.expectsNumber && this.near(part, features, features.amounts, matched);
    const amountMissing = part.expectsNumber && !amountNear;
    let support =
      (supportTotal > 0 ? supported / supportTotal : 0) * (amountMissing ? W.amountMissing : 1);
    // Where the review stands answers "is it over yet" whatever words the question uses; the
    // party a "who is X" names is its answer.
    const status = part.asksStatus && unit?.reviewField === 'status';
    const defined =
      part.kind === 'define' &&
      unit?.kind === 'party' &&
      part.groups.some((g) => g.partyId !== undefined && unit.partyIds.includes(g.partyId));
    if (status || defined) support = Math.max(support, 1);
    let score = coverage;
    // Of passages that match as much, one that has every word of the question answers it.
    if (part.groups.length > 1 && matched.size === part.groups.length) score += W.complete;
    score += this.kindFit(part, features, unit, passage) * W.kindFit;
    if (headMatched) score += W.headFit;
    score += this.timeFit(part, features, unit, passage, bounds) * W.kindFit;
    if (part.asksWords && passage?.speakerId !== undefined && passage.kind !== 'narration') {
      if (part.groups.some((g) => g.partyId === passage.speakerId)) score += W.speaker;
    }
    // Of two equal answers, the shorter says it more directly; of two documents, the one the
    // corpus refers to more ("the Guardian article" is the one the others cite and link to).
    score -= Math.min(features.length, 80) / 4000;
    if (unit?.documentId !== undefined) score += this.terms.prominence(unit.documentId) / 200;
    const dateNear =
      part.expectsDate &&
      (unit?.date !== undefined || this.near(part, features, features.dates, matched));
    return { ...item, coverage, support, score, matched, strong, amountNear, dateNear, inTime };
  }

  /**
   * Whether the text names a kind of the "which X" noun near the words the question matched
   * ("Azure storage capacity in the Netherlands" for "which country was the data stored in").
   */
  private headMatch(part: ReadPart, features: TextFeatures): number {
    const head = part.head as string;
    const near = this.matchedPositions(part, features);
    let best = 0;
    for (const name of features.names) {
      if (!near.some((at) => Math.abs(at - name.at) <= NEAR)) continue;
      if (!this.lexicon.isKindOf(name.word, head)) continue;
      // A name the story uses everywhere ("Israel") is rarely the news an answer brings.
      const everyday = this.terms.isEveryday(this.terms.termOf(name.word));
      best = Math.max(best, everyday ? W.everyday : 1);
    }
    return best;
  }

  /** Where the text has words the question matched (any way). */
  private matchedPositions(
    part: ReadPart,
    features: TextFeatures,
    only?: ReadonlySet<WordGroup>,
  ): number[] {
    const at: number[] = [];
    for (const group of part.groups) {
      if (only && !only.has(group)) continue;
      for (const alternative of group.alternatives)
        for (const term of alternative.terms) at.push(...(features.positions.get(term) ?? []));
    }
    return at;
  }

  /** Whether one of `positions` is near a word the question matched. */
  private near(
    part: ReadPart,
    features: TextFeatures,
    positions: readonly number[],
    matched: ReadonlySet<WordGroup>,
  ): boolean {
    const words = this.matchedPositions(part, features, matched);
    return positions.some((p) => words.some((w) => Math.abs(w - p) <= NEAR));
  }

  /**
   * How well a text matches a group: its strongest alternative the text has (a party: named in
   * it, or its speaker). `literal`: only the word itself or a word derived from it ("lawyer" → law),
   * not its synonyms or kinds — for the noun of "which X".
   */
  private groupMatch(
    group: WordGroup,
    features: TextFeatures,
    unit: AnswerUnit | undefined,
    passage: Passage | undefined,
    literal = false,
  ): { weight: number; evidence: number } {
    if (group.partyId !== undefined) {
      if (features.partyIds.has(group.partyId) || unit?.partyIds.includes(group.partyId))
        return { weight: 1, evidence: 1 };
      if (passage?.speakerId === group.partyId) return { weight: 0.8, evidence: 0.8 };
      return { weight: 0, evidence: 0 };
    }
    const { single, phrases } = byTerm(group.alternatives, literal);
    let best = { weight: 0, evidence: 0 };
    // A group has dozens of alternatives and a text dozens of terms: look the text's terms up.
    for (const term of features.terms) {
      const alternative = single.get(term);
      if (alternative && alternative.weight > best.weight)
        best = { weight: alternative.weight, evidence: alternative.evidence };
    }
    for (const alternative of phrases) {
      if (alternative.weight > best.weight && alternative.terms.every((t) => features.terms.has(t)))
        best = { weight: alternative.weight, evidence: alternative.evidence };
    }
    return best;
  }

  /** 0–2: how well the candidate is the kind of answer the question asks for. */
  private kindFit(
    part: ReadPart,
    features: TextFeatures,
    unit: AnswerUnit | undefined,
    passage: Passage | undefined,
  ): number {
    let fit = 0;
    const dated = unit?.date !== undefined || features.months.size > 0 || features.years.size > 0;
    switch (part.kind) {
      case 'when':
        // An entry that happened on a date answers "when" better than a text that names one.
        if (unit?.date !== undefined) fit += 1;
        else if (dated) fit += 0.5;
        break;
      case 'who':
        // The review's own "who" (who conducts it, who announced it) before parties' roles.
        if (unit?.kind === 'review' && unit.partyIds.length > 0) fit += 1.5;
        else if (unit?.kind === 'party') fit += 1;
        else if (
          unit?.kind === 'source' &&
          part.asksSource &&
          this.documents.get(unit.documentId ?? '')?.author
        )
          fit += 1;
        else if (features.partyIds.size > 0) fit += 0.5;
        break;
      case 'why':
        if (features.reasons) fit += 1;
        break;
      case 'where':
        if (features.names.some((name) => this.lexicon.isPlace(name.word))) fit += 1;
        break;
      case 'quantity':
        if (features.hasNumber) fit += 1;
        break;
      case 'define': {
        const named = part.groups.filter((g) => g.partyId !== undefined).map((g) => g.partyId);
        if (unit?.kind === 'party' && named.includes(unit.partyIds[0])) fit += 2;
        break;
      }
      default:
        break;
    }
    // A source's metadata answers questions about documents, not about what happened.
    if (
      unit?.kind === 'source' &&
      !part.asksSource &&
      part.kind !== 'define' &&
      part.kind !== 'quantity'
    )
      fit -= 1;
    if (part.asksStatus && unit?.reviewField === 'status') fit += 2;
    // What comes next: what was promised, and where things stand.
    if (part.asksFuture && (unit?.reviewField === 'status' || unit?.reviewField === 'promised'))
      fit += 1;
    if (part.asksEvent && unit?.kind === 'event') fit += 1;
    if (passage?.linksTo !== undefined) fit -= 4;
    return fit;
  }

  /** −1–1: whether the candidate falls in the time the question names. */
  private timeFit(
    part: ReadPart,
    features: TextFeatures,
    unit: AnswerUnit | undefined,
    passage: Passage | undefined,
    bounds: { after?: string | undefined; before?: string | undefined },
  ): number {
    const date = unit?.date ?? (passage ? this.publishedOf(passage) : undefined);
    let fit = 0;
    if (part.months.length > 0 || part.years.length > 0) {
      const month = date ? Number(date.slice(5, 7)) : undefined;
      const year = date ? Number(date.slice(0, 4)) : undefined;
      const inMonth =
        part.months.some((m) => features.months.has(m) || m === month) ||
        part.years.some((y) => features.years.has(y) || y === year);
      fit += inMonth ? 1 : -0.5;
    }
    if (bounds.after !== undefined && date !== undefined) fit += date > bounds.after ? 1 : -1;
    if (bounds.before !== undefined && date !== undefined) fit += date < bounds.before ? 1 : -1;
    return fit;
  }

  /** The date of the dated unit that best matches "… after <words>". */
  private anchorDate(words: string): string | undefined {
    const part = this.reader.read({ text: words, start: 0 });
    if (part.groups.length === 0) return undefined;
    let best: { date: string; coverage: number } | undefined;
    for (const unit of this.terms.units) {
      if (unit.date === undefined || unit.kind === 'source') continue;
      const scored = this.evaluate(
        part,
        { unit },
        this.terms.unitFeatures.get(unit.id) as TextFeatures,
        {},
      );
      if (!this.answersSomething(part, scored)) continue;
      if (scored.coverage >= W.minCoverage && (!best || scored.coverage > best.coverage))
        best = { date: unit.date, coverage: scored.coverage };
    }
    return best?.date;
  }

  private publishedOf(passage: Passage): string | undefined {
    const document = this.documents.get(passage.documentId);
    return document ? publishedSortKey(document.published) : undefined;
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

  /** The features of the sentence before a passage in its paragraph, if it has one. */
  private contextFeatures(passage: Passage): TextFeatures | undefined {
    const before = this.search.index.passages[passage.ordinal - 1];
    return before &&
      before.documentId === passage.documentId &&
      before.paragraph === passage.paragraph
      ? this.passageFeatures(before)
      : undefined;
  }

  private passageFeatures(passage: Passage): TextFeatures {
    let features = this.features.get(passage.ordinal);
    if (!features) {
      if (this.features.size >= FEATURE_CACHE_LIMIT) this.features.clear();
      features = textFeatures(passage.text, this.terms.parties, this.terms.lemmas);
      this.features.set(passage.ordinal, features);
    }
    return features;
  }
}

interface AlternativesByTerm {
  /** One-term alternatives by their term (the strongest of each). */
  readonly single: ReadonlyMap<string, Alternative>;
  /** Alternatives of several terms ("law firm"). */
  readonly phrases: readonly Alternative[];
}

const indexed = new WeakMap<readonly Alternative[], AlternativesByTerm>();
const indexedLiterally = new WeakMap<readonly Alternative[], AlternativesByTerm>();

function byTerm(alternatives: readonly Alternative[], literal: boolean): AlternativesByTerm {
  const cache = literal ? indexedLiterally : indexed;
  let found = cache.get(alternatives);
  if (!found) {
    const single = new Map<string, Alternative>();
    const phrases: Alternative[] = [];
    for (const alternative of alternatives) {
      if (literal && alternative.relation !== 'self' && alternative.relation !== 'derived')
        continue;
      const [term, ...more] = alternative.terms;
      if (term === undefined) continue;
      if (more.length > 0) phrases.push(alternative);
      else if ((single.get(term)?.weight ?? -1) < alternative.weight) single.set(term, alternative);
    }
    found = { single, phrases };
    cache.set(alternatives, found);
  }
  return found;
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
