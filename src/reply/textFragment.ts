/**
 * Links that open a source at the quoted words: a URL text fragment (`#:~:text=start,end`, the
 * WICG text-fragments syntax, in Chrome, Edge, Safari and Firefox 131+; other browsers just open
 * the page). Made only from the passage's own verbatim words, so the highlight is the quote.
 */

/** Up to this many words, the whole passage is the fragment. */
const WHOLE_WORDS = 10;
/** A longer passage: its first and last few words (robust to a changed word in between). */
const EDGE_WORDS = 4;
/** Discord's limit on a link button's URL. */
export const MAX_LINK_URL = 512;

/** Percent-encoded, with the three characters the syntax reserves (`-`, `&`, `,`) escaped too. */
export function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** Words as the browser matches them: punctuation at the passage's two edges left off. */
function words(text: string): string[] {
  const all = text.split(/\s+/u).filter(Boolean);
  const first = all[0]?.replace(/^[^\p{L}\p{N}]+/u, '');
  const last = all.at(-1)?.replace(/[^\p{L}\p{N}]+$/u, '');
  if (all.length === 1) {
    const only = first?.replace(/[^\p{L}\p{N}]+$/u, '');
    return only ? [only] : [];
  }
  if (first !== undefined) all[0] = first;
  if (last !== undefined) all[all.length - 1] = last;
  return all.filter(Boolean);
}

function directive(parts: readonly string[]): string {
  return `:~:text=${parts.map(encodeFragmentText).join(',')}`;
}

/** The fragment candidates, most precise first: the whole passage, then fewer edge words. */
function candidates(all: readonly string[]): string[][] {
  const out: string[][] = [];
  if (all.length <= WHOLE_WORDS) out.push([all.join(' ')]);
  for (let n = Math.min(EDGE_WORDS, Math.floor(all.length / 2)); n >= 1; n--) {
    out.push([all.slice(0, n).join(' '), all.slice(-n).join(' ')]);
  }
  return out;
}

/**
 * `url` opened at `text`: the most precise fragment that keeps the URL within `maxLength`, or
 * `url` itself when none does (or the text has no words).
 */
export function textFragmentUrl(url: string, text: string, maxLength = MAX_LINK_URL): string {
  // A directive follows the page's own fragment, if it has one: `#section:~:text=…`.
  const base = url.includes('#') ? url : `${url}#`;
  for (const parts of candidates(words(text))) {
    const linked = base + directive(parts);
    if (linked.length <= maxLength) return linked;
  }
  return url;
}

/** The words a fragment link asks the browser to find (its `textStart`, and `textEnd` if any). */
export function fragmentWords(url: string): string[] | undefined {
  const match = /:~:text=([^&#]*)$/u.exec(url);
  return match?.[1]?.split(',').map(decodeURIComponent);
}
