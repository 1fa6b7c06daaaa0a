import type { Story } from '../story/story.js';
import type { Completeness } from '../corpus/corpusTypes.js';
import type { Reply, SourceBlock } from '../reply/model.js';
import { publishedSortKey } from '../corpus/dates.js';
import { paginate } from './paging.js';
import { sourceView } from './views.js';

const SOURCES_PER_PAGE = 8;

const COMPLETENESS: Record<Completeness, string> = {
  full: 'full text',
  excerpts: 'excerpts',
  reference: 'referenced only (no text held)',
};

/** `/story sources`: every document, oldest first, and how much of it the bot holds. */
export function sources(story: Story, page = 1): Reply {
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
      kind: document.kind,
      completeness: via
        ? `${COMPLETENESS[document.completeness]}, as quoted in ${via.publisher}`
        : COMPLETENESS[document.completeness],
      notes: document.notes,
    };
  });
  const shown = paginate(blocks, page, SOURCES_PER_PAGE);
  return {
    status: 'ok',
    title: 'Sources',
    intro: `${documents.length} documents. Quotes come only from those whose text is held.`,
    blocks: shown.items,
    ephemeral: false,
    pager: shown.pageCount > 1 ? { page: shown.page, pageCount: shown.pageCount } : undefined,
  };
}
