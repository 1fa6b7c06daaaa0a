import type { Lexicon } from '../lexicon/lexicon.js';
import { DETERMINERS, DO_WORDS, FRAME_WORDS, SPEECH_WORDS } from './questionWords.js';
import type { ReadWord } from './standardWords.js';
import type { WordGroup } from './wordGroups.js';

/** Whose words a part asks for, and its groups without the verb of saying that asks for them. */
export interface PartSpeaker {
  /** The party whose words it asks for ("what did the IDF say"). */
  readonly speaker?: string | undefined;
  /** Someone the story never names whose words it asks for ("has the UN commented"), as typed. */
  readonly strangeSpeaker?: string | undefined;
  readonly groups: readonly WordGroup[];
}

/** What a part takes from the part before for "they" ("… did they deny it"). */
interface SpeakerBefore {
  readonly speaker?: string | undefined;
  readonly strangeSpeaker?: string | undefined;
}

/** Pronouns that are the subject of a verb: "did they deny it". */
const SUBJECT_PRONOUNS = new Set(['they', 'he', 'she']);

/**
 * Whose words a part asks for (none unless `asksWords`). `content` are its words that are not
 * only of time, at the positions of `groups`.
 */
export function whoseWords(
  plain: readonly string[],
  content: readonly ReadWord[],
  groups: readonly WordGroup[],
  asksWords: boolean,
  lexicon: Lexicon,
  previous?: SpeakerBefore,
): PartSpeaker {
  // "What did the Guardian report?": the verb of saying asks for the party's words; the
  // party is what must match.
  // "Say", "tell", "think" are verbs of saying and nothing else, though frame words, not
  // groups: when one comes before any other word of saying, who says is the nearest word
  // before it ("what did the IDF say … about the Guardian report": the IDF, not the Guardian).
  // A group ("report", "statement") may be a noun ("the Guardian report"): as before.
  const saying = groups.find((g) => SPEECH_WORDS.has(g.word));
  const saidAt = content.findIndex((w) => SPEECH_WORDS.has(w.word) && FRAME_WORDS.has(w.word));
  // "What did Microsoft say about the Guardian report": after "say", "report" is what was
  // said about, not the verb that asks for words.
  const saysFirst = saidAt >= 0 && (!saying || saidAt < saying.at);
  const speech = saysFirst ? undefined : saying;
  const sayer = saysFirst
    ? sayerBefore(groups, saidAt, lexicon)
    : speech
      ? sayerBefore(groups, speech.at, lexicon)
      : undefined;
  // "… did they deny it": "they" say, and are whoever said in the part before.
  const sayerReferred =
    sayer === undefined &&
    previous !== undefined &&
    plain.some((w) => SUBJECT_PRONOUNS.has(w)) &&
    !groups.some((g) => g.partyId !== undefined || g.strangeName);
  const speaker = sayer?.partyId ?? (sayerReferred ? previous.speaker : undefined);
  // "Has the UN commented": the words of someone the story never names.
  const strangeSpeaker = sayer?.strangeName
    ? sayer.label
    : sayerReferred
      ? previous.strangeSpeaker
      : undefined;
  const named = speech !== undefined && speechNamed(plain, content, groups, speech, sayer);
  return {
    speaker: asksWords ? speaker : undefined,
    strangeSpeaker: asksWords ? strangeSpeaker : undefined,
    groups: speaker !== undefined && !named ? groups.filter((g) => g !== speech) : groups,
  };
}

/**
 * Whether the word of saying `speech` is a thing asked about rather than the verb that asks for
 * someone's words.
 */
function speechNamed(
  plain: readonly string[],
  content: readonly ReadWord[],
  groups: readonly WordGroup[],
  speech: WordGroup,
  sayer: WordGroup | undefined,
): boolean {
  // Not "its August statement", "any response" — after a determiner it is a thing, still asked
  // about — nor "what is in the Guardian report", right after the name with no "do" to make it
  // a verb ("what did the Guardian report").
  const afterName =
    sayer !== undefined &&
    (sayer.partyId !== undefined || sayer.strangeName) &&
    groups.every((g) => g === speech || g.at <= sayer.at || g.at > speech.at) &&
    speech.at - sayer.at <= sayer.label.split(/\s+/).length &&
    !plain.some((w) => DO_WORDS.has(w));
  return DETERMINERS.has(content[speech.at - 1]?.word ?? '') || afterName;
}

/**
 * Who says, for a verb of saying at `at`: the nearest group before it — past a verb ("has the
 * IDF put out any response") and past a noun right after a name ("the IDF spokesperson"), to
 * the name.
 */
function sayerBefore(
  groups: readonly WordGroup[],
  at: number,
  lexicon: Lexicon,
): WordGroup | undefined {
  const before = groups.filter((g) => g.at < at).sort((a, b) => b.at - a.at);
  for (const [i, group] of before.entries()) {
    if (group.partyId !== undefined || group.strangeName) return group;
    const next = before[i + 1];
    const afterName = next !== undefined && (next.partyId !== undefined || next.strangeName);
    const verb = lexicon.mainPartOfSpeech(group.word) === 'verb';
    if (!verb && !(group.noun && afterName)) return group;
  }
  return undefined;
}
