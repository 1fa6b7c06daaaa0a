import type { Story } from '../story/story.js';
import { attributedSpeaker } from './attributedSpeaker.js';
import { checkQuotation, type QuoteCheck } from './checker.js';
import {
  misattribution,
  wordsSpeaker,
  type Misattribution,
  type WordsSpeaker,
} from './misattribution.js';
import { quotedPartsInContext } from './quotedParts.js';

/** What a check must say first: the quotation says something else, or someone else said it. */
export type CheckFlag = 'meaning-changed' | 'misattributed';

export interface MessageCheck extends QuoteCheck {
  /** Whose words the quotation is, as the source has them (verbatim and close only). */
  readonly speaker?: WordsSpeaker | undefined;
  /** The message gives the words to a party whose they are not. */
  readonly misattribution?: Misattribution | undefined;
  readonly flags: readonly CheckFlag[];
}

/**
 * Checks every quotation in a chat message (or the whole message when nothing is quoted): is it in
 * the sources, does it say what they say, and is it given to whoever said it?
 */
export function checkMessage(story: Story, message: string): MessageCheck[] {
  const parties = story.corpus.knowledge.parties;
  return quotedPartsInContext(message).map((part) => {
    const check = checkQuotation(story, part.text);
    const said = attributedSpeaker(part, parties);
    const speaker = wordsSpeaker(story, check, said?.claimFrom);
    const wrong = misattribution(parties, said, speaker);
    const flags: CheckFlag[] = [];
    if (check.meaningChanges.length > 0) flags.push('meaning-changed');
    if (wrong) flags.push('misattributed');
    return { ...check, speaker, misattribution: wrong, flags };
  });
}
