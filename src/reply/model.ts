import type { Verdict } from '../check/checker.js';
import type { CheckFlag } from '../check/checkMessage.js';
import type { Difference } from '../check/differences.js';
import type { MeaningChangeKind } from '../check/meaningChanges.js';
import type { PublishedDate } from '../corpus/corpusTypes.js';
import type { PassageKind } from '../passages/passageTypes.js';
import type { Span } from '../text/sentences.js';

/**
 * The transport-neutral reply: what an answer says, as data. Renderers turn it into a Discord
 * interaction response or terminal text; neither adds or changes words of a source.
 */

export interface SourceView {
  readonly documentId: string;
  readonly title: string;
  readonly publisher: string;
  readonly author?: string | undefined;
  /** As people say it in English: "August 15, 2025", "on or after August 15, 2025". */
  readonly published: string;
  /** The same as data, for renderers that say it in the user's language. */
  readonly date: PublishedDate;
  readonly url: string;
}

/** A verbatim slice of a source, with whose words it is and where it stands. */
export interface QuoteView {
  /** The passage id, or `<document>@<start>-<end>` for a span that is not one passage. */
  readonly id: string;
  readonly documentId: string;
  /** Verbatim: `document.text.slice(start, end)`. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Offsets into `text` to show in bold (matched words). */
  readonly highlights: readonly Span[];
  readonly speaker: string;
  readonly kind: PassageKind;
  readonly source: SourceView;
  /** Other documents that print the same words (an article quoting a statement). */
  readonly quotedIn: readonly SourceView[];
  /** A sentence that only links elsewhere ("click HERE"): the document it points to. */
  readonly linksTo?: SourceView | undefined;
  /**
   * Where these words can be read, opened at them: the page the text was taken from (for
   * excerpts, the document they were read in) with a text fragment of the words themselves.
   */
  readonly link: string;
}

export type CitationView =
  | { readonly type: 'quote'; readonly quote: QuoteView }
  | { readonly type: 'source'; readonly source: SourceView };

/** A statement in the editors' own words, always with what backs it. */
export interface FactBlock {
  readonly type: 'fact';
  /** The editors' entry it states (`party:…`, `timeline:…`, `review:…`, `source:…`), when one. */
  readonly id?: string | undefined;
  readonly label: string;
  readonly text: string;
  readonly citations: readonly CitationView[];
}

export interface QuoteBlock {
  readonly type: 'quote';
  readonly quote: QuoteView;
}

/** A source listed for its own sake (`/story sources`). */
export interface SourceBlock {
  readonly type: 'source';
  readonly source: SourceView;
  readonly kind: string;
  readonly completeness: string;
  readonly notes?: string | undefined;
}

/** A few words of a source, verbatim: `text === document.text.slice(start, end)`. */
export interface SourceExcerpt {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Offsets into `text` to show in bold. */
  readonly highlights: readonly Span[];
  /** Words of the sentence left out before or after (shown as …). */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
}

/** A difference that changes what the quotation means, said before anything else. */
export interface MeaningChangeView {
  readonly kind: MeaningChangeKind;
  /** What the message does: has other words than the source's, adds words, or leaves the source's out. */
  readonly change: 'has' | 'adds' | 'leaves-out';
  /** The message's words in question, or the source's it leaves out (user text when the message's). */
  readonly words: string;
  /** The source around it, the source's words in question in bold. */
  readonly source: SourceExcerpt;
}

/** The message gives the words to a party whose they are not. */
export interface MisattributionView {
  /** The party the message names. */
  readonly named: string;
  /** Whose words they are, and how the source has them. */
  readonly speaker: string;
  readonly kind: PassageKind;
  /** For a reported claim: who reports it. */
  readonly reportedBy?: string | undefined;
}

/** A quotation from a chat message checked against the sources. */
export interface CheckBlock {
  readonly type: 'check';
  /** The quotation as the message has it (user text: escape before showing). */
  readonly quoted: string;
  readonly verdict: Verdict;
  readonly similarity: number;
  /** What the reply leads with, and scripts read: `meaning-changed`, `misattributed`. */
  readonly flags: readonly CheckFlag[];
  readonly meaningChanges: readonly MeaningChangeView[];
  readonly misattribution?: MisattributionView | undefined;
  /** Word-level differences, message vs source (empty when verbatim). */
  readonly differences: readonly Difference[];
  /** Where it stands (verbatim), the nearest match (close), or a related passage (not found). */
  readonly source?: QuoteView | undefined;
}

/** The heading of one part of a several-part question; the blocks after it answer that part. */
export interface PartBlock {
  readonly type: 'part';
  /** The part as the user typed it (user text: escape before showing). */
  readonly question: string;
}

/** The bot's own words between blocks: "The sources do not cover this …". */
export interface NoteBlock {
  readonly type: 'note';
  readonly text: string;
  /** Says the sources do not cover what was asked (an abstention, for scripts and evaluation). */
  readonly notCovered?: boolean | undefined;
}

export type Block = FactBlock | QuoteBlock | SourceBlock | CheckBlock | PartBlock | NoteBlock;

export type ReplyStatus =
  /** An answer. */
  | 'ok'
  /** Understood, but nothing matched: the reply says what was searched and what to try. */
  | 'empty'
  /** The request could not be run (bad option, unknown passage id…). */
  | 'error';

/** An option's value, as a command receives it. */
export type OptionValue = string | number | boolean;

/**
 * The command a paged reply answers, as data: a page turn runs it again, unchanged, for another
 * page. Answers never fill it in; the router stamps it on the reply it routed.
 */
export interface PagedCommand {
  readonly name: string;
  readonly subcommand?: string | undefined;
  readonly options: Readonly<Record<string, OptionValue>>;
}

export interface Pager {
  /** 1-based. */
  readonly page: number;
  readonly pageCount: number;
  /** What a page turn re-runs; absent when the command cannot be run again from data alone. */
  readonly invocation?: PagedCommand | undefined;
}

export interface Reply {
  readonly status: ReplyStatus;
  readonly title: string;
  /** The bot's own words above the blocks (no source text). */
  readonly intro?: string | undefined;
  readonly blocks: readonly Block[];
  /** The bot's own words below the blocks, e.g. "As of September 25, 2025 (newest source)". */
  readonly footer?: string | undefined;
  /** Only the person who asked sees it. */
  readonly ephemeral: boolean;
  readonly pager?: Pager | undefined;
  /**
   * A reply that did not answer (see `isMiss`) carries what was asked, as data, so "Report a miss"
   * can record it; the router stamps it, as it stamps the pager's command.
   */
  readonly asked?: PagedCommand | undefined;
  /** The asker's Discord locale (`de`, `es-419`…): the language of the bot's own words. */
  readonly locale?: string | undefined;
}

/** Every verbatim quote a reply shows, in order (the `passages` of the CLI's JSON). */
export function quotesShown(reply: Reply): QuoteView[] {
  return reply.blocks.flatMap((block) => {
    if (block.type === 'quote') return [block.quote];
    if (block.type === 'check') return block.source ? [block.source] : [];
    if (block.type === 'fact') {
      return block.citations.flatMap((c) => (c.type === 'quote' ? [c.quote] : []));
    }
    return [];
  });
}
