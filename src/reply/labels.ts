import type { Verdict } from '../check/checker.js';
import type { PassageKind } from '../passages/passageTypes.js';
import type { MeaningChangeView, MisattributionView, QuoteView } from './model.js';

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

/** How the flags of a quote check lead its reply, the same in Discord and in the terminal. */
export const FLAG_LABELS = {
  mark: '⛔',
  meaningChanged: 'Changes the meaning',
  misattributed: 'Wrong speaker',
} as const;

/** After the source's words: what the message has instead. */
export function meaningChangeTail(change: MeaningChangeView): string {
  const opposite = change.kind === 'opposite' ? 'the opposite, ' : '';
  switch (change.change) {
    case 'leaves-out':
      return `the message leaves out “${change.words}”`;
    case 'adds':
      return `the message adds “${change.words}”`;
    case 'has':
      return `the message has ${opposite}“${change.words}”`;
  }
}

/** A name's possessive, without a parenthesised short name: "Israel Defense Forces'", "Local Call's". */
function possessive(name: string): string {
  const bare = name.replace(/\s*\([^)]*\)$/, '');
  return /s$/i.test(bare) ? `${bare}'` : `${bare}'s`;
}

/** "These are Microsoft's words, not The Guardian's." */
export function misattributionText(view: MisattributionView): string {
  const not = `not ${possessive(view.named)}`;
  switch (view.kind) {
    case 'direct-quote':
      return `These are ${possessive(view.speaker)} words, ${not}.`;
    case 'reported':
      return `This is ${possessive(view.speaker)} claim, as ${view.reportedBy ?? 'the source'} reports it, ${not}.`;
    case 'narration':
      return `These are ${possessive(view.speaker)} own words, the article's narration, ${not}.`;
  }
}
