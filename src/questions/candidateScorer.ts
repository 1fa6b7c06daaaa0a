import type { SourceDocument } from '../corpus/corpusTypes.js';
import { publishedSortKey } from '../corpus/dates.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Passage } from '../passages/passageTypes.js';
import type { SearchHit } from '../search/searchEngine.js';
import type { AnswerUnit } from './answerUnits.js';
import { PLACE_SENSES } from './questionPlace.js';
import type { ReadPart } from './readQuestion.js';
import type { StoryTerms } from './storyTerms.js';
import { textFeatures, type TextFeatures } from './textFeatures.js';
import { QUESTION_WEIGHTS as W } from './weights.js';
import type { Alternative, WordGroup } from './wordGroups.js';

/**
 * How well a candidate — an editors' unit or a passage — answers a question part: the share of
 * the question it matches (coverage, and support with the story's everyday words weighing
 * little), the kind of answer it is, the time it falls in, and what it matched.
 */

/** What is scored: an editors' unit, or a passage with the search hit it came from. */
export type Candidate = Pick<Scored, 'unit' | 'passage' | 'hit'>;

export interface Scored {
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
  /** Names a place within one the question asks whether something was in ("… in Europe?"). */
  readonly placed: boolean;
  /** The groups its own words match closely, not its context's (the review's subject). */
  readonly ownStrong: ReadonlySet<WordGroup>;
  /** Answers by what it is, whatever its words: where things stand, who a party is, where. */
  readonly answersByKind: boolean;
}

const FEATURE_CACHE_LIMIT = 20_000;
/** How near (in words) an answer ("which X", "how much") must stand to the question's other words. */
const NEAR = 6;

export class CandidateScorer {
  private readonly features = new Map<number, TextFeatures>();
  private readonly documents: ReadonlyMap<string, SourceDocument>;
  /** The parties each document's publisher names. */
  private readonly publishers = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly terms: StoryTerms,
    private readonly lexicon: Lexicon,
    documents: readonly SourceDocument[],
    /** Every passage, by ordinal (to read the sentence before one). */
    private readonly passages: readonly Passage[],
  ) {
    this.documents = new Map(documents.map((d) => [d.id, d]));
  }

  /** `bounds`: dates the question's "after …" or "before …" names. */
  score(
    part: ReadPart,
    item: Candidate,
    bounds: { after?: string | undefined; before?: string | undefined } = {},
  ): Scored {
    const { unit, passage } = item;
    const features = unit
      ? (this.terms.unitFeatures.get(unit.id) as TextFeatures)
      : this.passageFeatures(passage as Passage);
    // What a passage's sentence before, or a unit's context (the review's subject), says.
    const context = passage
      ? this.contextFeatures(passage)
      : unit
        ? this.terms.unitContext.get(unit.id)
        : undefined;
    const matched = new Set<WordGroup>();
    const strong = new Set<WordGroup>();
    const ownStrong = new Set<WordGroup>();
    let total = 0;
    let gained = 0;
    let supportTotal = 0;
    let supported = 0;
    /** How well a name of the "which X" kind answers (an everyday one, "Israel", little). */
    let headMatched = 0;
    /** Its names of the "which X" kind, when the noun itself is not in it. */
    let headNamed: readonly { readonly word: string; readonly match: number }[] = [];
    /** Names a place within one the question asks whether something was in. */
    let placed = false;
    // The group of the "which X" noun as read: "which contry" asks for a country too.
    const headGroup = part.groups.find((g) => g.word === part.head);
    for (const group of part.groups) {
      const share = group.everyday ? W.everyday : 1;
      total += group.weight;
      supportTotal += group.weight * share;
      // The noun of "which X" asks for a kind of X: the word itself or a name of that kind
      // near the question's other words, not a word related to X ("state" for "country").
      const found = this.groupMatch(group, features, unit, passage, group === headGroup);
      let { weight: match, evidence } = found;
      // Where it was, within where the question asks: the answer itself.
      if (found.relation === 'place' && part.places.has(group)) {
        placed = true;
        evidence = 1;
      }
      if (evidence >= W.strongEvidence) ownStrong.add(group);
      // The sentence before, in the same paragraph, says what "this help" or "it" is.
      if (match === 0 && context) {
        const before = this.groupMatch(group, context, undefined, undefined);
        // A unit's context is what it is about ("Microsoft's review"): it ranks it fully, but
        // proves as little as a sentence before that the unit answers the question.
        match = before.weight * (unit ? 1 : W.context);
        evidence = before.evidence * W.context;
      }
      if (match === 0 && group === headGroup) {
        headNamed = this.headNames(part, features);
        match = evidence = Math.max(0, ...headNamed.map((name) => name.match));
        headMatched = match;
        if (evidence >= W.strongEvidence) ownStrong.add(group);
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
    // "Were the recordings on servers in Europe?": a text that says where, within it, answers.
    // So does "in the Netherlands" for "which country …", the place a "which" asks for.
    const placeNamed = placed || this.namesPlaceAsked(part, headNamed);
    const answersByKind = status || defined || placeNamed;
    if (answersByKind) support = Math.max(support, 1);
    let score = coverage;
    // Of passages that match as much, one that has every word of the question answers it.
    if (part.groups.length > 1 && matched.size === part.groups.length) score += W.complete;
    score += (this.kindFit(part, features, unit, passage) + (placed ? 1 : 0)) * W.kindFit;
    score += headMatched * W.headFit;
    score += this.timeFit(part, features, unit, passage, bounds) * W.kindFit;
    // "What did Microsoft say": its own words first, an article's report of them after.
    if (part.asksWords && passage?.speakerId !== undefined && passage.kind !== 'narration') {
      if (part.groups.some((g) => g.partyId === passage.speakerId))
        score += passage.kind === 'direct-quote' ? W.speaker : W.speaker * W.reportedSpeaker;
    }
    // Of two equal answers, the shorter says it more directly; of two documents, the one the
    // corpus refers to more ("the Guardian article" is the one the others cite and link to).
    score -= Math.min(features.length, 80) / 4000;
    if (unit?.documentId !== undefined) score += this.terms.prominence(unit.documentId) / 200;
    // A date answers "what year did X sign …" when it is about what the question asks: an
    // entry that matches one of its words other than the parties it names ("the announcement of
    // the review" is no signing), a passage's date near such a word.
    const topical = part.groups.filter((g) => g.partyId === undefined && g !== headGroup);
    const dated =
      unit?.date !== undefined && (topical.length === 0 || topical.some((g) => strong.has(g)));
    const about = topical.length === 0 ? matched : new Set(topical.filter((g) => strong.has(g)));
    const dateNear =
      part.expectsDate && (dated || this.near(part, features, features.dates, about));
    // One shape for every candidate, written out: spreading `item` into this many fields made
    // each score a third slower (V8 gives the copy a slower layout).
    return {
      unit,
      passage,
      hit: item.hit,
      coverage,
      support,
      score,
      matched,
      strong,
      amountNear,
      dateNear,
      inTime,
      placed,
      ownStrong,
      answersByKind,
    };
  }

  /**
   * The names of the "which X" kind near the words the question matched ("Azure storage capacity
   * in the Netherlands" for "which country was the data stored in"), and how well each answers (a
   * name the story uses everywhere, "Israel", little).
   */
  private headNames(
    part: ReadPart,
    features: TextFeatures,
  ): { readonly word: string; readonly match: number }[] {
    const head = part.head as string;
    const near = this.matchedPositions(part, features);
    return features.names.flatMap((name) => {
      if (!near.some((at) => Math.abs(at - name.at) <= NEAR)) return [];
      if (!this.lexicon.isKindOf(name.word, head)) return [];
      const everyday = this.terms.isEveryday(this.terms.termOf(name.word));
      return [{ word: name.word, match: everyday ? W.everyday : 1 }];
    });
  }

  /**
   * Whether the text names the place a "which country", "which region" asks for: a place, of
   * that kind, not one the story uses everywhere — not any name of a "which site" ("news site").
   */
  private namesPlaceAsked(
    part: ReadPart,
    headNamed: readonly { readonly word: string; readonly match: number }[],
  ): boolean {
    if (headNamed.length === 0) return false;
    if (part.head === undefined || !this.lexicon.isPlace(part.head, PLACE_SENSES)) return false;
    return headNamed.some(
      // A place in its commonest sense: "Netherlands", not "Rights" (a right side, rarely).
      (name) => name.match === 1 && this.lexicon.isPlace(name.word, 1),
    );
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
  ): { weight: number; evidence: number; relation?: Alternative['relation'] } {
    if (group.partyId !== undefined) {
      if (features.partyIds.has(group.partyId) || unit?.partyIds.includes(group.partyId))
        return { weight: 1, evidence: 1 };
      if (passage?.speakerId === group.partyId) return { weight: 0.8, evidence: 0.8 };
      if (group.kin?.some((id) => features.partyIds.has(id) || unit?.partyIds.includes(id)))
        return W.kinParty;
      return { weight: 0, evidence: 0 };
    }
    const { single, phrases } = byTerm(group.alternatives, literal);
    let best: Alternative | undefined;
    // A group has dozens of alternatives and a text dozens of terms: look the text's terms up.
    for (const term of features.terms) {
      const alternative = single.get(term);
      if (alternative && alternative.weight > (best?.weight ?? 0)) best = alternative;
    }
    for (const alternative of phrases) {
      if (
        alternative.weight > (best?.weight ?? 0) &&
        alternative.terms.every((t) => features.terms.has(t))
      )
        best = alternative;
    }
    return best
      ? { weight: best.weight, evidence: best.evidence, relation: best.relation }
      : { weight: 0, evidence: 0 };
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
        if (features.amounts.length > 0) fit += 1;
        break;
      case 'define': {
        const named = part.groups.filter((g) => g.partyId !== undefined).map((g) => g.partyId);
        if (unit?.kind === 'party' && named.includes(unit.partyIds[0])) fit += 2;
        break;
      }
      default:
        break;
    }
    // Who wrote a document, where it was posted: the metadata of the one asked about, and for
    // "who wrote …" its byline before anyone the question's words also match.
    if (
      part.asksSource &&
      (part.asksAuthor || part.asksTitle || part.kind === 'where') &&
      unit?.kind === 'source' &&
      this.isDocumentAsked(part, unit)
    )
      fit += part.asksAuthor || part.asksTitle ? 2 : 1;
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

  /**
   * Whether a source unit is the document a question about documents asks about: one its
   * publisher is named in ("the Guardian piece", "where did Microsoft post …"), or, when none
   * is named and it asks for authors, one with a byline.
   */
  private isDocumentAsked(part: ReadPart, unit: AnswerUnit): boolean {
    const document = this.documents.get(unit.documentId ?? '');
    if (!document) return false;
    const named = part.groups.flatMap((g) => (g.partyId === undefined ? [] : [g.partyId]));
    if (named.length === 0)
      return (part.asksAuthor && document.author !== undefined) || part.asksTitle;
    let publishers = this.publishers.get(document.id);
    if (!publishers) {
      publishers = textFeatures(document.publisher, this.terms.parties, this.terms.lemmas).partyIds;
      this.publishers.set(document.id, publishers);
    }
    return named.some((id) => publishers.has(id));
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

  private publishedOf(passage: Passage): string | undefined {
    const document = this.documents.get(passage.documentId);
    return document ? publishedSortKey(document.published) : undefined;
  }

  /** The features of the sentence before a passage in its paragraph, if it has one. */
  private contextFeatures(passage: Passage): TextFeatures | undefined {
    const before = this.passages[passage.ordinal - 1];
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
