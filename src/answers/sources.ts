import type { Story } from '../story/story.js';
import type { Completeness, DocumentKind } from '../corpus/corpusTypes.js';
import type { Reply, SourceBlock } from '../reply/model.js';
import { publishedSortKey } from '../corpus/dates.js';
import { paginate } from './paging.js';
import { sourceView } from './views.js';
import { translator, type MessageKey } from '../i18n/i18n.js';

const SOURCES_PER_PAGE = 8;

const COMPLETENESS: Record<Completeness, MessageKey> = {
  full: 'sources.full',
  excerpts: 'sources.excerpts',
  reference: 'sources.reference',
};
const KINDS: Record<DocumentKind, MessageKey> = {
  article: 'sources.article',
  statement: 'sources.statement',
};

/** `/story sources`: every document, oldest first, and how much of it the bot holds. */
export function sources(story: Story, page = 1, locale?: string): Reply {
  const t = translator(locale);
  const documents = [...story.corpus.documents].sort(
    (a, b) =>
      publishedSortKey(a.published).localeCompare(publishedSortKey(b.published)) ||
      a.id.localeCompare(b.id),
  );
  const blocks: SourceBlock[] = documents.map((document) => {
    const via = document.via ? story.document(document.via) : undefined;
    return {
      type: 'source',
      source: sourceView(document),
      kind: t(KINDS[document.kind]),
      completeness: via
        ? t('sources.quotedIn', {
            completeness: t(COMPLETENESS[document.completeness]),
            publisher: via.publisher,
          })
        : t(COMPLETENESS[document.completeness]),
      notes: document.notes,
    };
  });
  const shown = paginate(blocks, page, SOURCES_PER_PAGE);
  return {
    status: 'ok',
    title: t('sources.title'),
    intro: t('sources.intro', { count: documents.length }),
    blocks: shown.items,
    ephemeral: false,
    pager: shown.pageCount > 1 ? { page: shown.page, pageCount: shown.pageCount } : undefined,
  };
}
