import type { Party, SourceDocument } from '../corpus/corpusTypes.js';
import { foldTypography } from '../text/typography.js';

/** Words that point back to whoever spoke last ("it wrote", "they said"). */
const PRONOUNS = new Set(['it', 'they', 'he', 'she']);

export interface ResolvedSpeaker {
  readonly id: string;
  readonly name: string;
}

/**
 * Names → parties, for one document: the document's own phrases (`speakers` in its front matter),
 * then every party's name and aliases, then pronouns (the last speaker named). Nothing here is
 * specific to a story: the editors' knowledge supplies the names.
 */
export class SpeakerResolver {
  private readonly byPhrase = new Map<string, ResolvedSpeaker>();
  private readonly byId = new Map<string, ResolvedSpeaker>();
  private last: ResolvedSpeaker | undefined;

  constructor(parties: readonly Party[], document: SourceDocument) {
    for (const party of parties) {
      const speaker = { id: party.id, name: party.name };
      this.byId.set(party.id, speaker);
      for (const phrase of [party.name, ...party.aliases]) this.addPhrase(phrase, speaker);
    }
    for (const [phrase, id] of document.speakers) {
      const speaker = this.byId.get(id);
      if (speaker) this.addPhrase(phrase, speaker);
    }
    if (document.speaker !== undefined) this.last = this.byId.get(document.speaker);
  }

  private addPhrase(phrase: string, speaker: ResolvedSpeaker): void {
    const key = normalizePhrase(phrase);
    if (key) this.byPhrase.set(key, speaker);
  }

  party(id: string | undefined): ResolvedSpeaker | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  /**
   * The speaker a phrase names: the longest tail of the phrase that is a known name ("Then, the
   * writers" → the writers), or a pronoun. Remembers it for later pronouns.
   */
  resolve(phrase: string): ResolvedSpeaker | undefined {
    const words = normalizePhrase(phrase).split(' ').filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const tail = words.slice(i).join(' ');
      const known = this.byPhrase.get(tail) ?? this.byPhrase.get(tail.replace(/^the /, ''));
      if (known) return this.remember(known);
      if (i === words.length - 1 && PRONOUNS.has(tail) && this.last) return this.last;
    }
    return undefined;
  }

  private remember(speaker: ResolvedSpeaker): ResolvedSpeaker {
    this.last = speaker;
    return speaker;
  }
}

function normalizePhrase(phrase: string): string {
  return foldTypography(phrase)
    .replace(/'s$/, '')
    .replace(/[^\p{L}\p{N}&+' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
