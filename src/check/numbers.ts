/**
 * The numbers a text states — amounts, days, years, months — as values that compare the way a
 * reader compares them: "7", "7th" and "seven" are 7; "Oct", "Oct." and "October" are the tenth
 * month; "2,000" is 2000; "millions" is a million. Number words and months are a closed class.
 */
export interface StatedNumber {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
/** Months as people shorten them: "Jan", "Sept". */
const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Months that are also everyday words. */
const COMMON_WORDS: ReadonlySet<string> = new Set(['may', 'march', 'august', 'mar', 'jan']);

const NUMBER_WORD_VALUES: Readonly<Record<string, number>> = Object.fromEntries([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['dozen', 12],
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
] as const);

const TOKEN = /\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?|\p{L}+/gu;

function numberWord(word: string): number | undefined {
  // "millions", "hundreds": the plural of a number word is that number's order of magnitude.
  return (
    NUMBER_WORD_VALUES[word] ??
    (word.endsWith('s') ? NUMBER_WORD_VALUES[word.slice(0, -1)] : undefined)
  );
}

export function numbersIn(text: string): StatedNumber[] {
  const tokens = [...text.matchAll(TOKEN)];
  const found: StatedNumber[] = [];
  tokens.forEach((match, i) => {
    const raw = match[0];
    const at = { start: match.index, end: match.index + raw.length };
    if (/^\d/.test(raw)) {
      const digits = raw.replace(/,/g, '').replace(/(?:st|nd|rd|th)$/, '');
      found.push({ value: String(Number(digits)), ...at });
      return;
    }
    const word = raw.toLowerCase();
    const month = MONTH_NUMBERS[word] ?? MONTH_ABBREVIATIONS[word];
    // "may", "march" and "august" are words too: those are months when capitalised or next to a number.
    const nextToDigits = [tokens[i - 1], tokens[i + 1]].some((t) => /^\d/.test(t?.[0] ?? ''));
    if (month !== undefined && (!COMMON_WORDS.has(word) || /^\p{Lu}/u.test(raw) || nextToDigits)) {
      found.push({ value: `month ${month}`, ...at });
      return;
    }
    const value = numberWord(word);
    if (value !== undefined) found.push({ value: String(value), ...at });
  });
  return found;
}
