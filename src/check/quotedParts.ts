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

/** A quotation in a message, with the message's words around it (where it says who spoke). */
export interface QuotedPart {
  readonly text: string;
  /** The message's words before it, back to the previous quotation. */
  readonly before: string;
  /** The message's words after it, up to the next quotation. */
  readonly after: string;
  /** Nothing in the message is quoted: the whole message is the quotation. */
  readonly whole: boolean;
}

interface Found {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function quotedPartsInContext(message: string): QuotedPart[] {
  const text = stripChatMarkup(message);
  const lines = text.split('\n');
  const isBlockQuote = (line: string): boolean => /^\s*>/.test(line);
  const parts: QuotedPart[] = [];
  const blockQuote = lines
    .filter(isBlockQuote)
    .map((line) => line.replace(/^\s*>+\s?/, ''))
    .join(' ')
    .trim();
  if (wordCount(blockQuote) >= MIN_WORDS) {
    const first = lines.findIndex(isBlockQuote);
    const last = lines.length - 1 - [...lines].reverse().findIndex(isBlockQuote);
    parts.push({
      text: blockQuote,
      before: lines.slice(0, first).join('\n'),
      after: lines.slice(last + 1).join('\n'),
      whole: false,
    });
  }
  const outsideBlockQuotes = lines.filter((line) => !isBlockQuote(line)).join('\n');
  const found: Found[] = [];
  for (const pattern of PAIRS) {
    for (const match of outsideBlockQuotes.matchAll(pattern)) {
      const inner = (match[1] ?? '').trim();
      if (wordCount(inner) < MIN_WORDS || found.some((f) => f.text === inner)) continue;
      if (parts.some((p) => p.text === inner)) continue;
      found.push({ text: inner, start: match.index, end: match.index + match[0].length });
    }
  }
  // Context runs to the neighbouring quotations in the text, whatever marks they use.
  const byPosition = [...found].sort((a, b) => a.start - b.start);
  for (const quotation of found) {
    const previous = byPosition.filter((f) => f.end <= quotation.start).pop();
    const next = byPosition.find((f) => f.start >= quotation.end);
    parts.push({
      text: quotation.text,
      before: outsideBlockQuotes.slice(previous?.end ?? 0, quotation.start),
      after: outsideBlockQuotes.slice(quotation.end, next?.start ?? outsideBlockQuotes.length),
      whole: false,
    });
  }
  if (parts.length > 0) return parts;
  const whole = text.replace(/\s+/g, ' ').trim();
  return whole ? [{ text: whole, before: '', after: '', whole: true }] : [];
}

export function quotedParts(message: string): string[] {
  return quotedPartsInContext(message).map((part) => part.text);
}
