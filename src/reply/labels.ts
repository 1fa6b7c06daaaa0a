import type { Verdict } from '../check/checker.js';
import type { PassageKind } from '../passages/passageTypes.js';
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

/** How a quote check's verdict reads, the same in Discord and in the terminal. */
export const VERDICT_LABELS: Record<
  Verdict,
  { readonly mark: string; readonly title: string; readonly explanation: string }
> = {
  verbatim: {
    mark: '✅',
    title: 'Verbatim',
    explanation: 'these words are in the source, as quoted',
  },
  close: {
    mark: '⚠️',
    title: 'Close, not verbatim',
    explanation: 'the source says it differently',
  },
  'not-found': { mark: '❌', title: 'Not found', explanation: 'no source has these words' },
};

/** "91%" */
export function percent(similarity: number): string {
  return `${Math.round(similarity * 100)}%`;
}
