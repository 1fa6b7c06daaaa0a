import {
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIContainerComponent,
  type APIInteractionResponseCallbackData,
  type APIInteractionResponseChannelMessageWithSource,
  type APIInteractionResponseUpdateMessage,
  type APIMessageTopLevelComponent,
} from 'discord-api-types/v10';
import { ELLIPSIS, excerpt } from '../reply/excerpt.js';
import {
  FLAG_MARK,
  kindLabel,
  meaningChangeTail,
  misattributionText,
  percent,
  speakerLabel,
  verdictLabel,
} from '../reply/labels.js';
import type { Difference } from '../check/differences.js';
import {
  formatPublishedIn,
  languageOf,
  translator,
  type MessageKey,
  type Translate,
} from '../i18n/i18n.js';
import {
  quotesShown,
  type Block,
  type CheckBlock,
  type CitationView,
  type FactBlock,
  type MeaningChangeView,
  type PagedCommand,
  type QuoteView,
  type Reply,
  type SourceBlock,
  type SourceView,
} from '../reply/model.js';
import {
  blockQuote,
  bold,
  escapeInline,
  escapeLineStarts,
  escapeMarkdown,
  link,
} from './markdown.js';
import { DISCORD_LIMITS } from './limits.js';
import { fitContainer, textDisplay, textLength, type Piece } from './componentLayout.js';
import { askedLine, pageButtonId, pageLine, pageSignature } from './pageTurns.js';
import { actionButton, SHARED_LINE_RESERVE, shareSignature } from './replyActions.js';
import { messageTexts } from './messageTexts.js';

/**
 * Reply → a Components V2 message: one container, its accent colour by outcome; the title and
 * the bot's own words as text displays; each passage a section with a "Source ↗" link button that
 * opens the source at the quoted words; Previous/Next in an action row; mentions disabled. The
 * layout gets plainer, and quotes shorter (with …), until every limit holds.
 */

const COLORS = {
  ok: 0x2b6cb0,
  empty: 0x718096,
  error: 0xc53030,
  verbatim: 0x2f855a,
  close: 0xd69e2e,
  'not-found': 0xc05621,
} as const;
/** Longest quote shown, then shorter and shorter until the message fits Discord's limits. */
const QUOTE_LENGTHS = [700, 450, 300, 200, 140, 90, 50];
/** Titles and echoed text are cut long before they could crowd out the answer. */
const TITLE_CHARS = 256;
const INTRO_CHARS = 1000;
const FOOTER_CHARS = 600;
const MAX_DIFFERENCES = 8;

export interface DiscordRenderOptions {
  /** Corpus fingerprint: page buttons carry it so a click after a corpus change is refused clearly. */
  readonly fingerprint: string;
}

/** What every piece needs to know: the language, and how long a quote may be. */
interface Context {
  readonly t: Translate;
  readonly locale: string | undefined;
  readonly maxChars: number;
}

/** A message with Markdown values: the message's own words escaped, the values kept as they are. */
function translateMarkdown(
  t: Translate,
  key: MessageKey,
  markdown: Readonly<Record<string, string>>,
): string {
  const names = Object.keys(markdown);
  // Private-use placeholders survive escaping untouched, then become the values.
  const marks = Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE001`]));
  return escapeInline(t(key, marks)).replace(
    /\uE000(\d+)\uE001/gu,
    (_, i: string) => markdown[names[Number(i)] ?? ''] ?? '',
  );
}

function highlighted(text: string, spans: QuoteView['highlights']): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out +=
      escapeInline(text.slice(at, span.start)) +
      bold(escapeInline(text.slice(span.start, span.end)));
    at = span.end;
  }
  return escapeLineStarts(out + escapeInline(text.slice(at)));
}

function quoteText(quote: QuoteView, maxChars: number): string {
  const cut = excerpt(quote.text, quote.highlights, maxChars);
  return `${cut.cutBefore ? ELLIPSIS : ''}${highlighted(cut.text, cut.highlights)}${cut.cutAfter ? ELLIPSIS : ''}`;
}

/** "(Microsoft, August 15, 2025)", the date in the reader's language. */
function publishedBy(source: SourceView, context: Context): string {
  return `(${escapeInline(source.publisher)}, ${escapeInline(formatPublishedIn(source.date, context.locale))})`;
}

/**
 * "— **Microsoft**, direct quote · Title (Microsoft, August 15, 2025) · quoted in FOX 28". The
 * title links to `titleUrl` when the line stands without its button.
 */
function attribution(quote: QuoteView, context: Context, titleUrl?: string): string {
  const { t } = context;
  const title = titleUrl ? link(quote.source.title, titleUrl) : escapeInline(quote.source.title);
  const quotedIn = quote.quotedIn.map((s) => escapeInline(s.publisher)).join(', ');
  return (
    `— ${bold(escapeInline(speakerLabel(quote)))}, ${escapeInline(kindLabel(quote, t))} · ${title} ${publishedBy(quote.source, context)}` +
    (quotedIn ? ` · ${translateMarkdown(t, 'reply.quotedIn', { sources: quotedIn })}` : '') +
    (quote.linksTo
      ? ` · ${translateMarkdown(t, 'reply.linksTo', { source: link(quote.linksTo.title, quote.linksTo.url) })}`
      : '')
  );
}

/** A passage: its words beside a button that opens the source at them. */
function quotePiece(quote: QuoteView, context: Context): Piece {
  const words = blockQuote(quoteText(quote, context.maxChars));
  return {
    kind: 'section',
    texts: [words, attribution(quote, context)],
    button: { label: context.t('button.source'), url: quote.link },
    plain: `${words}\n${attribution(quote, context, quote.link)}`,
  };
}

function citationPieces(citation: CitationView, context: Context): Piece[] {
  if (citation.type === 'quote') {
    return [quotePiece(citation.quote, { ...context, maxChars: Math.floor(context.maxChars / 2) })];
  }
  const { source } = citation;
  return [
    { kind: 'text', text: `↳ ${link(source.title, source.url)} ${publishedBy(source, context)}` },
  ];
}

function factPieces(block: FactBlock, context: Context): Piece[] {
  return [
    {
      kind: 'text',
      text: escapeLineStarts(`${bold(escapeInline(block.label))}: ${escapeInline(block.text)}`),
    },
    ...block.citations.flatMap((c) => citationPieces(c, context)),
  ];
}

function sourcePiece(block: SourceBlock, context: Context): Piece {
  const { source } = block;
  const author = source.author ? ` · ${escapeInline(source.author)}` : '';
  // Both start a line: "15. August 2025" or a publisher named "1." must not become a list.
  const details = escapeLineStarts(
    `${escapeInline(source.publisher)}${author} · ${escapeInline(formatPublishedIn(source.date, context.locale))} · ${escapeInline(block.kind)} · ${escapeInline(block.completeness)}`,
  );
  const notes = block.notes ? `\n${escapeMarkdown(clipPlain(block.notes, context.maxChars))}` : '';
  return {
    kind: 'section',
    texts: [`${bold(escapeInline(source.title))}\n${details}${notes}`],
    button: { label: context.t('button.source'), url: source.url },
    plain: `${bold(link(source.title, source.url))}\n${details}${notes}`,
  };
}

/** Struck through: the message's words; in bold: the source's. */
function renderDifference(difference: Difference, t: Translate): string {
  const said = (text: string): string => `~~${escapeInline(clipPlain(text, 120))}~~`;
  const source = (text: string): string => bold(escapeInline(clipPlain(text, 120)));
  switch (difference.type) {
    case 'changed':
      return `• ${said(difference.said)} → ${source(difference.source)}`;
    case 'added':
      return `• ${escapeInline(t('check.added'))} ${said(difference.said)}`;
    case 'missing':
      return `• ${escapeInline(t('check.missing'))} ${source(difference.source)}`;
  }
}

/** Changes of meaning said first; past these, the differences list the rest. */
const MAX_MEANING_CHANGES = 3;

/** "⛔ **Changes the meaning.** The source says “…found **no** evidence…”; the message leaves out “no”." */
function renderMeaningChange(change: MeaningChangeView, t: Translate): string {
  const { source } = change;
  const words = `${source.cutBefore ? ELLIPSIS : ''}${highlighted(source.text, source.highlights)}${source.cutAfter ? ELLIPSIS : ''}`;
  const tail = escapeInline(
    meaningChangeTail({ ...change, words: clipPlain(change.words.replace(/\s+/g, ' '), 80) }, t),
  );
  return `${FLAG_MARK} ${bold(escapeInline(`${t('flag.meaningChanged')}.`))} ${escapeInline(t('flag.sourceSays'))} “${words}”; ${tail}.`;
}

/** What the check must say first: a changed meaning, words given to the wrong speaker. */
function renderFlags(block: CheckBlock, t: Translate): string[] {
  const lines = block.meaningChanges
    .slice(0, MAX_MEANING_CHANGES)
    .map((change) => renderMeaningChange(change, t));
  if (block.misattribution) {
    lines.push(
      `${FLAG_MARK} ${bold(escapeInline(`${t('flag.misattributed')}.`))} ${escapeInline(misattributionText(block.misattribution, t))}`,
    );
  }
  return lines;
}

function checkPieces(block: CheckBlock, context: Context): Piece[] {
  const { t, maxChars } = context;
  const label = verdictLabel(block.verdict, t);
  const similarity =
    block.verdict === 'close'
      ? ` (${t('check.similarity', { percent: percent(block.similarity) })})`
      : '';
  const lines = [
    ...renderFlags(block, t),
    `${label.mark} ${bold(escapeInline(label.title))}: ${escapeInline(label.explanation + similarity)}.`,
    `${escapeInline(t('check.checked'))} “${escapeInline(clipPlain(block.quoted.replace(/\s+/g, ' '), Math.floor(maxChars / 2)))}”`,
  ];
  if (block.differences.length > 0) {
    lines.push(
      `${escapeInline(t('check.differences'))} (~~${escapeInline(t('check.message'))}~~ → ${bold(escapeInline(t('check.inSource')))}):`,
    );
    lines.push(...block.differences.slice(0, MAX_DIFFERENCES).map((d) => renderDifference(d, t)));
    if (block.differences.length > MAX_DIFFERENCES)
      lines.push(
        `• ${escapeInline(t('check.more', { count: block.differences.length - MAX_DIFFERENCES }))}`,
      );
  }
  if (block.source) {
    lines.push(
      escapeInline(t(block.verdict === 'not-found' ? 'check.nearest' : 'check.source')) + ':',
    );
    return [
      { kind: 'text', text: escapeLineStarts(lines.join('\n')) },
      quotePiece(block.source, context),
    ];
  }
  if (block.verdict === 'not-found') lines.push(escapeInline(t('check.unrelated')));
  return [{ kind: 'text', text: escapeLineStarts(lines.join('\n')) }];
}

function blockPieces(block: Block, context: Context): Piece[] {
  switch (block.type) {
    case 'quote':
      return [quotePiece(block.quote, context)];
    case 'fact':
      return factPieces(block, context);
    case 'source':
      return [sourcePiece(block, context)];
    case 'check':
      return checkPieces(block, context);
    case 'part':
      return [{ kind: 'text', text: `### ${escapeInline(block.question)}` }];
    case 'note':
      // The bot's own words (any text block a later change adds renders the same way).
      return [{ kind: 'text', text: escapeMarkdown(block.text) }];
  }
}

/** The heading: the title, and the bot's words above the answer. */
function headerText(reply: Reply): string {
  const title = `## ${escapeInline(clipPlain(reply.title.replace(/\s+/g, ' '), TITLE_CHARS))}`;
  return reply.intro ? `${title}\n${escapeMarkdown(clipPlain(reply.intro, INTRO_CHARS))}` : title;
}

/**
 * The small print under the answer: the reply's footer, a note that quotes stay English when the
 * reader's language is another, and the page line (last, where page turns read the command).
 */
function footerText(reply: Reply, trailing: readonly string[], t: Translate): string | undefined {
  const lines = [
    ...clipPlain(reply.footer ?? '', FOOTER_CHARS)
      .split('\n')
      .filter((line) => line.trim())
      .map(escapeInline),
    ...(languageOf(reply.locale) !== 'en' && quotesShown(reply).length > 0
      ? [escapeInline(t('reply.verbatimNote'))]
      : []),
    ...trailing,
  ];
  return lines.length > 0 ? lines.map((line) => `-# ${line}`).join('\n') : undefined;
}

function accentColor(reply: Reply): number {
  const check = reply.blocks.find((block) => block.type === 'check');
  return reply.status === 'ok' && check ? COLORS[check.verdict] : COLORS[reply.status];
}

function pieces(reply: Reply, context: Context, footer: string | undefined): Piece[] {
  const body = reply.blocks.flatMap((block): Piece[] => [
    { kind: 'separator' },
    ...blockPieces(block, context),
  ]);
  return [
    { kind: 'text', text: headerText(reply) },
    ...body,
    ...(footer === undefined
      ? []
      : [{ kind: 'separator' } as const, { kind: 'text', text: footer } as const]),
  ];
}

/** The container that fits: long quotes in the richest layout first, shorter and plainer after. */
function fittingContainer(
  reply: Reply,
  t: Translate,
  footer: string | undefined,
  outside: { readonly components: number; readonly text: number },
): APIContainerComponent {
  const room = DISCORD_LIMITS.components - outside.components;
  const maxText = DISCORD_LIMITS.textTotal - outside.text;
  const color = accentColor(reply);
  for (const maxChars of QUOTE_LENGTHS) {
    const context = { t, locale: reply.locale, maxChars };
    const fitted = fitContainer(pieces(reply, context, footer), color, room, maxText);
    if (fitted) return fitted;
  }
  // Still too long (a corpus of enormous facts): one text display, cut, then the small print.
  const context = { t, locale: reply.locale, maxChars: QUOTE_LENGTHS.at(-1) ?? 50 };
  const body = pieces(reply, context, undefined)
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'section' ? p.plain : ''))
    .filter(Boolean)
    .join('\n');
  const small = footer === undefined ? [] : [textDisplay(footer)];
  const left = maxText - textLength(small);
  return {
    type: ComponentType.Container,
    accent_color: color,
    components: [textDisplay(clip(body, Math.max(1, left))), ...small],
  };
}

function pagerButtons(
  reply: Reply,
  options: DiscordRenderOptions,
  command: PagedCommand | undefined,
  t: Translate,
): APIButtonComponent[] {
  if (!reply.pager || !command) return [];
  const { page, pageCount } = reply.pager;
  const signature = pageSignature(command, options.fingerprint);
  const button = (
    label: string,
    target: number,
    disabled: boolean,
    slot: 'prev' | 'next',
  ): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: label.slice(0, DISCORD_LIMITS.buttonLabel),
    custom_id: pageButtonId(slot, target, signature),
    disabled,
  });
  return [
    button(t('button.previous'), Math.max(1, page - 1), page <= 1, 'prev'),
    button(t('button.next'), Math.min(pageCount, page + 1), page >= pageCount, 'next'),
  ];
}

/** A private answer or verdict can be posted to the channel (not an error or an empty result). */
const shareable = (reply: Reply): boolean => reply.ephemeral && reply.status === 'ok';

function buttonRow(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> {
  return { type: ComponentType.ActionRow, components: buttons };
}

/** The message part of an interaction response, or of a channel message (mention replies). */
export function renderMessageData(
  reply: Reply,
  options: DiscordRenderOptions,
): APIInteractionResponseCallbackData {
  const t = translator(reply.locale);
  const page = reply.pager ? pageLine(reply.pager, t) : undefined;
  const asked = reply.asked && !page?.command ? askedLine(reply.asked, t) : undefined;
  const missCommand = reply.asked && (page?.command ?? asked?.command);
  const footer = footerText(
    reply,
    [page?.line, asked?.line].filter((l) => l !== undefined),
    t,
  );
  const share = shareable(reply);
  const buttons = [
    ...pagerButtons(reply, options, page?.command, t),
    // Labels in the layout's budget; the signatures are filled in once the texts are final.
    ...(share ? [actionButton('share', '-'.repeat(16), t)] : []),
    ...(missCommand
      ? [actionButton('miss', pageSignature(missCommand, options.fingerprint), t)]
      : []),
  ];
  const outside =
    buttons.length > 0
      ? {
          components: 1 + buttons.length,
          text: textLength([buttonRow(buttons)]) + (share ? SHARED_LINE_RESERVE : 0),
        }
      : { components: 0, text: 0 };
  const container = fittingContainer(reply, t, footer, outside);
  const signed = share
    ? buttons.map((b) =>
        'custom_id' in b && b.custom_id.startsWith('share:')
          ? actionButton('share', shareSignature(messageTexts([container]), options.fingerprint), t)
          : b,
      )
    : buttons;
  const components: APIMessageTopLevelComponent[] = [
    container,
    ...(signed.length > 0 ? [buttonRow(signed)] : []),
  ];
  return {
    components,
    // Nothing the bot sends may ping anyone, whatever the sources or users wrote.
    allowed_mentions: { parse: [] },
    flags: MessageFlags.IsComponentsV2 | (reply.ephemeral ? MessageFlags.Ephemeral : 0),
  };
}

/** A reply to a command: a new message (type 4). */
export function renderInteractionResponse(
  reply: Reply,
  options: DiscordRenderOptions,
): APIInteractionResponseChannelMessageWithSource {
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: renderMessageData(reply, options),
  };
}

/**
 * A page turn: the clicked message is updated in place (type 7). Whether it is private cannot
 * change on update; the Components V2 flag stays (it can never be removed from a message).
 */
export function renderUpdateResponse(
  reply: Reply,
  options: DiscordRenderOptions,
): APIInteractionResponseUpdateMessage {
  const data = renderMessageData(reply, options);
  return {
    type: InteractionResponseType.UpdateMessage,
    data: { ...data, flags: MessageFlags.IsComponentsV2 },
  };
}

/** Cuts escaped Markdown to `max` characters without leaving a dangling escape or bold marker. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Never end inside an escape ("\") and never leave an odd number of "**".
  cut = cut.replace(/\\+$/, (slashes) => (slashes.length % 2 === 0 ? slashes : slashes.slice(1)));
  if ((cut.match(/(?<!\\)\*\*/g) ?? []).length % 2 === 1)
    cut = cut.replace(/(?<!\\)\*\*(?!.*(?<!\\)\*\*)/s, '');
  return `${cut}${ELLIPSIS}`;
}

/** Cuts plain text (before escaping) at a word boundary. */
export function clipPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}${ELLIPSIS}`;
}
