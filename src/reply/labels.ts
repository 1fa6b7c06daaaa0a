import type { PassageKind } from '../passages/types.js';
import type { QuoteView } from './model.js';

/** How a passage's kind reads next to its speaker, so users see whose words they are. */
export function kindLabel(quote: Pick<QuoteView, 'kind' | 'source'>): string {
  const labels: Record<PassageKind, string> = {
    'direct-quote': 'direct quote',
    reported: `as reported by ${quote.source.publisher}`,
    narration: 'narration',
  };
  return labels[quote.kind];
}

/** The speaker as shown: narration's speaker is the publisher, so say it once. */
export function speakerLabel(quote: Pick<QuoteView, 'kind' | 'speaker' | 'source'>): string {
  return quote.kind === 'narration' ? quote.source.publisher : quote.speaker;
}
