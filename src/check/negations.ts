/**
 * Negations: a closed class of English words that turn what they stand in into its opposite. A
 * quotation that has one more or one fewer than its source says the opposite of it, however close
 * the rest of its words are ("found evidence" for "found no evidence").
 */
const NEGATIONS: ReadonlySet<string> = new Set([
  'no',
  'not',
  'never',
  'none',
  'nothing',
  'nobody',
  'noone',
  'nowhere',
  'neither',
  'nor',
  'without',
  'cannot',
]);

/** "didn't", "isn't" — and as chat types them, "didnt", "isnt", "wont", "cant". */
const CONTRACTED =
  /n't$|^(?:do|does|did|is|are|was|were|has|have|had|wo|would|ca|could|should|must|need|ai)nt$/;

/** Whether a folded word (see words.ts) is a negation. */
export function isNegation(word: string): boolean {
  return NEGATIONS.has(word) || CONTRACTED.test(word);
}
