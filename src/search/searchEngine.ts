import type { SourceDocument } from '../corpus/corpusTypes.js';
import type { Passage } from '../passages/passageTypes.js';
import type { Span } from '../text/sentences.js';
import { gatherCandidates, hasPhrases, phraseCandidates } from './candidates.js';
import { hasFilters, passesFilters } from './filters.js';
import { highlightSpans } from './highlight.js';
import { DEFAULT_SEARCH_OPTIONS, RANKING, type SearchOptions } from './options.js';
import type { PassageIndex } from './passageIndex.js';
import { planQuery, type QueryLanguage, type QueryPlan } from './query.js';
import { PlanScorer, type PassageTraits, type Scored } from './scoring.js';
import { TopHits } from './topHits.js';

export interface SearchHit {
  readonly passage: Passage;
  readonly score: number;
  /** Offsets into `passage.text` of the words that matched. */
  readonly highlights: readonly Span[];
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** How many passages matched in all (hits holds at most `limit`). */
  readonly total: number;
  readonly plan: QueryPlan;
  /** A quoted phrase was asked for but no passage has it: hits are the nearest passages instead. */
  readonly phraseMissing: boolean;
}

/** What a passage's traits add when the question weighs none of them: nothing. */
const NO_TRAITS: PassageTraits = { kind: '', hasDate: false };

const DATE =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:19|20)\d{2}\b/;

/**
 * The search path: plan the query, gather candidates from FlexSearch (each word's best passages
 * and those with most of the words, filters applied as its tags), rank exactly, highlight the
 * winners.
 *
 * Reading order for this folder (after ../text/analyzer.ts, text → terms): passageIndex.ts (the
 * build: sequences.ts for the term sequences, passageFinder.ts for FlexSearch), query.ts (the
 * plan), candidates.ts, scoring.ts, highlight.ts, then this file; indexStore.ts keeps a large index.
 */
export class SearchEngine {
  private readonly documents: ReadonlyMap<string, SourceDocument>;
  /** Per passage: 0 not yet looked at, 1 no date, 2 dated. */
  private readonly dated: Uint8Array;

  constructor(
    readonly index: PassageIndex,
    documents: readonly SourceDocument[],
    private readonly language: QueryLanguage = {},
  ) {
    this.documents = new Map(documents.map((d) => [d.id, d]));
    this.dated = new Uint8Array(index.passages.length);
  }

  search(query: string, options: Partial<SearchOptions> = {}): SearchResult {
    const settings = { ...DEFAULT_SEARCH_OPTIONS, ...options };
    const plan = planQuery(query, this.index, settings.prefix, this.language);
    if (plan.groups.length === 0 && plan.phrases.length === 0) {
      return { hits: [], total: 0, plan, phraseMissing: plan.impossiblePhrase };
    }

    // Gathered at most once: a phrase search may need the pool twice (to filter, then as fallback).
    let pool: number[] | undefined;
    const gather = (): number[] =>
      (pool ??= settings.exhaustive
        ? this.everyPassage(settings)
        : [...gatherCandidates(this.index, plan, RANKING.candidatesPerTerm, settings)]);
    let candidates: number[];
    let phraseMissing = plan.impossiblePhrase;
    if (plan.phrases.length === 0) candidates = gather();
    else {
      // Quoted phrases: the passages that have them all, if any; else the nearest passages.
      const withPhrases =
        phraseCandidates(this.index, plan, settings) ??
        gather().filter((ordinal) => hasPhrases(this.index, plan, ordinal));
      candidates = withPhrases.length > 0 ? withPhrases : gather();
      if (withPhrases.length === 0) phraseMissing = true;
    }

    const scorer = new PlanScorer(this.index, plan);
    const top = new TopHits(settings.limit);
    let total = 0;
    // Only questions about a speaker's words or about "when" weigh who speaks or dates: the
    // others need not read each candidate passage.
    const weighsTraits = plan.speakerIds.size > 0 || plan.asksWhen;
    for (const ordinal of candidates) {
      const passage = weighsTraits ? this.index.passages[ordinal] : undefined;
      const traits = passage
        ? {
            speakerId: passage.speakerId,
            kind: passage.kind,
            hasDate: plan.asksWhen && this.hasDate(ordinal, passage.text),
          }
        : NO_TRAITS;
      const score = scorer.score(ordinal, traits, top.floor);
      if (score === undefined) continue;
      total++;
      if (score !== -Infinity) top.offer({ ordinal, score });
    }
    const hits = top.hits.map((result) => this.hit(result, scorer.matchedTerms(result.ordinal)));
    return { hits, total, plan, phraseMissing };
  }

  /** Every passage that passes the search's filters: the pool of an exhaustive search. */
  private everyPassage(settings: SearchOptions): number[] {
    const all: number[] = [];
    for (let ordinal = 0; ordinal < this.index.passages.length; ordinal++)
      if (this.accepts(ordinal, settings)) all.push(ordinal);
    return all;
  }

  /** Whether the passage passes the search's source and speaker filters. */
  private accepts(ordinal: number, settings: SearchOptions): boolean {
    // Without filters every candidate passes, and nothing needs reading.
    if (!hasFilters(settings)) return true;
    const passage = this.index.passages[ordinal];
    return passage !== undefined && passesFilters(passage, settings);
  }

  /** Whether the passage names a month or a year; remembered (every "when" question asks). */
  private hasDate(ordinal: number, text: string): boolean {
    let known = this.dated[ordinal] ?? 0;
    if (known === 0) this.dated[ordinal] = known = DATE.test(text) ? 2 : 1;
    return known === 2;
  }

  /** A hit; its highlights are worked out when first read (a page shows only some of the hits). */
  private hit(result: Scored, matched: ReadonlySet<number>): SearchHit {
    const passage = this.index.passages[result.ordinal] as Passage;
    const index = this.index;
    const document = this.documents.get(passage.documentId);
    let highlights: readonly Span[] | undefined;
    return {
      passage,
      score: result.score,
      get highlights(): readonly Span[] {
        highlights ??= highlightSpans(passage, matched, index, document);
        return highlights;
      },
    };
  }
}
