import type { Story } from '../story/story.js';
import type { Citation, SourceDocument } from '../corpus/corpusTypes.js';
import type { Passage } from '../passages/passageTypes.js';
import type { CitationView, QuoteView, SourceView } from '../reply/model.js';
import type { Span } from '../text/sentences.js';
import { formatPublished } from '../corpus/dates.js';
import { textFragmentUrl } from '../reply/textFragment.js';

/** Builders of reply views from the corpus, shared by every answer. */

export function sourceView(document: SourceDocument): SourceView {
  return {
    documentId: document.id,
    title: document.title,
    publisher: document.publisher,
    author: document.author,
    published: formatPublished(document.published),
    date: document.published,
    url: document.url,
  };
}

/**
 * The words opened where they were read: excerpts of a statement (`via`) stand in the article
 * that quoted them, whose page holds exactly these words; a full text, on its own page.
 */
function wordsLink(story: Story, document: SourceDocument, text: string): string {
  const readIn = (document.via && story.document(document.via)) || document;
  return textFragmentUrl(readIn.url, text);
}

function requireDocument(story: Story, id: string): SourceDocument {
  const document = story.document(id);
  if (!document) throw new Error(`passage refers to unknown document ${id}`);
  return document;
}

export function passageView(
  story: Story,
  passage: Passage,
  highlights: readonly Span[] = [],
): QuoteView {
  const document = requireDocument(story, passage.documentId);
  return {
    id: passage.id,
    documentId: passage.documentId,
    text: passage.text,
    start: passage.start,
    end: passage.end,
    highlights,
    speaker: passage.speaker,
    kind: passage.kind,
    source: sourceView(document),
    quotedIn: passage.quotedIn.map((q) => sourceView(requireDocument(story, q.documentId))),
    linksTo: passage.linksTo ? sourceView(requireDocument(story, passage.linksTo)) : undefined,
    link: wordsLink(story, document, passage.text),
  };
}

/** A cited span, attributed like the passage it starts in. */
export function spanView(story: Story, documentId: string, start: number, end: number): QuoteView {
  const document = requireDocument(story, documentId);
  const passage = story.passageAt(documentId, start);
  const sameAsPassage =
    passage?.documentId === documentId && passage.start === start && passage.end === end;
  return {
    id: sameAsPassage ? passage.id : `${documentId}@${start}-${end}`,
    documentId,
    text: document.text.slice(start, end),
    start,
    end,
    highlights: [],
    speaker: passage?.speaker ?? document.publisher,
    kind: passage?.kind ?? 'narration',
    source: sourceView(document),
    quotedIn: [],
    link: wordsLink(story, document, document.text.slice(start, end)),
  };
}

export function citationView(story: Story, citation: Citation): CitationView {
  if (citation.type === 'source') {
    return { type: 'source', source: sourceView(requireDocument(story, citation.documentId)) };
  }
  return {
    type: 'quote',
    quote: spanView(story, citation.documentId, citation.start, citation.end),
  };
}
