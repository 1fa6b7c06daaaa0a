import { ELLIPSIS, excerpt } from '../reply/excerpt.js';
import type { Difference } from '../check/differences.js';
import {
  FLAG_LABELS,
  kindLabel,
  meaningChangeTail,
  misattributionText,
  percent,
  speakerLabel,
  VERDICT_LABELS,
} from '../reply/labels.js';
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

const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

function highlighted(quote: QuoteView, options: TerminalRenderOptions): string {
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

function source(view: SourceView): string {
  return `${safe(view.title)} (${safe(view.publisher)}, ${safe(view.published)}) <${view.url}>`;
}

function attribution(quote: QuoteView): string {
  const quotedIn = quote.quotedIn.map((s) => `${safe(s.publisher)} <${s.url}>`).join(', ');
  const linksTo = quote.linksTo ? ` · a link to ${source(quote.linksTo)}` : '';
  return `— ${safe(speakerLabel(quote))}, ${safe(kindLabel(quote))} · ${source(quote.source)}${quotedIn ? ` · quoted in ${quotedIn}` : ''}${linksTo}`;
}

function citation(view: CitationView, options: TerminalRenderOptions): string {
  if (view.type === 'source') return `    ↳ ${source(view.source)}`;
  return `    ↳ “${highlighted(view.quote, options)}”\n      ${attribution(view.quote)}`;
}

function block(view: Block, options: TerminalRenderOptions): string {
  switch (view.type) {
    case 'quote':
      return `  “${highlighted(view.quote, options)}”\n  ${attribution(view.quote)}`;
    case 'fact':
      return [
        `${safe(view.label)}: ${safe(view.text)}`,
        ...view.citations.map((c) => citation(c, options)),
      ].join('\n');
    case 'source':
      return [
        `${safe(view.source.title)}`,
        `    ${safe(view.source.publisher)}${view.source.author ? `, ${safe(view.source.author)}` : ''} · ${safe(view.source.published)} · ${safe(view.kind)} · ${safe(view.completeness)}`,
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

function difference(d: Difference): string {
  switch (d.type) {
    case 'changed':
      return `    message: “${safe(d.said)}” → source: “${safe(d.source)}”`;
    case 'added':
      return `    not in the source: “${safe(d.said)}”`;
    case 'missing':
      return `    left out: “${safe(d.source)}”`;
  }
}

function meaningChange(change: MeaningChangeView, options: TerminalRenderOptions): string {
  const { source } = change;
  const words = `${source.cutBefore ? ELLIPSIS : ''}${bolded(source, options)}${source.cutAfter ? ELLIPSIS : ''}`;
  return `${FLAG_LABELS.mark} ${FLAG_LABELS.meaningChanged}. The source says “${words}”; ${safe(meaningChangeTail(change))}.`;
}

function check(view: CheckBlock, options: TerminalRenderOptions): string {
  const label = VERDICT_LABELS[view.verdict];
  const lines = [
    ...view.meaningChanges.map((change) => meaningChange(change, options)),
    ...(view.misattribution
      ? [
          `${FLAG_LABELS.mark} ${FLAG_LABELS.misattributed}. ${safe(misattributionText(view.misattribution))}`,
        ]
      : []),
    `${label.title}: ${label.explanation}${view.verdict === 'close' ? ` (similarity ${percent(view.similarity)})` : ''}.`,
    `  Checked: “${safe(view.quoted.replace(/\s+/g, ' '))}”`,
  ];
  if (view.differences.length > 0)
    lines.push('  Differences:', ...view.differences.map(difference));
  if (view.source) {
    lines.push(view.verdict === 'not-found' ? '  Nearest related passage:' : '  Source:');
    lines.push(`  “${highlighted(view.source, options)}”\n  ${attribution(view.source)}`);
  }
  return lines.join('\n');
}

export function renderTerminal(reply: Reply, options: TerminalRenderOptions): string {
  const lines = [`${safe(reply.title)}${reply.ephemeral ? ' (only you can see this)' : ''}`];
  if (reply.intro) lines.push(safe(reply.intro));
  for (const view of reply.blocks) lines.push('', block(view, options));
  if (reply.footer) lines.push('', safe(reply.footer));
  if (reply.pager) {
    const { page, pageCount } = reply.pager;
    const moves = [
      page < pageCount ? '/next for the next page' : '',
      page > 1 ? '/prev for the previous' : '',
    ];
    lines.push(`Page ${page} of ${pageCount}: ${moves.filter(Boolean).join(', ')}.`);
  }
  return lines.join('\n');
}
