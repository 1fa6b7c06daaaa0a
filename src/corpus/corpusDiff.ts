import { publishedSortKey } from './dates.js';
import type {
  Citation,
  Corpus,
  Fact,
  Party,
  Review,
  SourceDocument,
  TimelineEvent,
} from './corpusTypes.js';

/**
 * What changed between two checked corpora, in the editors' terms: sources, timeline events, the
 * review's fields, parties. Pure: the bot's reload and `npm run corpus:diff` both call it.
 *
 * What counts as a change: only what a reader could see. Re-wrapping or re-indenting text (YAML
 * folding, a reflowed paragraph), reordering entries, tags, aliases or citations, moving a document
 * to another file name, and citation offsets shifting because a document's text changed elsewhere
 * are no change. Citations are compared by what they cite: the document id and the quoted words.
 */

export interface ChangedEvent {
  readonly before: TimelineEvent;
  readonly after: TimelineEvent;
}

export type ReviewField = 'subject' | 'announced' | 'conductedBy' | 'scope' | 'promised' | 'status';

export interface ReviewChange {
  readonly field: ReviewField;
  /**
   * The field's text before and after. Equal when only something beside the text changed: its
   * sources, the announcement's date or party, the parties conducting the review.
   */
  readonly before: string;
  readonly after: string;
  /** the new fact (citations) when the field is a Fact */
  readonly fact?: Fact;
}

export interface CorpusDiff {
  /** Oldest first (by publication date), then as in the corpus. */
  readonly addedDocuments: readonly SourceDocument[];
  readonly removedDocuments: readonly SourceDocument[];
  /** Same id, text or metadata changed (the after version). */
  readonly changedDocuments: readonly SourceDocument[];
  /** Oldest first, as in the timeline. */
  readonly addedEvents: readonly TimelineEvent[];
  /** Oldest first by the after version's date. */
  readonly changedEvents: readonly ChangedEvent[];
  readonly removedEvents: readonly TimelineEvent[];
  /** In the order of `REVIEW_FIELDS`. */
  readonly reviewChanges: readonly ReviewChange[];
  /** As in the corpus's list of parties. */
  readonly addedParties: readonly Party[];
  readonly changedParties: readonly { before: Party; after: Party }[];
  readonly removedParties: readonly Party[];
}

/** The review's fields in the order story.yaml lists them. */
export const REVIEW_FIELDS: readonly ReviewField[] = [
  'subject',
  'announced',
  'conductedBy',
  'scope',
  'promised',
  'status',
];

/**
 * Two events on the same date, neither identical to the other side's, are one event edited when
 * their words overlap at least this much (Dice coefficient over distinct words) and no other
 * pairing is as close: a new event added on the day another was edited stays "new".
 */
export const SAME_EVENT_SIMILARITY = 0.5;

export function diffCorpus(before: Corpus, after: Corpus): CorpusDiff {
  const cites = {
    before: citationsKey(new Map(before.documents.map((d) => [d.id, d]))),
    after: citationsKey(new Map(after.documents.map((d) => [d.id, d]))),
  };
  const documents = diffById(before.documents, after.documents, documentKey, documentKey);
  const parties = diffById(
    before.knowledge.parties,
    after.knowledge.parties,
    (party) => partyKey(party, cites.before),
    (party) => partyKey(party, cites.after),
  );
  const timeline = diffTimeline(
    before.knowledge.timeline,
    after.knowledge.timeline,
    (event) => eventKey(event, cites.before),
    (event) => eventKey(event, cites.after),
  );
  return {
    addedDocuments: oldestFirst(documents.added),
    removedDocuments: oldestFirst(documents.removed),
    changedDocuments: oldestFirst(documents.changed.map(({ after: document }) => document)),
    addedEvents: timeline.added,
    changedEvents: timeline.changed,
    removedEvents: timeline.removed,
    reviewChanges: diffReview(before.knowledge.review, after.knowledge.review, cites),
    addedParties: parties.added,
    changedParties: parties.changed,
    removedParties: parties.removed,
  };
}

export function isEmptyDiff(diff: CorpusDiff): boolean {
  return (
    diff.addedDocuments.length === 0 &&
    diff.removedDocuments.length === 0 &&
    diff.changedDocuments.length === 0 &&
    diff.addedEvents.length === 0 &&
    diff.changedEvents.length === 0 &&
    diff.removedEvents.length === 0 &&
    diff.reviewChanges.length === 0 &&
    diff.addedParties.length === 0 &&
    diff.changedParties.length === 0 &&
    diff.removedParties.length === 0
  );
}

/** Text as a reader sees it: any run of whitespace (a line folded in YAML, a re-wrap) is one space. */
function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const sortedWords = (values: readonly string[]): string[] => values.map(collapseWhitespace).sort();

type CitationsKey = (citations: readonly Citation[]) => string[];

/** What citations cite, in a fixed order: never offsets, which move when a document's text does. */
function citationsKey(documents: ReadonlyMap<string, SourceDocument>): CitationsKey {
  return (citations) =>
    citations
      .map((citation) =>
        citation.type === 'source'
          ? citation.documentId
          : `${citation.documentId}: ${collapseWhitespace(
              documents.get(citation.documentId)?.text.slice(citation.start, citation.end) ?? '',
            )}`,
      )
      .sort();
}

const key = (value: unknown): string => JSON.stringify(value);

function documentKey(document: SourceDocument): string {
  const text = (value: string | undefined) =>
    value === undefined ? null : collapseWhitespace(value);
  return key([
    text(document.title),
    document.kind,
    text(document.publisher),
    text(document.author),
    document.published,
    document.url,
    document.completeness,
    document.via ?? null,
    document.speaker ?? null,
    [...document.speakers].sort(([a], [b]) => a.localeCompare(b)),
    document.sic.map((note) => [text(note.text), text(note.means)]).sort(),
    text(document.notes),
    collapseWhitespace(document.text),
  ]);
}

function partyKey(party: Party, cites: CitationsKey): string {
  return key([
    collapseWhitespace(party.name),
    sortedWords(party.aliases),
    collapseWhitespace(party.role),
    party.speaksFor ?? null,
    cites(party.citations),
  ]);
}

function eventKey(event: TimelineEvent, cites: CitationsKey): string {
  return key([
    event.date,
    event.when === undefined ? null : collapseWhitespace(event.when),
    collapseWhitespace(event.text),
    sortedWords(event.tags),
    cites(event.citations),
  ]);
}

interface ById<T> {
  readonly added: T[];
  readonly changed: { before: T; after: T }[];
  readonly removed: T[];
}

function diffById<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
  beforeKey: (item: T) => string,
  afterKey: (item: T) => string,
): ById<T> {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  const result: ById<T> = { added: [], changed: [], removed: [] };
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) result.added.push(item);
    else if (beforeKey(previous) !== afterKey(item))
      result.changed.push({ before: previous, after: item });
  }
  result.removed.push(...before.filter((item) => !now.has(item.id)));
  return result;
}

function oldestFirst(documents: readonly SourceDocument[]): SourceDocument[] {
  // Array.prototype.sort is stable: documents published the same day keep the corpus's order.
  return [...documents].sort((a, b) =>
    publishedSortKey(a.published).localeCompare(publishedSortKey(b.published)),
  );
}

/**
 * Timeline events have no id. An event identical on both sides (ignoring wrapping and order) is
 * unchanged; of the rest, one event is taken to be edited when the pairing is unambiguous, in this
 * order: the same words on the same date (its sources, tags or `when` changed); the same words on
 * both sides once each (its date was corrected); on one date, the clearly closest pair of texts;
 * on one date, the only event left on each side. Everything else is removed or added.
 */
function diffTimeline(
  before: readonly TimelineEvent[],
  after: readonly TimelineEvent[],
  beforeKey: (event: TimelineEvent) => string,
  afterKey: (event: TimelineEvent) => string,
): { added: TimelineEvent[]; changed: ChangedEvent[]; removed: TimelineEvent[] } {
  const unmatchedAfter = new Map<string, number[]>();
  after.forEach((event, index) => {
    const k = afterKey(event);
    unmatchedAfter.set(k, [...(unmatchedAfter.get(k) ?? []), index]);
  });
  const leftBefore: number[] = [];
  before.forEach((event, index) => {
    const same = unmatchedAfter.get(beforeKey(event));
    if (same && same.length > 0) same.shift();
    else leftBefore.push(index);
  });
  const leftAfter = new Set([...unmatchedAfter.values()].flat());
  const left = new Set(leftBefore);
  const pairs: [number, number][] = [];
  const pair = (b: number, a: number): void => {
    pairs.push([b, a]);
    left.delete(b);
    leftAfter.delete(a);
  };
  const words = (event: TimelineEvent): string => collapseWhitespace(event.text);
  const candidates = (accept: (a: TimelineEvent) => boolean): number[] =>
    [...leftAfter].sort((x, y) => x - y).filter((a) => accept(after[a] as TimelineEvent));

  // The same words on the same date.
  for (const b of [...left]) {
    const event = before[b] as TimelineEvent;
    const [first] = candidates((a) => a.date === event.date && words(a) === words(event));
    if (first !== undefined) pair(b, first);
  }
  // The same words once on each side, on another date.
  for (const b of [...left]) {
    const event = before[b] as TimelineEvent;
    const sameWords = (e: TimelineEvent): boolean => words(e) === words(event);
    const found = candidates(sameWords);
    const twins = [...left].filter((other) => sameWords(before[other] as TimelineEvent));
    if (found.length === 1 && twins.length === 1) pair(b, found[0] as number);
  }
  // On one date: the clearly closest texts, then the only event left on each side.
  const dates = new Set([...left].map((b) => (before[b] as TimelineEvent).date));
  for (const date of dates) {
    const olds = [...left].filter((b) => (before[b] as TimelineEvent).date === date);
    const news = candidates((a) => a.date === date);
    for (const [b, a] of closestPairs(olds, news, (b, a) =>
      similarity(before[b] as TimelineEvent, after[a] as TimelineEvent),
    )) {
      pair(b, a);
    }
    const oldsLeft = olds.filter((b) => left.has(b));
    const newsLeft = news.filter((a) => leftAfter.has(a));
    if (oldsLeft.length === 1 && newsLeft.length === 1) {
      pair(oldsLeft[0] as number, newsLeft[0] as number);
    }
  }

  return {
    added: [...leftAfter].sort((x, y) => x - y).map((a) => after[a] as TimelineEvent),
    changed: pairs
      .sort(([, x], [, y]) => x - y)
      .map(([b, a]) => ({ before: before[b] as TimelineEvent, after: after[a] as TimelineEvent })),
    removed: [...left].sort((x, y) => x - y).map((b) => before[b] as TimelineEvent),
  };
}

/**
 * Pairs whose similarity reaches SAME_EVENT_SIMILARITY and is strictly higher than any other
 * pairing either member could have: greedy from the closest, so a tie is never guessed.
 */
function closestPairs(
  olds: readonly number[],
  news: readonly number[],
  score: (b: number, a: number) => number,
): [number, number][] {
  const scored = olds.flatMap((b) => news.map((a) => ({ b, a, score: score(b, a) })));
  const taken = { b: new Set<number>(), a: new Set<number>() };
  const result: [number, number][] = [];
  for (const candidate of [...scored].sort((x, y) => y.score - x.score)) {
    if (candidate.score < SAME_EVENT_SIMILARITY) break;
    if (taken.b.has(candidate.b) || taken.a.has(candidate.a)) continue;
    const rival = scored.some(
      (other) =>
        other !== candidate &&
        other.score >= candidate.score &&
        ((other.b === candidate.b && !taken.a.has(other.a)) ||
          (other.a === candidate.a && !taken.b.has(other.b))),
    );
    if (rival) continue;
    taken.b.add(candidate.b);
    taken.a.add(candidate.a);
    result.push([candidate.b, candidate.a]);
  }
  return result;
}

/** Dice coefficient over the distinct lowercased words of two events' texts. */
function similarity(x: TimelineEvent, y: TimelineEvent): number {
  const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const a = wordsOf(x.text);
  const b = wordsOf(y.text);
  if (a.size + b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function diffReview(
  before: Review,
  after: Review,
  cites: { before: CitationsKey; after: CitationsKey },
): ReviewChange[] {
  const factKey = (fact: Fact, cite: CitationsKey, ...extra: unknown[]): string =>
    key([collapseWhitespace(fact.text), cite(fact.citations), ...extra]);
  const keys = (review: Review, cite: CitationsKey): Record<ReviewField, string> => ({
    subject: key(collapseWhitespace(review.subject)),
    announced: factKey(review.announced, cite, review.announced.date, review.announced.by),
    conductedBy: factKey(review.conductedBy, cite, [...review.conductedBy.parties].sort()),
    scope: factKey(review.scope, cite),
    promised: factKey(review.promised, cite),
    status: factKey(review.status, cite),
  });
  const old = keys(before, cites.before);
  const now = keys(after, cites.after);
  return REVIEW_FIELDS.filter((field) => old[field] !== now[field]).map((field) => {
    if (field === 'subject') return { field, before: before.subject, after: after.subject };
    return { field, before: before[field].text, after: after[field].text, fact: after[field] };
  });
}
