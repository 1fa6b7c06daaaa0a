import type { Party } from '../corpus/corpusTypes.js';
import { claimSpeaker } from '../passages/claimSpeaker.js';
import { SpeakerResolver } from '../passages/speakers.js';
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
  /** A reported claim's reporter: the party that publishes the document, when it is one. */
  readonly reporter?: string | undefined;
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
  const parties = story.corpus.knowledge.parties;
  const speaker = claimSpeaker(passage, document, parties, position);
  if (!speaker) return undefined;
  const reporter =
    passage.kind === 'reported'
      ? new SpeakerResolver(parties, document).resolve(document.publisher)?.id
      : undefined;
  return { ...speaker, kind: passage.kind, reporter };
}

/** Whether two parties speak with one voice: the same, or one speaks for the other (speaks_for). */
function oneVoice(parties: readonly Party[], a: string, b: string): boolean {
  const voice = (id: string): string => parties.find((p) => p.id === id)?.speaksFor ?? id;
  return a === b || voice(a) === voice(b);
}

/**
 * The message names a party whose words these are not. A claim an outlet reports may be given to
 * the outlet too ("FOX 28 reported “…”"): it printed them, as that claim; a statement an article
 * quotes may not — those are the statement's speaker's own words.
 */
export function misattribution(
  parties: readonly Party[],
  said: AttributedSpeaker | undefined,
  speaker: WordsSpeaker | undefined,
): Misattribution | undefined {
  if (!said || !speaker || oneVoice(parties, said.party.id, speaker.id)) return undefined;
  if (speaker.reporter !== undefined && oneVoice(parties, said.party.id, speaker.reporter))
    return undefined;
  return { named: { id: said.party.id, name: said.party.name }, speaker };
}
