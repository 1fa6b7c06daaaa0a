import { createHash } from 'node:crypto';
import type { Translate } from '../i18n/i18n.js';
import type { OptionValue, PagedCommand, Pager } from '../reply/model.js';
import { escapeMarkdown } from './markdown.js';

/**
 * Page buttons are stateless, so any process, on any shard, after any restart can turn a page.
 * A custom_id holds at most 100 characters, too few for a question, so the command travels in the
 * message itself, as data, on the last line of its last text display (the small print):
 *
 *   -# <"Page n of m" in the reader's language> · /<name>[ <subcommand>]( <option>:<value>)*
 *
 * Markdown-escaped as every text the bot shows, so a question holding `**` or `@` shows as typed.
 * Names are words of letters, digits, `-`, `_` and `'` (as Discord's command names); options come
 * sorted by name, each value a JSON literal: a string in double quotes with JSON's escapes (so a
 * question holding `page:2`, quotes or a line break stays one value on one line), a finite number,
 * `true` or `false`. This module alone writes and reads that line, and reads nothing else: no
 * command-line parsing, so a page turn runs exactly the command that was answered.
 *
 * The custom_id is `page:<prev|next>:<page>:<signature>`, the signature a hash of the corpus
 * fingerprint and the command's canonical JSON: an edited line, or a button from before the
 * corpus changed, does not verify and is refused instead of showing another search's page.
 */

const NAME = /[-_'\p{L}\p{N}\p{M}]+/u;
// eslint-disable-next-line no-control-regex -- JSON strings hold no raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/u;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/u;
const LITERAL = new RegExp(`${STRING.source}|${NUMBER.source}|true|false`, 'u');

const WHOLE_NAME = new RegExp(`^${NAME.source}$`, 'u');
const HEAD = new RegExp(`^/(${NAME.source})(?: (${NAME.source})(?= |$))?`, 'u');
const OPTION = new RegExp(` (${NAME.source}):(${LITERAL.source})`, 'uy');
/** The small-print marker, and where the command starts after the localized "Page n of m". */
const SMALL_PRINT = /^-# /u;
const COMMAND_START = ' · /';
/** A command longer than this is not written (the buttons are left off instead). */
const MAX_COMMAND_CHARS = 1000;
const BUTTON_ID = /^page:(?:prev|next):(\d{1,4}):([\w-]{16})$/;

/** Options in the one order both the footer and the signature use. */
function sortedOptions(command: PagedCommand): [string, OptionValue][] {
  return Object.entries(command.options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function jsonLiteral(value: OptionValue): string | undefined {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : undefined;
  if (typeof value !== 'string') return undefined;
  // Valid JSON either way; escaped, the line separators cannot break the footer's line anywhere.
  return JSON.stringify(value).replace(
    /[\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16)}`,
  );
}

/** The command as the footer carries it, or undefined when it cannot be written in the grammar. */
export function formatPagedCommand(command: PagedCommand): string | undefined {
  const { name, subcommand } = command;
  if (!WHOLE_NAME.test(name)) return undefined;
  if (subcommand !== undefined && !WHOLE_NAME.test(subcommand)) return undefined;
  const parts = [`/${name}`, ...(subcommand === undefined ? [] : [subcommand])];
  for (const [option, value] of sortedOptions(command)) {
    const literal = jsonLiteral(value);
    if (!WHOLE_NAME.test(option) || literal === undefined) return undefined;
    parts.push(`${option}:${literal}`);
  }
  return parts.join(' ');
}

/**
 * Reads exactly what `formatPagedCommand` writes, and nothing else: a text counts only if writing
 * what was read gives it back to the letter (options in order, once each, numbers and escapes as
 * JSON writes them).
 */
export function parsePagedCommand(text: string): PagedCommand | undefined {
  const head = HEAD.exec(text);
  if (!head?.[1]) return undefined;
  const options: [string, OptionValue][] = [];
  let at = head[0].length;
  while (at < text.length) {
    OPTION.lastIndex = at;
    const match = OPTION.exec(text);
    if (!match?.[1] || match[2] === undefined) return undefined;
    options.push([match[1], JSON.parse(match[2]) as OptionValue]);
    at = OPTION.lastIndex;
  }
  // fromEntries defines own properties: an option named __proto__ stays an ordinary key.
  const read = { name: head[1], options: Object.fromEntries(options) };
  const command = head[2] === undefined ? read : { ...read, subcommand: head[2] };
  return formatPagedCommand(command) === text ? command : undefined;
}

/** The page line (escaped Markdown, without the `-# `); it names the command only when it can. */
export function pageLine(
  pager: Pager,
  t: Translate,
): { readonly line: string; readonly command?: PagedCommand } {
  const line = escapeMarkdown(t('page.of', { page: pager.page, pageCount: pager.pageCount }));
  const { invocation } = pager;
  const written = invocation && formatPagedCommand(invocation);
  if (!invocation || written === undefined || written.length > MAX_COMMAND_CHARS) return { line };
  return {
    line: `${line}${COMMAND_START.slice(0, -1)}${escapeMarkdown(written)}`,
    command: invocation,
  };
}

/**
 * The line that names what a miss asked ("Asked · /story ask question:…"), in the page line's
 * grammar so the same reader finds it; undefined when the command cannot be written.
 */
export function askedLine(
  command: PagedCommand,
  t: Translate,
): { readonly line: string; readonly command: PagedCommand } | undefined {
  const written = formatPagedCommand(command);
  if (written === undefined || written.length > MAX_COMMAND_CHARS) return undefined;
  const line = `${escapeMarkdown(t('reply.asked'))}${COMMAND_START.slice(0, -1)}${escapeMarkdown(written)}`;
  return { line, command };
}

/** Undoes `escapeMarkdown`: every backslash it wrote stands before the character it escaped. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\(.)/gsu, '$1');
}

/**
 * The command on a paged message: the last line of its last text display, if it is a page line
 * this module wrote. `texts` are the message's text displays in order.
 */
export function pagedCommandFromTexts(texts: readonly string[]): PagedCommand | undefined {
  const last = texts.at(-1)?.split('\n').pop() ?? '';
  if (!SMALL_PRINT.test(last)) return undefined;
  const line = unescapeMarkdown(last.replace(SMALL_PRINT, ''));
  const at = line.indexOf(COMMAND_START);
  return at < 0 ? undefined : parsePagedCommand(line.slice(at + COMMAND_START.length - 1));
}

/** Canonical JSON of a command: fixed key order, options sorted, so equal commands sign alike. */
function canonicalJson(command: PagedCommand): string {
  return JSON.stringify({
    name: command.name,
    options: sortedOptions(command),
    subcommand: command.subcommand ?? null,
  });
}

export function pageSignature(command: PagedCommand, fingerprint: string): string {
  return createHash('sha256')
    .update(fingerprint)
    .update('\0')
    .update(canonicalJson(command))
    .digest('base64url')
    .slice(0, 16);
}

export function pageButtonId(slot: 'prev' | 'next', page: number, signature: string): string {
  return ['page', slot, page, signature].join(':');
}

export function parsePageButtonId(
  customId: string,
): { readonly page: number; readonly signature: string } | undefined {
  const match = BUTTON_ID.exec(customId);
  if (!match) return undefined;
  return { page: Number(match[1]), signature: match[2] ?? '' };
}
