import type { Span } from '../text/sentences.js';

/** The checked, resolved corpus: what every other part of the bot reads. */

export type DocumentKind = 'article' | 'statement';
export type Completeness = 'full' | 'excerpts' | 'reference';

/** When a source was published; `sortKey` orders sources and picks the newest for "as of". */
export type PublishedDate =
  | { readonly type: 'on'; readonly date: string }
  | { readonly type: 'on-or-after'; readonly date: string }
  | { readonly type: 'between'; readonly from: string; readonly to: string };

export interface SicNote {
  /** The misspelling as it stands in the original. */
  readonly text: string;
  /** What it means: searchable, never shown as if the source said it. */
  readonly means: string;
}

export interface SourceDocument {
  readonly id: string;
  readonly title: string;
  readonly kind: DocumentKind;
  readonly publisher: string;
  readonly author?: string | undefined;
  readonly published: PublishedDate;
  readonly url: string;
  readonly completeness: Completeness;
  readonly via?: string | undefined;
  readonly speaker?: string | undefined;
  /** Lowercased phrase → party id. */
  readonly speakers: ReadonlyMap<string, string>;
  readonly sic: readonly SicNote[];
  readonly notes?: string | undefined;
  /** The verbatim source text (empty for reference-only documents). */
  readonly text: string;
  readonly paragraphs: readonly Span[];
  /** Where it came from, for messages that point an editor at a line. */
  readonly file: string;
  /** File line of the text's first character. */
  readonly textLine: number;
}

/** Evidence for a statement in the editors' own words. */
export type Citation =
  | {
      readonly type: 'quote';
      readonly documentId: string;
      readonly start: number;
      readonly end: number;
    }
  | { readonly type: 'source'; readonly documentId: string };

export interface Fact {
  readonly text: string;
  readonly citations: readonly Citation[];
}

export interface Party {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly role: string;
  /**
   * The party this one speaks for (Brad Smith for Microsoft): words of either, given to the other,
   * are not misattributed.
   */
  readonly speaksFor?: string | undefined;
  readonly citations: readonly Citation[];
}

export interface TimelineEvent extends Fact {
  /** YYYY-MM-DD or YYYY-MM. */
  readonly date: string;
  readonly when?: string | undefined;
  readonly tags: readonly string[];
}

export interface Review {
  readonly subject: string;
  readonly announced: Fact & { readonly date: string; readonly by: string };
  readonly conductedBy: Fact & { readonly parties: readonly string[] };
  readonly scope: Fact;
  readonly promised: Fact;
  readonly status: Fact;
}

export interface Knowledge {
  readonly parties: readonly Party[];
  /** Oldest first. */
  readonly timeline: readonly TimelineEvent[];
  readonly review: Review;
  /** Groups of words or phrases that mean the same here; search treats them as near-equals. */
  readonly synonyms: readonly (readonly string[])[];
}

export interface Corpus {
  readonly documents: readonly SourceDocument[];
  readonly knowledge: Knowledge;
  /** A short hash of every corpus file: changes whenever an editor changes anything. */
  readonly fingerprint: string;
}
