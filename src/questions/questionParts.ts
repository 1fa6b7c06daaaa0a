import { AUXILIARIES, WH_WORDS } from './questionWords.js';

/**
 * Splits a message into the questions it asks: "who is running it and when will we know?" is two.
 * A part starts after a question mark or semicolon, or at "and"/"also"/"plus" or a comma followed
 * by a question word or an auxiliary ("…, and is the IMOD a customer"). "Covington and Burling"
 * or "approval of some requests and denial of others" stay whole.
 */

export interface QuestionPart {
  /** The part as typed. */
  readonly text: string;
  /** Offset of the part in the whole question. */
  readonly start: number;
  /**
   * The remark just before it, a sentence that asks nothing ("microsoft said israel did not use
   * its technology to harm civilians. when did they say this?"): what the part may refer back to.
   */
  readonly remark?: QuestionPart | undefined;
}

/** More parts than this are answered as one: a reply has room for a few answers, not a list. */
export const MAX_PARTS = 3;

/** Where a sentence ends: "?", ";", or ".", "!", ":" before a space ("for my essay: why …"). */
const SENTENCE_END = /[?;]+|[.!:]+(?=\s)/g;
const JOINER = /(?:,\s*|\s+)(?:and|also|plus|&|\+)\s+(?:also\s+)?|,\s+/gi;

export function questionParts(question: string): QuestionPart[] {
  const parts: QuestionPart[] = [];
  let from = 0;
  const sentences: { start: number; end: number }[] = [];
  for (const match of question.matchAll(SENTENCE_END)) {
    sentences.push({ start: from, end: match.index });
    from = match.index + match[0].length;
  }
  sentences.push({ start: from, end: question.length });

  // "Lawyer here.", "… ? palestinian families, rights groups, anyone": a sentence that asks
  // nothing beside one that does is a remark about the asker or the question, not a question.
  const asking = sentences.filter((sentence) => asks(question, sentence));
  for (const sentence of asking.length > 0 ? asking : sentences) {
    const before = sentences[sentences.indexOf(sentence) - 1];
    const remark = before && !asking.includes(before) ? partOf(question, before) : undefined;
    const firstPart = parts.length;
    let partStart = sentence.start;
    const text = question.slice(sentence.start, sentence.end);
    for (const joint of text.matchAll(JOINER)) {
      const next = text.slice(joint.index + joint[0].length);
      const firstWord = questionWord(/^[\p{L}'’]+/u.exec(next)?.[0] ?? '');
      // Only a new question starts a new part; "a, b and c" lists stay in one.
      if (!WH_WORDS.has(firstWord) && !AUXILIARIES.has(firstWord)) continue;
      const at = sentence.start + joint.index;
      // "Back in the spring, what did …": a short phrase before that asks nothing is part of the
      // question that follows, not a question of its own; so is a thing named first, however
      // long ("the microsoft statement from august 15, who wrote it"). A clause ("i saw on
      // reddit that microsoft cut off unit 8200, is that true") is what the next part asks
      // about: apart.
      const framing = { start: partStart, end: at };
      if (
        !asks(question, framing, false) &&
        (wordCount(question, framing) <= FRAMING_WORDS || namesFirst(question, framing))
      )
        continue;
      if (question.slice(partStart, at).trim()) {
        push(parts, question, partStart, at);
        partStart = at + joint[0].length;
      }
    }
    push(parts, question, partStart, sentence.end);
    const first = parts[firstPart];
    if (remark && first) parts[firstPart] = { ...first, remark };
  }
  if (parts.length > MAX_PARTS) {
    const last = parts[MAX_PARTS - 1] as QuestionPart;
    parts.splice(MAX_PARTS - 1, parts.length, {
      text: question.slice(last.start).trim(),
      start: last.start,
    });
  }
  return parts.length > 0 ? parts : [{ text: question.trim(), start: 0 }];
}

/**
 * Whether a sentence asks something: it ends with a question mark, uses a question word, or
 * starts with an auxiliary ("is it over") or a verb of asking ("tell me who runs it").
 */
function asks(
  question: string,
  sentence: { start: number; end: number },
  byQuestionMark = true,
): boolean {
  if (byQuestionMark && question.slice(sentence.end).trimStart().startsWith('?')) return true;
  const words = (question.slice(sentence.start, sentence.end).match(/[\p{L}'’]+/gu) ?? []).map(
    questionWord,
  );
  const first = words.find((w) => !LEADING_WORDS.has(w)) ?? '';
  return words.some((w) => WH_WORDS.has(w)) || AUXILIARIES.has(first) || ASKING_VERBS.has(first);
}

/** "what's", "whats", "who’s" → what, who: the question word a contraction starts with. */
function questionWord(word: string): string {
  const plain = word.toLowerCase().replace(/['’](?:s|re|ll|d|ve)$/, '');
  return WH_WORDS.has(plain.replace(/s$/, '')) ? plain.replace(/s$/, '') : plain;
}

/** Whether a span starts with "the", "this", "that": a thing named, the topic of what follows. */
function namesFirst(question: string, span: { start: number; end: number }): boolean {
  const first = /^[\p{L}'’]+/u.exec(question.slice(span.start, span.end).trimStart())?.[0];
  return TOPIC_DETERMINERS.has(first?.toLowerCase() ?? '');
}

const TOPIC_DETERMINERS = new Set(['the', 'this', 'that', 'these', 'those']);

/** At most this many words before a comma frame a question rather than state something. */
const FRAMING_WORDS = 4;

function wordCount(question: string, span: { start: number; end: number }): number {
  return (question.slice(span.start, span.end).match(/[\p{L}\p{N}'’]+/gu) ?? []).length;
}

/** Verbs that ask in the imperative: "tell me …", "explain …". */
const ASKING_VERBS = new Set(['tell', 'show', 'give', 'explain', 'describe', 'list']);
/** Words a question may start with before what asks: "and so is it …", "ok tell me …". */
const LEADING_WORDS = new Set(['and', 'also', 'plus', 'so', 'ok', 'okay', 'but', 'then', 'now']);

/** "… ? and what …": the part starts after its joining word. */
const LEADING_JOINER = /^\s*(?:(?:and|also|plus|so|&|\+)\s+)+/i;

function push(parts: QuestionPart[], question: string, start: number, end: number): void {
  const part = partOf(question, { start, end });
  if (part) parts.push(part);
}

/** The words of a span as a part (its joining word left out), or undefined when it has none. */
function partOf(
  question: string,
  { start, end }: { start: number; end: number },
): QuestionPart | undefined {
  const raw = question
    .slice(start, end)
    .replace(LEADING_JOINER, (joiner) => ' '.repeat(joiner.length));
  const text = raw.trim();
  return /[\p{L}\p{N}]/u.test(text) ? { text, start: start + raw.indexOf(text) } : undefined;
}
