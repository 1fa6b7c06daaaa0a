import {
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  type APIInteractionResponseCallbackData,
  type APIInteractionResponseChannelMessageWithSource,
  type APIInteractionResponseUpdateMessage,
} from 'discord-api-types/v10';
import { ELLIPSIS, excerpt } from '../reply/excerpt.js';
import {
  FLAG_LABELS,
  kindLabel,
  meaningChangeTail,
  misattributionText,
  percent,
  speakerLabel,
  VERDICT_LABELS,
} from '../reply/labels.js';
import type { Difference } from '../check/differences.js';
import type {
  Block,
  CheckBlock,
  CitationView,
  FactBlock,
  MeaningChangeView,
  PagedCommand,
  QuoteView,
  Reply,
  SourceBlock,
  SourceView,
} from '../reply/model.js';
import { blockQuote, bold, escapeMarkdown, link } from './markdown.js';
import { DISCORD_LIMITS } from './limits.js';
import { pageButtonId, pageFooterLine, pageSignature } from './pageTurns.js';

/**
 * Reply → Discord: one embed (facts as fields, quotes in the description), Previous/Next buttons
 * for pages, mentions disabled. Quotes are shortened (with …) until every limit holds.
 */

const COLORS = { ok: 0x2b6cb0, empty: 0x718096, error: 0xc53030 } as const;
/** Longest quote shown, then shorter and shorter until the message fits Discord's limits. */
const QUOTE_LENGTHS = [700, 450, 300, 200, 140, 90, 50];

export interface DiscordRenderOptions {
  /** Corpus fingerprint: page buttons carry it so a click after a corpus change is refused clearly. */
  readonly fingerprint: string;
}

function highlighted(text: string, spans: QuoteView['highlights']): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out +=
      escapeMarkdown(text.slice(at, span.start)) +
      bold(escapeMarkdown(text.slice(span.start, span.end)));
    at = span.end;
  }
  return out + escapeMarkdown(text.slice(at));
}

function quoteText(quote: QuoteView, maxChars: number): string {
  const cut = excerpt(quote.text, quote.highlights, maxChars);
  return `${cut.cutBefore ? ELLIPSIS : ''}${highlighted(cut.text, cut.highlights)}${cut.cutAfter ? ELLIPSIS : ''}`;
}

function sourceLink(source: SourceView): string {
  return `${link(source.title, source.url)} (${escapeMarkdown(source.publisher)}, ${escapeMarkdown(source.published)})`;
}

function attribution(quote: QuoteView): string {
  const quotedIn = quote.quotedIn.map((s) => link(s.publisher, s.url)).join(', ');
  return (
    `— ${bold(escapeMarkdown(speakerLabel(quote)))}, ${escapeMarkdown(kindLabel(quote))} · ${sourceLink(quote.source)}` +
    (quotedIn ? ` · quoted in ${quotedIn}` : '') +
    (quote.linksTo ? ` · a link to ${sourceLink(quote.linksTo)}` : '')
  );
}

function renderQuote(quote: QuoteView, maxChars: number): string {
  return `${blockQuote(quoteText(quote, maxChars))}\n${attribution(quote)}`;
}

function renderCitation(citation: CitationView, maxChars: number): string {
  if (citation.type === 'source') return `↳ ${sourceLink(citation.source)}`;
  return `↳ “${quoteText(citation.quote, maxChars)}” ${attribution(citation.quote)}`;
}

function renderFact(block: FactBlock, maxChars: number): APIEmbedField {
  return {
    name: clip(escapeMarkdown(block.label), DISCORD_LIMITS.fieldName),
    value: clip(
      [
        escapeMarkdown(block.text),
        ...block.citations.map((c) => renderCitation(c, Math.floor(maxChars / 2))),
      ].join('\n'),
      DISCORD_LIMITS.fieldValue,
    ),
  };
}

function renderSource(block: SourceBlock, maxChars: number): APIEmbedField {
  const { source } = block;
  const author = source.author ? ` · ${escapeMarkdown(source.author)}` : '';
  const notes = block.notes ? `\n${escapeMarkdown(clipPlain(block.notes, maxChars))}` : '';
  return {
    name: clip(escapeMarkdown(source.publisher), DISCORD_LIMITS.fieldName),
    value: clip(
      `${link(source.title, source.url)}${author}\n${escapeMarkdown(source.published)} · ${escapeMarkdown(block.kind)} · ${escapeMarkdown(block.completeness)}${notes}`,
      DISCORD_LIMITS.fieldValue,
    ),
  };
}

/** Struck through: the message's words; in bold: the source's. */
function renderDifference(difference: Difference): string {
  const said = (text: string): string => `~~${escapeMarkdown(clipPlain(text, 120))}~~`;
  const source = (text: string): string => bold(escapeMarkdown(clipPlain(text, 120)));
  switch (difference.type) {
    case 'changed':
      return `• ${said(difference.said)} → ${source(difference.source)}`;
    case 'added':
      return `• not in the source: ${said(difference.said)}`;
    case 'missing':
      return `• left out: ${source(difference.source)}`;
  }
}

const MAX_DIFFERENCES = 8;
/** Changes of meaning said first; past these, the differences list the rest. */
const MAX_MEANING_CHANGES = 3;

/** "⛔ **Changes the meaning.** The source says “…found **no** evidence…”; the message leaves out “no”." */
function renderMeaningChange(change: MeaningChangeView): string {
  const { source } = change;
  const words = `${source.cutBefore ? ELLIPSIS : ''}${highlighted(source.text, source.highlights)}${source.cutAfter ? ELLIPSIS : ''}`;
  const tail = escapeMarkdown(
    meaningChangeTail({ ...change, words: clipPlain(change.words.replace(/\s+/g, ' '), 80) }),
  );
  return `${FLAG_LABELS.mark} ${bold(`${FLAG_LABELS.meaningChanged}.`)} The source says “${words}”; ${tail}.`;
}

/** What the check must say first: a changed meaning, words given to the wrong speaker. */
function renderFlags(block: CheckBlock): string[] {
  const lines = block.meaningChanges.slice(0, MAX_MEANING_CHANGES).map(renderMeaningChange);
  if (block.misattribution) {
    lines.push(
      `${FLAG_LABELS.mark} ${bold(`${FLAG_LABELS.misattributed}.`)} ${escapeMarkdown(misattributionText(block.misattribution))}`,
    );
  }
  return lines;
}

function renderCheck(block: CheckBlock, maxChars: number): string {
  const label = VERDICT_LABELS[block.verdict];
  const lines = [
    ...renderFlags(block),
    `${label.mark} ${bold(label.title)}: ${label.explanation}${block.verdict === 'close' ? ` (similarity ${percent(block.similarity)})` : ''}.`,
    `Checked: “${escapeMarkdown(clipPlain(block.quoted.replace(/\s+/g, ' '), Math.floor(maxChars / 2)))}”`,
  ];
  if (block.differences.length > 0) {
    lines.push('Differences (~~message~~ → **source**):');
    lines.push(...block.differences.slice(0, MAX_DIFFERENCES).map(renderDifference));
    if (block.differences.length > MAX_DIFFERENCES)
      lines.push(`• … and ${block.differences.length - MAX_DIFFERENCES} more`);
  }
  if (block.source) {
    lines.push(block.verdict === 'not-found' ? 'Nearest related passage:' : 'Source:');
    lines.push(renderQuote(block.source, maxChars));
  } else if (block.verdict === 'not-found') {
    lines.push('Nothing in the sources is about this: see /story sources for what they cover.');
  }
  return lines.join('\n');
}

/** A fact among quotes (an answer that leads with the editors' entry): in the text, in order. */
function renderFactInline(block: FactBlock, maxChars: number): string {
  return [
    `${bold(escapeMarkdown(block.label))}: ${escapeMarkdown(block.text)}`,
    ...block.citations.map((c) => renderCitation(c, Math.floor(maxChars / 2))),
  ].join('\n');
}

function renderBlocks(
  blocks: readonly Block[],
  maxChars: number,
): { description: string[]; fields: APIEmbedField[] } {
  const description: string[] = [];
  const fields: APIEmbedField[] = [];
  // Facts are fields (shown after the text) unless the reply also has text blocks to keep in order.
  const inline = blocks.some((b) => b.type !== 'fact' && b.type !== 'source');
  for (const block of blocks) {
    switch (block.type) {
      case 'quote':
        description.push(renderQuote(block.quote, maxChars));
        break;
      case 'check':
        description.push(renderCheck(block, maxChars));
        break;
      case 'part':
        description.push(`__${bold(escapeMarkdown(block.question))}__`);
        break;
      case 'note':
        description.push(escapeMarkdown(block.text));
        break;
      case 'fact':
        if (inline) description.push(renderFactInline(block, maxChars));
        else fields.push(renderFact(block, maxChars));
        break;
      case 'source':
        fields.push(renderSource(block, maxChars));
        break;
    }
  }
  return { description, fields };
}

/**
 * The page line under the reply's own footer, and the command its buttons re-run: only when the
 * command fits in the footer whole, since a cut one could not be read back.
 */
function pagerFooter(reply: Reply): ReturnType<typeof pageFooterLine> | undefined {
  if (!reply.pager) return undefined;
  const room =
    DISCORD_LIMITS.footerText - (reply.footer === undefined ? 0 : reply.footer.length + 1);
  return pageFooterLine(reply.pager, room);
}

function buildEmbed(reply: Reply, maxChars: number, pageLine: string | undefined): APIEmbed {
  const { description, fields } = renderBlocks(reply.blocks, maxChars);
  const intro = reply.intro ? escapeMarkdown(clipPlain(reply.intro, 1000)) : '';
  const footer = [reply.footer, pageLine].filter((line) => line !== undefined).join('\n');
  const text = [intro, ...description].filter(Boolean).join('\n\n');
  const embed: APIEmbed = {
    title: clip(escapeMarkdown(reply.title), DISCORD_LIMITS.embedTitle),
    color: COLORS[reply.status],
  };
  // Discord refuses an empty description: a reply of facts alone has none.
  if (text) embed.description = clip(text, DISCORD_LIMITS.embedDescription);
  if (fields.length > 0) embed.fields = fields.slice(0, DISCORD_LIMITS.embedFields);
  // The footer is plain text in Discord (no Markdown, no mentions): shown as written.
  if (footer) embed.footer = { text: clipPlain(footer, DISCORD_LIMITS.footerText) };
  return embed;
}

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, field) => n + field.name.length + field.value.length, 0)
  );
}

function fittingEmbed(reply: Reply, pageLine: string | undefined): APIEmbed {
  let embed = buildEmbed(reply, QUOTE_LENGTHS[0] ?? 700, pageLine);
  for (const maxChars of QUOTE_LENGTHS.slice(1)) {
    if (embedLength(embed) <= DISCORD_LIMITS.embedTotal) return embed;
    embed = buildEmbed(reply, maxChars, pageLine);
  }
  // Still too long (a corpus of enormous facts): drop fields from the end, then shorten the text.
  while (
    embedLength(embed) > DISCORD_LIMITS.embedTotal &&
    embed.fields &&
    embed.fields.length > 0
  ) {
    embed.fields = embed.fields.slice(0, -1);
  }
  if (embedLength(embed) > DISCORD_LIMITS.embedTotal) {
    const room = DISCORD_LIMITS.embedTotal - embedLength({ ...embed, description: '' });
    embed.description = clip(embed.description ?? '', Math.max(0, room));
  }
  return embed;
}

function pagerButtons(
  reply: Reply,
  options: DiscordRenderOptions,
  command: PagedCommand | undefined,
): APIActionRowComponent<APIButtonComponent>[] {
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
    label,
    custom_id: pageButtonId(slot, target, signature),
    disabled,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button('◀ Previous', Math.max(1, page - 1), page <= 1, 'prev'),
        button('Next ▶', Math.min(pageCount, page + 1), page >= pageCount, 'next'),
      ],
    },
  ];
}

/** The message part of an interaction response, or of a channel message (mention replies). */
export function renderMessageData(
  reply: Reply,
  options: DiscordRenderOptions,
): APIInteractionResponseCallbackData {
  const pages = pagerFooter(reply);
  const data: APIInteractionResponseCallbackData = {
    embeds: [fittingEmbed(reply, pages?.line)],
    components: pagerButtons(reply, options, pages?.command),
    // Nothing the bot sends may ping anyone, whatever the sources or users wrote.
    allowed_mentions: { parse: [] },
  };
  if (reply.ephemeral) data.flags = MessageFlags.Ephemeral;
  return data;
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

/** A page turn: the clicked message is updated in place (type 7); flags cannot change on update. */
export function renderUpdateResponse(
  reply: Reply,
  options: DiscordRenderOptions,
): APIInteractionResponseUpdateMessage {
  const { flags: _flags, ...data } = renderMessageData(reply, options);
  return { type: InteractionResponseType.UpdateMessage, data };
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
