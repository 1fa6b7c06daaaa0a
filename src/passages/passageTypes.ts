/** Whose words a passage is, as a reader must be told. */
export type PassageKind =
  /** The speaker's own words: a statement's text, or a quotation inside an article. */
  | 'direct-quote'
  /** The article reports what the speaker said or claimed, in the article's words. */
  | 'reported'
  /** The article's own sentences. */
  | 'narration';

/** Where else the same words stand (an article quoting a statement). */
export interface QuotedIn {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
}

/** The unit the bot searches and shows: a verbatim slice of one document. */
export interface Passage {
  /** Stable across restarts while the document is unchanged: `<document id>:<paragraph>.<n>`. */
  readonly id: string;
  /** Position in the passage list (the search index's key). */
  readonly ordinal: number;
  readonly documentId: string;
  /** `text === document.text.slice(start, end)`, always. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** 1-based paragraph of the document. */
  readonly paragraph: number;
  readonly kind: PassageKind;
  /** Party id of the speaker, when the speaker is a known party. */
  readonly speakerId?: string | undefined;
  /** Display name of the speaker. */
  readonly speaker: string;
  readonly quotedIn: readonly QuotedIn[];
  /**
   * A sentence that only points elsewhere ("To read …, click HERE."): never an answer. Holds the
   * id of the document it points to, or null when no document of the corpus fits.
   */
  readonly linksTo?: string | null | undefined;
}
