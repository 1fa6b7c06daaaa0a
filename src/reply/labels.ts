import type { Verdict } from '../check/checker.js';
import type { Translate } from '../i18n/i18n.js';
import type { PassageKind } from '../passages/passageTypes.js';
import type { MeaningChangeView, MisattributionView, QuoteView } from './model.js';

/** How a passage's kind reads next to its speaker, so users see whose words they are. */
export function kindLabel(quote: Pick<QuoteView, 'kind' | 'source'>, t: Translate): string {
  const labels: Record<PassageKind, string> = {
    'direct-quote': t('kind.directQuote'),
    reported: t('kind.reported', { publisher: quote.source.publisher }),
    narration: t('kind.narration'),
  };
  return labels[quote.kind];
}

/** The speaker as shown: narration's speaker is the publisher, so say it once. */
export function speakerLabel(quote: Pick<QuoteView, 'kind' | 'speaker' | 'source'>): string {
  return quote.kind === 'narration' ? quote.source.publisher : quote.speaker;
}

const VERDICT_MARKS: Record<Verdict, string> = { verbatim: '✅', close: '⚠️', 'not-found': '❌' };

/** How a quote check's verdict reads, the same in Discord and in the terminal. */
export function verdictLabel(
  verdict: Verdict,
  t: Translate,
): { readonly mark: string; readonly title: string; readonly explanation: string } {
  const keys = {
    verbatim: ['verdict.verbatim', 'verdict.verbatim.explanation'],
    close: ['verdict.close', 'verdict.close.explanation'],
    'not-found': ['verdict.notFound', 'verdict.notFound.explanation'],
  } as const;
  const [title, explanation] = keys[verdict];
  return { mark: VERDICT_MARKS[verdict], title: t(title), explanation: t(explanation) };
}

/** "91%" */
export function percent(similarity: number): string {
  return `${Math.round(similarity * 100)}%`;
}

/** The mark that leads a quote check's flags, the same in Discord and in the terminal. */
export const FLAG_MARK = '⛔';

/** After the source's words: what the message has instead. */
export function meaningChangeTail(change: MeaningChangeView, t: Translate): string {
  const words = { words: change.words };
  switch (change.change) {
    case 'leaves-out':
      return t('flag.leavesOut', words);
    case 'adds':
      return t('flag.adds', words);
    case 'has':
      return t(change.kind === 'opposite' ? 'flag.hasOpposite' : 'flag.has', words);
  }
}

/** "These are Microsoft's words, not The Guardian's." */
export function misattributionText(view: MisattributionView, t: Translate): string {
  const names = {
    speaker: view.speaker,
    named: view.named,
    reporter: view.reportedBy ?? t('flag.theSource'),
  };
  switch (view.kind) {
    case 'direct-quote':
      return t('flag.directQuote', names);
    case 'reported':
      return t('flag.reported', names);
    case 'narration':
      return t('flag.narration', names);
  }
}
