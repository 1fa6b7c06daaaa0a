import type { Citation, Corpus, SourceDocument } from '../corpus/corpusTypes.js';
import { formatDate, formatPublished, publishedSortKey } from '../corpus/dates.js';
import type { Passage } from '../passages/passageTypes.js';

/**
 * The editors' knowledge as things a question can be answered with: each party, timeline event,
 * field of the review's status and source document is one unit, in the editors' own words, with
 * its citations. Built from `corpus/` alone, so an entry an editor adds is answerable at once.
 */

export type UnitKind = 'party' | 'event' | 'review' | 'source';

export type ReviewField = 'announced' | 'conducted-by' | 'scope' | 'promised' | 'status';

export interface AnswerUnit {
  /** `party:<id>`, `timeline:<date>`, `review:<field>`, `source:<document id>`: stable, shown in `--json`. */
  readonly id: string;
  readonly kind: UnitKind;
  /** How the reply heads it: "Brad Smith", "September 25, 2025", "Review · Status". */
  readonly label: string;
  /** What the reply says: the editors' words (or a source's metadata, as a sentence). */
  readonly text: string;
  readonly citations: readonly Citation[];
  /** What a question is matched against: the label, the text, and names that stand for it. */
  readonly matchText: string;
  /**
   * What the unit is about, said once for several units (the review's subject for each of its
   * fields): matched like the sentence before a passage, at less weight — it tells what "it" is,
   * but it is not what the unit answers.
   */
  readonly contextText?: string | undefined;
  /** YYYY-MM-DD or YYYY-MM, for units that happened or were published on a date. */
  readonly date?: string | undefined;
  /** The party a party unit is, or the parties a review field names. */
  readonly partyIds: readonly string[];
  readonly reviewField?: ReviewField | undefined;
  /** Timeline tags (`review` marks the review's developments). */
  readonly tags: readonly string[];
  /** A source unit's document. */
  readonly documentId?: string | undefined;
}

const REVIEW_LABELS: Readonly<Record<ReviewField, string>> = {
  announced: 'Announced',
  'conducted-by': 'Conducted by',
  scope: 'What it covers',
  promised: 'What was promised',
  status: 'Status',
};

/**
 * What each field of a review's status is, in plain words: matched as well as the field's text,
 * so a question about the field finds it whatever its text says ("what is it looking into").
 */
const REVIEW_FIELD_MEANINGS: Readonly<Record<ReviewField, string>> = {
  announced: 'When and by whom the review was announced and started.',
  'conducted-by': 'Who conducts and carries out the review.',
  scope: 'What the review covers and looks into: its subject and scope.',
  promised: 'What was promised: when and whether the findings will be published.',
  status: 'Where the review stands now: its current status.',
};

/** The units of a corpus; its passages tell which documents link to which (link prompts). */
export function answerUnits(corpus: Corpus, passages: readonly Passage[]): AnswerUnit[] {
  const { knowledge } = corpus;
  const units: AnswerUnit[] = [];

  for (const party of knowledge.parties) {
    units.push({
      id: `party:${party.id}`,
      kind: 'party',
      label: party.name,
      text: party.role,
      citations: party.citations,
      // "Role" too: "what's the Guardian's role in this" asks for exactly this.
      matchText: `${[party.name, ...party.aliases].join('. ')}. Role: ${party.role}`,
      partyIds: [party.id],
      tags: [],
    });
  }

  const seenDates = new Map<string, number>();
  for (const event of knowledge.timeline) {
    const count = (seenDates.get(event.date) ?? 0) + 1;
    seenDates.set(event.date, count);
    const when = event.when ?? formatDate(event.date);
    units.push({
      id: count === 1 ? `timeline:${event.date}` : `timeline:${event.date}-${count}`,
      kind: 'event',
      label: when,
      text: event.text,
      citations: event.citations,
      // The date in words too, so "in September" or "2023" finds it.
      matchText: `${when}. ${formatDate(event.date)}. ${event.text}`,
      date: event.date,
      partyIds: [],
      tags: event.tags,
    });
  }

  const { review } = knowledge;
  const reviewUnit = (
    field: ReviewField,
    fact: { text: string; citations: readonly Citation[] },
    extra: Partial<AnswerUnit> = {},
  ): AnswerUnit => ({
    id: `review:${field}`,
    kind: 'review',
    label: `Review · ${REVIEW_LABELS[field]}`,
    text: fact.text,
    citations: fact.citations,
    matchText: `${REVIEW_FIELD_MEANINGS[field]} ${fact.text}`,
    contextText: review.subject,
    partyIds: [],
    reviewField: field,
    tags: ['review'],
    ...extra,
  });
  units.push(
    reviewUnit('announced', review.announced, {
      date: review.announced.date,
      partyIds: [review.announced.by],
    }),
    reviewUnit('conducted-by', review.conductedBy, { partyIds: review.conductedBy.parties }),
    reviewUnit('scope', review.scope),
    reviewUnit('promised', review.promised),
    reviewUnit('status', review.status),
  );

  // Which documents each one links to, from its link prompts, in one pass over the passages.
  const linked = new Map<string, Set<string>>();
  for (const p of passages)
    if (p.linksTo) linked.set(p.documentId, (linked.get(p.documentId) ?? new Set()).add(p.linksTo));
  for (const document of corpus.documents) {
    const links = corpus.documents.filter((d) => linked.get(document.id)?.has(d.id));
    units.push(sourceUnit(document, corpus, links));
  }
  return units;
}

const COMPLETENESS_WORDS = {
  full: 'The full text is held here.',
  excerpts: 'Excerpts are held here.',
  reference: 'Its text is not held here.',
} as const;

/**
 * A document's metadata as one sentence: what it is, who wrote it, when, how much is held, and
 * the documents of the corpus it links to ("To read the Guardian's investigative article …").
 */
function sourceUnit(
  document: SourceDocument,
  corpus: Corpus,
  links: readonly SourceDocument[],
): AnswerUnit {
  const via = document.via ? corpus.documents.find((d) => d.id === document.via) : undefined;
  const by = document.author ? `, written by ${document.author}` : '';
  const held = via
    ? `Excerpts are held here, as quoted in ${via.publisher}.`
    : COMPLETENESS_WORDS[document.completeness];
  const linksTo =
    links.length > 0
      ? ` It links to ${links.map((d) => `${d.publisher}'s “${d.title}”`).join(' and ')}.`
      : '';
  const plain = `“${document.title}”: ${document.kind === 'article' ? 'an article' : 'a statement'} published by ${document.publisher}${by}, ${formatPublished(document.published)}. ${held}`;
  const text = `${plain}${linksTo}`;
  const published = publishedSortKey(document.published);
  return {
    id: `source:${document.id}`,
    kind: 'source',
    label: document.title,
    text,
    citations: [{ type: 'source', documentId: document.id }],
    // Not the editors' notes: they describe the document, they are not what it says. Where it
    // was posted ("which blog", "what site") is in its address. Nor the titles it links to:
    // they are the other documents' words ("what was the Guardian article called").
    matchText: `${plain}${links.length > 0 ? ' It links to other documents.' : ''} Posted on the website ${siteWords(document.url)}.`,
    date: document.published.type === 'on' ? published : undefined,
    partyIds: [],
    tags: [],
    documentId: document.id,
  };
}

/** The words of a document's address that name where it was posted: "blogs microsoft com on the issues". */
function siteWords(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    // The first folder of the path ("world", "on-the-issues"), not the page's own name.
    const [first, ...rest] = pathname.split('/').filter(Boolean);
    const section = first !== undefined && rest.length > 0 && /^[a-z-]+$/i.test(first) ? first : '';
    return (
      [...hostname.replace(/^www\./, '').split('.'), ...section.split('-')]
        // Letters only: a digit in a host name ("972mag") would read as an amount or a date.
        .filter((word) => /^[a-z]+$/i.test(word))
        .join(' ')
    );
  } catch {
    return '';
  }
}
