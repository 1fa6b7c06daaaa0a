import type { Story } from '../story/story.js';
import type { Reply } from '../reply/model.js';
import { findParty } from './parties.js';
import { searchReply } from './searchReply.js';
import { passageView } from './views.js';

export interface QuoteRequest {
  readonly text: string;
  /** A document id (from the option's choices) or anything naming a document. */
  readonly source?: string | undefined;
  /** A party id (from the option's choices) or a name. */
  readonly speaker?: string | undefined;
  readonly private?: boolean | undefined;
  readonly page?: number | undefined;
}

/**
 * `/quote`: passages matching words or "exact phrases", narrowed by source and speaker. A passage
 * id (what autocomplete submits) shows that passage.
 */
export function quote(story: Story, request: QuoteRequest): Reply {
  const ephemeral = request.private === true;
  const picked = story.passage(request.text.trim());
  if (picked) {
    return {
      status: 'ok',
      title: 'Quote',
      blocks: [{ type: 'quote', quote: passageView(story, picked) }],
      ephemeral,
    };
  }
  const document = request.source === undefined ? undefined : findDocument(story, request.source);
  const party =
    request.speaker === undefined
      ? undefined
      : findParty(story.corpus.knowledge.parties, request.speaker);
  if (request.source !== undefined && !document) {
    return problem(`No source “${request.source}”. See /story sources for the list.`);
  }
  if (request.speaker !== undefined && !party) {
    return problem(`No speaker “${request.speaker}”. See /story who for the parties.`);
  }
  const filterLabel = [
    party ? ` by ${party.name}` : '',
    document ? ` in ${document.publisher}: “${document.title}”` : '',
  ].join('');
  return searchReply(story, {
    title: 'Quotes',
    query: request.text,
    page: request.page ?? 1,
    ephemeral,
    filters: { documentId: document?.id, speakerId: party?.id },
    filterLabel,
  });
}

function findDocument(story: Story, typed: string): ReturnType<Story['document']> {
  const wanted = typed.trim().toLowerCase();
  return (
    story.document(wanted) ??
    story.corpus.documents.find(
      (d) => d.title.toLowerCase() === wanted || d.publisher.toLowerCase() === wanted,
    )
  );
}

function problem(message: string): Reply {
  return { status: 'error', title: 'Quotes', intro: message, blocks: [], ephemeral: true };
}
