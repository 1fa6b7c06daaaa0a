import type { Party } from '../corpus/corpusTypes.js';
import { claimSpeaker } from '../passages/claimSpeaker.js';
import type { PassageKind } from '../passages/passageTypes.js';
import type { Story } from '../story/story.js';
import type { AttributedSpeaker } from './attributedSpeaker.js';
import type { QuoteCheck } from './checker.js';
import { words } from './words.js';

/** Whose words a checked quotation is, as the source has them. */
export interface WordsSpeaker {
  readonly id: string;
  readonly name: string;
  readonly kind: PassageKind;
}

/** A message that gives a party words that are another's. */
export interface Misattribution {
  /** The party the message names. */
  readonly named: { readonly id: string; readonly name: string };
  /** Whose words they are. */
  readonly speaker: WordsSpeaker;
}

/**
 * Whose words the quotation's are, from where the claim starts: the passage's speaker, or in a
 * sentence that reports two speakers, the one whose claim the words are (see claimSpeaker.ts).
 */
export function wordsSpeaker(
  story: Story,
  check: QuoteCheck,
  claimFrom = 0,
): WordsSpeaker | undefined {
  const match = check.match;
  if (check.verdict === 'not-found' || !match) return undefined;
  const first = words(check.quoted).findIndex((w) => w.start >= claimFrom);
  const position =
    check.sourcePositions.slice(Math.max(0, first)).find((p) => p !== undefined) ?? match.start;
  const passage = story.passageAt(match.documentId, position);
  const document = story.document(match.documentId);
  if (!passage || !document) return undefined;
  const speaker = claimSpeaker(passage, document, story.corpus.knowledge.parties, position);
  return speaker && { ...speaker, kind: passage.kind };
}

/** Whether two parties speak with one voice: the same, or one speaks for the other (speaks_for). */
function oneVoice(parties: readonly Party[], a: string, b: string): boolean {
  const voice = (id: string): string => parties.find((p) => p.id === id)?.speaksFor ?? id;
  return a === b || voice(a) === voice(b);
}

export function misattribution(
  parties: readonly Party[],
  said: AttributedSpeaker | undefined,
  speaker: WordsSpeaker | undefined,
): Misattribution | undefined {
  if (!said || !speaker || oneVoice(parties, said.party.id, speaker.id)) return undefined;
  return { named: { id: said.party.id, name: said.party.name }, speaker };
}
