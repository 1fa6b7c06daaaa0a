import type { Story } from '../story/story.js';
import type { Block } from '../reply/model.js';
import { publishedSortKey } from '../corpus/dates.js';
import type { PublishedDate } from '../corpus/corpusTypes.js';
import { formatDay, formatPublishedIn, translator } from '../i18n/i18n.js';

/** "As of August 15, 2025 or later", not "As of on or after …". */
function asOfDate(published: PublishedDate, locale: string | undefined): string {
  return published.type === 'on-or-after'
    ? translator(locale)('date.orLater', { date: formatDay(published.date, locale) })
    : formatPublishedIn(published, locale);
}

/**
 * "As of": the newest source a reply rests on, so readers know how current it is. Computed from
 * the citations actually shown, never written by hand.
 */
export function asOfLine(
  story: Story,
  blocks: readonly Block[],
  locale?: string,
): string | undefined {
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
        label: translator(locale)('asOf', {
          date: asOfDate(document.published, locale),
          title: document.title,
          publisher: document.publisher,
        }),
      };
    }
  }
  return newest?.label;
}
