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

/** The first speaker a reporting cue names in `sentence`, if it is a known one. */
export function reportedSpeaker(
  sentence: string,
  speakers: SpeakerResolver,
): ResolvedSpeaker | undefined {
  const cues: { index: number; subject: string }[] = [];
  for (const match of sentence.matchAll(SUBJECT_VERB)) {
    cues.push({ index: match.index, subject: clauseTail(match.groups?.subject ?? '') });
  }
  for (const match of sentence.matchAll(VERB_SUBJECT)) {
    cues.push({ index: match.index, subject: match.groups?.subject ?? '' });
  }
  cues.sort((a, b) => a.index - b.index);
  for (const cue of cues) {
    const speaker = speakers.resolve(cue.subject);
    if (speaker) return speaker;
  }
  const ing = SUBJECT_ING.exec(sentence);
  // The subject is the sentence's opening noun phrase: try its first words, longest first.
  const words = clauseTail(ing?.groups?.subject ?? '')
    .split(/\s+/)
    .slice(0, 4);
  for (let count = words.length; ing && count > 0; count--) {
    const speaker = speakers.resolve(words.slice(0, count).join(' '));
    if (speaker) return speaker;
  }
  return undefined;
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
