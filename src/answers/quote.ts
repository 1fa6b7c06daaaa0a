import type { Story } from '../story/story.js';
import type { Reply } from '../reply/model.js';
import { findParty } from './parties.js';
import { searchReply } from './searchReply.js';
import { passageView } from './views.js';
import { translator } from '../i18n/i18n.js';

export interface QuoteRequest {
  readonly text: string;
  /** A document id (from the option's choices) or anything naming a document. */
  readonly source?: string | undefined;
  /** A party id (from the option's choices) or a name. */
  readonly speaker?: string | undefined;
  readonly private?: boolean | undefined;
  readonly page?: number | undefined;
  /** The asker's Discord locale, for the bot's own words. */
  readonly locale?: string | undefined;
}

/**
 * `/quote`: passages matching words or "exact phrases", narrowed by source and speaker. A passage
 * id (what autocomplete submits) shows that passage.
 */
export function quote(story: Story, request: QuoteRequest): Reply {
  const ephemeral = request.private === true;
  const t = translator(request.locale);
  const picked = story.passage(request.text.trim());
  if (picked) {
    return {
      status: 'ok',
      title: t('quote.one.title'),
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
    return problem(t('quote.title'), t('quote.noSource', { source: request.source }));
  }
  if (request.speaker !== undefined && !party) {
    return problem(t('quote.title'), t('quote.noSpeaker', { speaker: request.speaker }));
  }
  const filterLabel = [
    party ? t('quote.by', { name: party.name }) : '',
    document ? t('quote.in', { publisher: document.publisher, title: document.title }) : '',
  ].join('');
  return searchReply(story, {
    title: t('quote.title'),
    locale: request.locale,
    query: request.text,
    page: request.page ?? 1,
    ephemeral,
    filters: { documentId: document?.id, speakerId: party?.id },
    filterLabel,
  });
}

function findDocument(story: Story, typed: string): ReturnType<Story['document']> {
  const wanted = typed.trim().toLowerCase();
  const exact =
    story.document(wanted) ??
    story.corpus.documents.find(
      (d) => d.title.toLowerCase() === wanted || d.publisher.toLowerCase() === wanted,
    );
  if (exact) return exact;
  // Typed without picking a suggestion: a part of "publisher: title" that names one document.
  const named = story.corpus.documents.filter((d) =>
    `${d.publisher}: ${d.title}`.toLowerCase().includes(wanted),
  );
  return named.length === 1 ? named[0] : undefined;
}

function problem(title: string, message: string): Reply {
  return { status: 'error', title, intro: message, blocks: [], ephemeral: true };
}
