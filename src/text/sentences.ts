/**
 * Sentence boundaries: the Unicode algorithm (Intl.Segmenter) plus the abbreviation suppressions
 * that ICU applies natively but V8 does not expose — without them "the U.S. Army" or "J. Smith"
 * would split mid-sentence.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Abbreviations that end with a period but rarely end a sentence (lowercase, without the final dot). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'inc',
  'corp',
  'co',
  'ltd',
  'llc',
  'llp',
  'plc',
  'bros',
  'no',
  'vs',
  'etc',
  'approx',
  'dept',
  'est',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
  'l.l.p',
  'ala',
  'ariz',
  'ark',
  'calif',
  'colo',
  'conn',
  'del',
  'fla',
  'ga',
  'ill',
  'ind',
  'kan',
  'ky',
  'la',
  'md',
  'mass',
  'mich',
  'minn',
  'miss',
  'mo',
  'mont',
  'neb',
  'nev',
  'okla',
  'ore',
  'pa',
  'tenn',
  'tex',
  'va',
  'vt',
  'wash',
  'wis',
  'wyo',
  'd.c',
]);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The word (with inner dots) that ends right before `end`, when the text there ends with a period. */
function wordBeforeFinalPeriod(text: string): string | undefined {
  const match = /([\p{L}.]+)\.\s*$/u.exec(text);
  return match?.[1]?.toLowerCase();
}

function endsWithAbbreviation(text: string): boolean {
  const word = wordBeforeFinalPeriod(text);
  if (word === undefined) return false;
  // A single capital letter with a period is an initial ("J. Smith").
  if (/^\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word);
}

/**
 * Splits `text` between `start` and `end` into sentence spans, trimmed of surrounding whitespace.
 * Offsets are into `text`, so every sentence is a verbatim slice of it.
 */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let pendingStart: number | undefined;
  for (const segment of segmenter.segment(text.slice(start, end))) {
    const segmentStart = start + segment.index;
    const segmentEnd = segmentStart + segment.segment.length;
    const from = pendingStart ?? segmentStart;
    if (endsWithAbbreviation(segment.segment) && segmentEnd < end) {
      pendingStart = from;
      continue;
    }
    pendingStart = undefined;
    const trimmed = trimSpan(text, from, segmentEnd);
    if (trimmed.end > trimmed.start) spans.push(trimmed);
  }
  if (pendingStart !== undefined) {
    const trimmed = trimSpan(text, pendingStart, end);
    if (trimmed.end > trimmed.start) spans.push(trimmed);
  }
  return spans;
}

/** Narrows a span so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
