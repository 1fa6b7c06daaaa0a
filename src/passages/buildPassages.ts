import type { Party, SourceDocument } from '../corpus/corpusTypes.js';
import { splitSentences, trimSpan, type Span } from '../text/sentences.js';
import { foldTypography } from '../text/typography.js';
import { quoteSpeaker, reportedSpeaker } from './attribution.js';
import { isLinkPrompt, linkTarget } from './linkPrompts.js';
import { findQuotations, type Quotation } from './findQuotations.js';
import { SpeakerResolver, type ResolvedSpeaker } from './speakers.js';
import type { Passage, PassageKind, QuotedIn } from './passageTypes.js';

/** A sentence counts as a quotation when at least this share of it is inside the quote marks. */
const QUOTED_SHARE = 0.5;

interface Draft {
  id: string;
  text: string;
  documentId: string;
  start: number;
  end: number;
  paragraph: number;
  kind: PassageKind;
  speakerId: string | undefined;
  speaker: string;
  quotedIn: QuotedIn[];
  linksTo?: string | null;
}

/**
 * Splits every document into passages (sentences, and the quoted part of sentences that are
 * quotations), attributes each, and shows words that a statement and an article share once: the
 * statement is their source, the article is where they were "quoted in".
 */
export function buildPassages(
  documents: readonly SourceDocument[],
  parties: readonly Party[],
): Passage[] {
  const drafts = documents.flatMap((document) => documentPassages(document, parties));
  const byId = new Map(documents.map((d) => [d.id, d]));
  for (const draft of drafts) {
    const document = byId.get(draft.documentId);
    if (document && draft.kind === 'narration' && isLinkPrompt(draft.text))
      draft.linksTo = linkTarget(draft.text, document, documents) ?? null;
  }
  return mergeQuotedStatements(drafts, documents).map((draft, ordinal) => ({ ...draft, ordinal }));
}

function documentPassages(document: SourceDocument, parties: readonly Party[]): Draft[] {
  const speakers = new SpeakerResolver(parties, document);
  const publisher: ResolvedSpeaker = speakers.resolve(document.publisher) ?? {
    id: '',
    name: document.publisher,
  };
  const own = speakers.party(document.speaker);
  const drafts: Draft[] = [];
  document.paragraphs.forEach((paragraphSpan, index) => {
    const paragraph = index + 1;
    let count = 0;
    // Ids count within the document's own paragraphs, so another document never renumbers them.
    const draft = (span: Span, kind: PassageKind, speaker: ResolvedSpeaker | undefined): void => {
      drafts.push({
        id: `${document.id}:${paragraph}.${++count}`,
        text: document.text.slice(span.start, span.end),
        documentId: document.id,
        ...span,
        paragraph,
        kind,
        speakerId: speaker?.id || undefined,
        speaker: speaker?.name ?? 'Unattributed',
        quotedIn: [],
      });
    };
    const sentences = splitSentences(document.text, paragraphSpan.start, paragraphSpan.end);
    if (document.kind === 'statement') {
      for (const sentence of sentences) draft(sentence, 'direct-quote', own ?? publisher);
      return;
    }
    const quotations = findQuotations(document.text, paragraphSpan.start, paragraphSpan.end);
    const quoteSpeakers = new Map<Quotation, ResolvedSpeaker | undefined>();
    for (const sentence of sentences) {
      const quotation = quotations.find(
        (q) => overlap(q.inner, sentence) >= QUOTED_SHARE * (sentence.end - sentence.start),
      );
      if (quotation) {
        if (!quoteSpeakers.has(quotation)) {
          quoteSpeakers.set(
            quotation,
            attributeQuotation(document.text, quotation, paragraphSpan, speakers),
          );
        }
        const inner = quotedPart(document.text, quotation, sentence);
        if (inner.end > inner.start) draft(inner, 'direct-quote', quoteSpeakers.get(quotation));
        continue;
      }
      const reported = reportedSpeaker(document.text.slice(sentence.start, sentence.end), speakers);
      if (reported) draft(sentence, 'reported', reported);
      else draft(sentence, 'narration', publisher);
    }
  });
  return drafts;
}

function attributeQuotation(
  text: string,
  quotation: Quotation,
  paragraph: Span,
  speakers: SpeakerResolver,
): ResolvedSpeaker | undefined {
  const after = text.slice(quotation.close + 1, Math.min(paragraph.end, quotation.close + 120));
  const before = text.slice(Math.max(paragraph.start, quotation.open - 120), quotation.open);
  return quoteSpeaker(before, after, speakers);
}

/** The part of a sentence inside the quotation, without the marks or a trailing comma. */
function quotedPart(text: string, quotation: Quotation, sentence: Span): Span {
  const span = trimSpan(
    text,
    Math.max(sentence.start, quotation.inner.start),
    Math.min(sentence.end, quotation.inner.end),
  );
  let end = span.end;
  while (end > span.start && /[,;:\s]/u.test(text[end - 1] ?? '')) end--;
  return { start: span.start, end };
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * An article's quotation of a statement the corpus also holds becomes one passage: the
 * statement's, with the article recorded as where it was quoted.
 */
function mergeQuotedStatements(drafts: Draft[], documents: readonly SourceDocument[]): Draft[] {
  const kindOf = new Map(documents.map((d) => [d.id, d.kind]));
  const key = (draft: Draft): string =>
    `${draft.speakerId ?? ''}\u0000${foldTypography(draft.text)}`;
  const statements = new Map<string, Draft>();
  for (const draft of drafts) {
    if (kindOf.get(draft.documentId) === 'statement') statements.set(key(draft), draft);
  }
  return drafts.filter((draft) => {
    if (draft.kind !== 'direct-quote' || kindOf.get(draft.documentId) === 'statement') return true;
    const statement = statements.get(key(draft));
    if (!statement) return true;
    statement.quotedIn.push({ documentId: draft.documentId, start: draft.start, end: draft.end });
    return false;
  });
}
