import type { ResolvedSpeaker, SpeakerResolver } from './speakers.js';

/**
 * Reporting cues in English news prose: who a sentence or a quotation is attributed to. The
 * patterns are about grammar, not about this story; the names come from the SpeakerResolver.
 */

const VERBS =
  'said|says|wrote|writes|claim|claims|claimed|clarified|announced|announces|stated|states|added|' +
  'adds|argued|argues|reported|reports|explained|noted|notes|told|insisted|denied|denies|confirmed|' +
  'confirms|acknowledged|alleged|alleges|maintained|asserted|warned|conceded|admitted';
const ING_VERBS = 'writing|saying|claiming|adding|stating|noting|arguing|explaining|insisting';

/** `<subject> said that …` / `<subject> said it …`: the verb must introduce a clause. */
const SUBJECT_VERB = new RegExp(
  `(?<subject>[^,;:"“”]{1,60}?)\\s+(?:${VERBS})\\s+(?=that\\b|it\\b|they\\b|he\\b|she\\b|we\\b|the\\b|its\\b|their\\b|an?\\b|[“"])`,
  'giu',
);
/** `…, wrote Microsoft, …` / `… according to the Guardian.` */
const VERB_SUBJECT = new RegExp(
  `(?:^|[,;”"]\\s*)(?:${VERBS}|according to)\\s+(?<subject>[^,;.“”"]{1,60}?)\\s*(?=[,;.]|$)`,
  'giu',
);
/** `<subject> ended their statement writing that …` */
const SUBJECT_ING = new RegExp(`^(?<subject>[^,;]{1,80}?)\\s+(?:${ING_VERBS})\\s+that\\b`, 'iu');

/** Clause openers that a subject never includes ("On August 15, Microsoft said …"). */
function clauseTail(text: string): string {
  const parts = text.split(/,|\bthat\b|\band\b|\bbut\b/u);
  return (parts[parts.length - 1] ?? text).trim();
}

/** A reporting cue in a sentence: where it stands and the words that may name its speaker. */
interface Cue {
  readonly index: number;
  readonly end: number;
  /** Candidate subjects, tried in order. */
  readonly subjects: readonly string[];
}

/** Every reporting cue of `sentence`, in order. */
function reportingCues(sentence: string): Cue[] {
  const cues: Cue[] = [];
  for (const match of sentence.matchAll(SUBJECT_VERB)) {
    const subject = clauseTail(match.groups?.subject ?? '');
    cues.push({ index: match.index, end: match.index + match[0].length, subjects: [subject] });
  }
  for (const match of sentence.matchAll(VERB_SUBJECT)) {
    const subject = match.groups?.subject ?? '';
    cues.push({ index: match.index, end: match.index + match[0].length, subjects: [subject] });
  }
  cues.sort((a, b) => a.index - b.index);
  const ing = SUBJECT_ING.exec(sentence);
  if (ing) {
    // The subject is the sentence's opening noun phrase: try its first words, longest first.
    const words = clauseTail(ing.groups?.subject ?? '')
      .split(/\s+/)
      .slice(0, 4);
    const subjects = words.map((_, i) => words.slice(0, words.length - i).join(' '));
    cues.push({ index: ing.index, end: ing.index + ing[0].length, subjects });
  }
  return cues;
}

function cueSpeaker(cue: Cue, speakers: SpeakerResolver): ResolvedSpeaker | undefined {
  for (const subject of cue.subjects) {
    const speaker = speakers.resolve(subject);
    if (speaker) return speaker;
  }
  return undefined;
}

/** The first speaker a reporting cue names in `sentence`, if it is a known one. */
export function reportedSpeaker(
  sentence: string,
  speakers: SpeakerResolver,
): ResolvedSpeaker | undefined {
  for (const cue of reportingCues(sentence)) {
    const speaker = cueSpeaker(cue, speakers);
    if (speaker) return speaker;
  }
  return undefined;
}

/**
 * The speaker of the last reporting cue that ends by `offset` of `sentence`: whose claim the words
 * from there on are ("Microsoft announced a review after The Guardian reported that <here>").
 */
export function speakerBefore(
  sentence: string,
  offset: number,
  speakers: SpeakerResolver,
): ResolvedSpeaker | undefined {
  let found: ResolvedSpeaker | undefined;
  for (const cue of reportingCues(sentence)) {
    if (cue.end > offset) continue;
    found = cueSpeaker(cue, speakers) ?? found;
  }
  return found;
}

/**
 * Who a quotation is attributed to: the words right after the closing mark (`,” it wrote.`,
 * `,” wrote Microsoft.`) or right before the opening one (`Microsoft said: “…`).
 */
export function quoteSpeaker(
  before: string,
  after: string,
  speakers: SpeakerResolver,
): ResolvedSpeaker | undefined {
  const afterCue = new RegExp(
    `^[\\s,.;:!?]*(?:(?<subject>[^,;.“”"]{1,60}?)\\s+(?:${VERBS})\\b|(?:${VERBS})\\s+(?<inverted>[^,;.“”"]{1,60}?)\\s*(?:[,;.]|$))`,
    'iu',
  ).exec(after);
  const subject = afterCue?.groups?.subject ?? afterCue?.groups?.inverted;
  if (subject !== undefined) {
    const speaker = speakers.resolve(subject);
    if (speaker) return speaker;
  }
  const beforeCue = new RegExp(
    `(?<subject>[^,;.“”"]{1,60}?)\\s+(?:${VERBS})(?:\\s+[^:,“”"]{0,40})?[:,]?\\s*$`,
    'iu',
  ).exec(before);
  if (beforeCue?.groups?.subject !== undefined)
    return speakers.resolve(clauseTail(beforeCue.groups.subject));
  return undefined;
}
