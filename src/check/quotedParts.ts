import { stripInvisible } from '../text/typography.js';

/**
 * The quoted parts of a chat message: text between “curly”, "straight", «guillemet» or „low“
 * quotes, and Discord block quotes (`> …`). When nothing is quoted, the whole message is the
 * quotation. Markdown and mentions are removed first: they are formatting, not words.
 */
const PAIRS: ReadonlyArray<RegExp> = [
  /“([^“”]+)”/gu,
  /„([^„“”]+)[“”]/gu,
  /«\s*([^«»]+?)\s*»/gu,
  /"([^"]+)"/gu,
];
/** A quoted part needs this many words; shorter ones are emphasis ("so-called"), not quotations. */
const MIN_WORDS = 3;

/** Discord Markdown that changes how words look, not which words they are. */
export function stripChatMarkup(text: string): string {
  return stripInvisible(text)
    .replace(/<a?:\w+:\d+>/g, ' ')
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
    .replace(/```[\s\S]*?```/g, (block) => block.slice(3, -3))
    .replace(/(\*\*|__|~~|\|\||\*|_|`)/g, '')
    .replace(/^\s*-#\s+/gm, '')
    .replace(/^\s*#{1,3}\s+/gm, '');
}

const wordCount = (text: string): number =>
  text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export function quotedParts(message: string): string[] {
  const text = stripChatMarkup(message);
  const parts: string[] = [];
  const blockQuote = text
    .split('\n')
    .filter((line) => /^\s*>\s?/.test(line))
    .map((line) => line.replace(/^\s*>+\s?/, ''))
    .join(' ')
    .trim();
  if (wordCount(blockQuote) >= MIN_WORDS) parts.push(blockQuote);
  const outsideBlockQuotes = text
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n');
  for (const pattern of PAIRS) {
    for (const match of outsideBlockQuotes.matchAll(pattern)) {
      const inner = (match[1] ?? '').trim();
      if (wordCount(inner) >= MIN_WORDS && !parts.includes(inner)) parts.push(inner);
    }
  }
  if (parts.length > 0) return parts;
  const whole = text.replace(/\s+/g, ' ').trim();
  return whole ? [whole] : [];
}
