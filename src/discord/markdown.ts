/**
 * Escaping for Discord's Markdown: every character that could format, link or mention is
 * backslash-escaped, so text from sources and users shows exactly as written.
 */
const INLINE = /[\\*_~`|<>[\]()@#:]/g;
/** Block syntax that only counts at the start of a line: headings, quotes, lists. */
const LINE_START = /^(\s*)([-+>#]|\d+\.)/gm;

export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_, space: string, mark: string) => `${space}\\${mark}`);
}

export function bold(text: string): string {
  return `**${text}**`;
}

/** A masked link; the label is escaped, the URL is ours (from the corpus front matter, checked http(s)). */
export function link(label: string, url: string): string {
  return `[${escapeMarkdown(label)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** Prefixes every line with Discord's block quote marker. */
export function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
