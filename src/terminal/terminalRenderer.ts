import { ELLIPSIS, excerpt } from '../reply/excerpt.js';
import type { Difference } from '../check/differences.js';
import {
  FLAG_MARK,
  kindLabel,
  meaningChangeTail,
  misattributionText,
  percent,
  speakerLabel,
  verdictLabel,
} from '../reply/labels.js';
import { formatPublishedIn, translator, type Translate } from '../i18n/i18n.js';
import type {
  Block,
  CheckBlock,
  CitationView,
  MeaningChangeView,
  QuoteView,
  Reply,
  SourceView,
} from '../reply/model.js';
import { stripControl as safe } from '../text/typography.js';

/**
 * Reply → readable terminal text: the same content as the Discord message, quotes in full, matched
 * words in bold when the terminal shows colour. Never any Markdown.
 */
export interface TerminalRenderOptions {
  /** ANSI bold for matched words (only on a terminal that shows it). */
  readonly color: boolean;
  /** Longest quote shown before shortening with … (terminals scroll; keep it generous). */
  readonly maxQuoteChars?: number;
}

/** What every line needs: the options, and the reply's language. */
interface Context extends TerminalRenderOptions {
  readonly t: Translate;
  readonly locale: string | undefined;
}

const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

function highlighted(quote: QuoteView, options: Context): string {
  const cut = excerpt(quote.text, quote.highlights, options.maxQuoteChars ?? 2000);
  return `${cut.cutBefore ? ELLIPSIS : ''}${bolded(cut, options)}${cut.cutAfter ? ELLIPSIS : ''}`;
}

/** Text with its highlights in ANSI bold, when the terminal shows colour. */
function bolded(
  cut: { readonly text: string; readonly highlights: QuoteView['highlights'] },
  options: TerminalRenderOptions,
): string {
  let out = '';
  let at = 0;
  for (const span of options.color ? cut.highlights : []) {
    out +=
      safe(cut.text.slice(at, span.start)) +
      BOLD +
      safe(cut.text.slice(span.start, span.end)) +
      RESET;
    at = span.end;
  }
  return out + safe(cut.text.slice(at));
}

function source(view: SourceView, options: Context): string {
  return `${safe(view.title)} (${safe(view.publisher)}, ${safe(formatPublishedIn(view.date, options.locale))}) <${view.url}>`;
}

function attribution(quote: QuoteView, options: Context): string {
  const { t } = options;
  const quotedIn = quote.quotedIn.map((s) => `${safe(s.publisher)} <${s.url}>`).join(', ');
  const linksTo = quote.linksTo
    ? ` · ${t('reply.linksTo', { source: source(quote.linksTo, options) })}`
    : '';
  return `— ${safe(speakerLabel(quote))}, ${safe(kindLabel(quote, t))} · ${source(quote.source, options)}${quotedIn ? ` · ${t('reply.quotedIn', { sources: quotedIn })}` : ''}${linksTo}`;
}

function citation(view: CitationView, options: Context): string {
  if (view.type === 'source') return `    ↳ ${source(view.source, options)}`;
  return `    ↳ “${highlighted(view.quote, options)}”\n      ${attribution(view.quote, options)}`;
}

function block(view: Block, options: Context): string {
  switch (view.type) {
    case 'quote':
      return `  “${highlighted(view.quote, options)}”\n  ${attribution(view.quote, options)}`;
    case 'fact':
      return [
        `${safe(view.label)}: ${safe(view.text)}`,
        ...view.citations.map((c) => citation(c, options)),
      ].join('\n');
    case 'source':
      return [
        `${safe(view.source.title)}`,
        `    ${safe(view.source.publisher)}${view.source.author ? `, ${safe(view.source.author)}` : ''} · ${safe(formatPublishedIn(view.source.date, options.locale))} · ${safe(view.kind)} · ${safe(view.completeness)}`,
        `    <${view.source.url}>`,
        ...(view.notes ? [`    ${safe(view.notes)}`] : []),
      ].join('\n');
    case 'check':
      return check(view, options);
    case 'part':
      return `» ${safe(view.question)}`;
    case 'note':
      return safe(view.text);
  }
}

function difference(d: Difference, t: Translate): string {
  switch (d.type) {
    case 'changed':
      return `    ${t('check.message')}: “${safe(d.said)}” → ${t('check.inSource')}: “${safe(d.source)}”`;
    case 'added':
      return `    ${t('check.added')} “${safe(d.said)}”`;
    case 'missing':
      return `    ${t('check.missing')} “${safe(d.source)}”`;
  }
}

function meaningChange(change: MeaningChangeView, options: Context): string {
  const { source } = change;
  const { t } = options;
  const words = `${source.cutBefore ? ELLIPSIS : ''}${bolded(source, options)}${source.cutAfter ? ELLIPSIS : ''}`;
  return `${FLAG_MARK} ${t('flag.meaningChanged')}. ${t('flag.sourceSays')} “${words}”; ${safe(meaningChangeTail(change, t))}.`;
}

function check(view: CheckBlock, options: Context): string {
  const { t } = options;
  const label = verdictLabel(view.verdict, t);
  const similarity =
    view.verdict === 'close'
      ? ` (${t('check.similarity', { percent: percent(view.similarity) })})`
      : '';
  const lines = [
    ...view.meaningChanges.map((change) => meaningChange(change, options)),
    ...(view.misattribution
      ? [
          `${FLAG_MARK} ${t('flag.misattributed')}. ${safe(misattributionText(view.misattribution, t))}`,
        ]
      : []),
    `${label.title}: ${label.explanation}${similarity}.`,
    `  ${t('check.checked')} “${safe(view.quoted.replace(/\s+/g, ' '))}”`,
  ];
  if (view.differences.length > 0)
    lines.push(`  ${t('check.differences')}:`, ...view.differences.map((d) => difference(d, t)));
  if (view.source) {
    lines.push(`  ${t(view.verdict === 'not-found' ? 'check.nearest' : 'check.source')}:`);
    lines.push(`  “${highlighted(view.source, options)}”\n  ${attribution(view.source, options)}`);
  }
  return lines.join('\n');
}

export function renderTerminal(reply: Reply, renderOptions: TerminalRenderOptions): string {
  const t = translator(reply.locale);
  const options: Context = { ...renderOptions, t, locale: reply.locale };
  const lines = [`${safe(reply.title)}${reply.ephemeral ? ` ${t('terminal.private')}` : ''}`];
  if (reply.intro) lines.push(safe(reply.intro));
  for (const view of reply.blocks) lines.push('', block(view, options));
  if (reply.footer) lines.push('', safe(reply.footer));
  if (reply.pager) {
    const { page, pageCount } = reply.pager;
    const moves = [page < pageCount ? t('terminal.next') : '', page > 1 ? t('terminal.prev') : ''];
    lines.push(t('terminal.page', { page, pageCount, moves: moves.filter(Boolean).join(', ') }));
  }
  return lines.join('\n');
}
