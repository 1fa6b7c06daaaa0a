import type { Party, SourceDocument } from '../corpus/corpusTypes.js';
import { speakerBefore } from './attribution.js';
import type { Passage } from './passageTypes.js';
import { SpeakerResolver, type ResolvedSpeaker } from './speakers.js';

/**
 * Whose words stand at `offset` of a passage. A sentence may report two speakers — "Microsoft
 * announced that it would launch a review … after The Guardian reported that the program was being
 * used to monitor …" — and the words after a cue are that cue's speaker's claim. Before any cue, and
 * in a direct quote or narration, they are the passage's speaker's.
 */
export function claimSpeaker(
  passage: Passage,
  document: SourceDocument,
  parties: readonly Party[],
  offset: number,
): ResolvedSpeaker | undefined {
  const own =
    passage.speakerId === undefined ? undefined : { id: passage.speakerId, name: passage.speaker };
  if (passage.kind !== 'reported' || passage.documentId !== document.id) return own;
  const cued = speakerBefore(
    passage.text,
    offset - passage.start,
    new SpeakerResolver(parties, document),
  );
  return cued ?? own;
}
