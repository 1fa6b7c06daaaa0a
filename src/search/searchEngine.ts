import type { SourceDocument } from '../corpus/types.js';
import type { Passage } from '../passages/types.js';
import type { Span } from '../text/sentences.js';
import { STOP_TERM_PREFIX } from './analyzer.js';
import { highlightSpans } from './highlight.js';
import { DEFAULT_SEARCH_OPTIONS, RANKING, type SearchOptions } from './options.js';
import type { PassageIndex } from './passageIndex.js';
import { planQuery, type QueryPlan } from './query.js';
import { containsPhrase, scorePassage, type Scored } from './scoring.js';

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

const DATE =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:19|20)\d{2}\b/;

/**
 * The search path: plan the query, gather candidates from FlexSearch (impact-ordered postings and
 * an AND of the query's words), filter, rank exactly, highlight the winners.
 */
export class SearchEngine {
  private readonly documents: ReadonlyMap<string, SourceDocument>;

  constructor(
    readonly index: PassageIndex,
    documents: readonly SourceDocument[],
  ) {
    this.documents = new Map(documents.map((d) => [d.id, d]));
  }

  search(query: string, options: Partial<SearchOptions> = {}): SearchResult {
    const settings = { ...DEFAULT_SEARCH_OPTIONS, ...options };
    const plan = planQuery(query, this.index, settings.prefix);
    if (plan.groups.length === 0 && plan.phrases.length === 0) {
      return { hits: [], total: 0, plan, phraseMissing: plan.impossiblePhrase };
    }

    const filtered = settings.documentId !== undefined || settings.speakerId !== undefined;
    const perTerm =
      filtered || plan.phrases.length > 0
        ? RANKING.candidatesPerTermFiltered
        : RANKING.candidatesPerTerm;
    const accepts = (passage: Passage): boolean =>
      (settings.speakerId === undefined || passage.speakerId === settings.speakerId) &&
      (settings.documentId === undefined ||
        passage.documentId === settings.documentId ||
        passage.quotedIn.some((q) => q.documentId === settings.documentId));

    let candidates = [...this.candidates(plan, perTerm)].filter((ordinal) => {
      const passage = this.index.passages[ordinal];
      return passage !== undefined && accepts(passage);
    });
    let phraseMissing = plan.impossiblePhrase;
    if (plan.phrases.length > 0) {
      const withPhrase = candidates.filter((ordinal) =>
        plan.phrases.every((phrase) => containsPhrase(this.index.sequence(ordinal), phrase)),
      );
      if (withPhrase.length > 0) candidates = withPhrase;
      else phraseMissing = true;
    }

    const scored: Scored[] = [];
    for (const ordinal of candidates) {
      const passage = this.index.passages[ordinal];
      if (!passage) continue;
      const traits = {
        speakerId: passage.speakerId,
        kind: passage.kind,
        hasDate: plan.asksWhen && DATE.test(passage.text),
      };
      const result = scorePassage(this.index, plan, ordinal, traits);
      if (result.groupsMatched > 0 || plan.groups.length === 0) scored.push(result);
    }
    scored.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);

    const hits = scored.slice(0, settings.limit).map((result): SearchHit => {
      const passage = this.index.passages[result.ordinal] as Passage;
      const terms = new Set([...result.matched].map((id) => this.index.term(id)));
      return {
        passage,
        score: result.score,
        highlights: highlightSpans(
          passage.text,
          terms,
          this.index,
          this.documents.get(passage.documentId),
        ),
      };
    });
    return { hits, total: scored.length, plan, phraseMissing };
  }

  private candidates(plan: QueryPlan, perTerm: number): Set<number> {
    const candidates = new Set<number>();
    const add = (ordinals: readonly number[]): void => ordinals.forEach((o) => candidates.add(o));
    const seen = new Set<number>();
    for (const group of plan.groups) {
      for (const { termId } of group.alternatives) {
        if (seen.has(termId)) continue;
        seen.add(termId);
        add(this.index.postings(this.index.term(termId), perTerm));
      }
    }
    // Passages with every word of the query, which a per-term cut-off could miss on big corpora.
    const primaries = plan.groups.map((g) => g.alternatives[0]).filter((a) => a !== undefined);
    if (primaries.length > 1)
      add(
        this.index.intersection(
          primaries.map((a) => this.index.term(a.termId)),
          perTerm,
        ),
      );
    for (const phrase of plan.phrases) {
      const content = phrase
        .map((id) => this.index.term(id))
        .filter((term) => !term.startsWith(STOP_TERM_PREFIX));
      if (content.length > 0) add(this.index.intersection(content, perTerm));
    }
    return candidates;
  }
}
