/**
 * Escaping for Discord's Markdown: every character that could format, link or mention is
 * backslash-escaped, so text from sources and users shows exactly as written.
 */
const INLINE = /[\\*_~`|<>[\]()@#:]/g;
/** Block syntax that only counts at the start of a line: headings, quotes, lists. */
const LINE_START = /^(\s*)([-+>#]|\d+\.)/gm;

export function escapeMarkdown(text: string): string {
  return escapeLineStarts(escapeInline(text));
}

/** For text inside a line: a backslash before "1." or "-" there would show, not escape. */
export function escapeInline(text: string): string {
  return text.replace(INLINE, '\\$&');
}

/** Block syntax neutralised where a line starts (on text already escaped inline). */
export function escapeLineStarts(text: string): string {
  // Only ASCII punctuation can be escaped: "1." becomes "1\.", never "\1." (a visible backslash).
  return text.replace(LINE_START, (_, space: string, mark: string) =>
    /^\d/u.test(mark) ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`,
  );
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
