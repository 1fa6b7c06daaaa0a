import type { Story } from '../story/story.js';
import type { Block } from '../reply/model.js';
import { formatDate, formatPublished, publishedSortKey } from '../corpus/dates.js';
import type { PublishedDate } from '../corpus/corpusTypes.js';

/** "As of August 15, 2025 or later", not "As of on or after …". */
function asOfDate(published: PublishedDate): string {
  return published.type === 'on-or-after'
    ? `${formatDate(published.date)} or later`
    : formatPublished(published);
}

/**
 * "As of": the newest source a reply rests on, so readers know how current it is. Computed from
 * the citations actually shown, never written by hand.
 */
export function asOfLine(story: Story, blocks: readonly Block[]): string | undefined {
  const documentIds = new Set<string>();
  for (const block of blocks) {
    if (block.type === 'fact') {
      for (const citation of block.citations) {
        documentIds.add(
          citation.type === 'quote' ? citation.quote.documentId : citation.source.documentId,
        );
      }
    } else if (block.type === 'quote') {
      documentIds.add(block.quote.documentId);
    }
  }
  let newest: { key: string; label: string } | undefined;
  for (const id of documentIds) {
    const document = story.document(id);
    if (!document) continue;
    const key = publishedSortKey(document.published);
    if (!newest || key > newest.key) {
      newest = {
        key,
        label: `As of ${asOfDate(document.published)}: newest source used is “${document.title}” (${document.publisher})`,
      };
    }
  }
  return newest?.label;
}
