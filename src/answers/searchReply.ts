import type { Story } from '../story/story.js';
import type { QuoteBlock, Reply } from '../reply/model.js';
import type { SearchOptions } from '../search/options.js';
import { hasFilters } from '../search/filters.js';
import type { SearchResult } from '../search/searchEngine.js';
import { MAX_PASSAGES, paginate, PASSAGES_PER_PAGE } from './paging.js';
import { passageView } from './views.js';

/** Echoes of user input are cut to this many characters: enough to recognise, never a wall. */
const ECHO_LIMIT = 120;

export function echo(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > ECHO_LIMIT ? `${oneLine.slice(0, ECHO_LIMIT - 1)}…` : oneLine;
}

/** The user's words in quotation marks, unless they quoted them already. */
export function quoted(text: string): string {
  const shown = echo(text);
  return /^["“«].*["”»]$/su.test(shown) ? shown : `“${shown}”`;
}

export interface SearchRequest {
  readonly title: string;
  readonly query: string;
  readonly page: number;
  readonly ephemeral: boolean;
  readonly filters: Pick<SearchOptions, 'documentId' | 'speakerId'>;
  /** How the filters read in a sentence, e.g. " by Microsoft". */
  readonly filterLabel: string;
}

/** A search as a reply: best passages first, paged, or a helpful message when nothing matched. */
export function searchReply(story: Story, request: SearchRequest): Reply {
  const result = story.search.search(request.query, { limit: MAX_PASSAGES, ...request.filters });
  if (result.hits.length === 0) return emptyReply(story, request, result);
  const shown = paginate(result.hits, request.page, PASSAGES_PER_PAGE);
  const blocks: QuoteBlock[] = shown.items.map((hit) => ({
    type: 'quote',
    quote: passageView(story, hit.passage, hit.highlights),
  }));
  const count = Math.min(result.total, MAX_PASSAGES);
  const lead = result.phraseMissing
    ? `No passage has the exact words ${quoted(request.query)}${request.filterLabel}; the nearest:`
    : `${count}${result.total > MAX_PASSAGES ? '+' : ''} passage${count === 1 ? '' : 's'} for ${quoted(request.query)}${request.filterLabel}, best first.`;
  const corrected = result.plan.corrections.map((c) => `${c.typed} → ${c.meant}`).join(', ');
  return {
    status: 'ok',
    title: request.title,
    intro: corrected ? `${lead} (Read as: ${corrected}.)` : lead,
    blocks,
    ephemeral: request.ephemeral,
    pager: shown.pageCount > 1 ? { page: shown.page, pageCount: shown.pageCount } : undefined,
  };
}

/** A few names users can search for, from the editors' knowledge. */
function exampleNames(story: Story): string {
  return story.corpus.knowledge.parties
    .slice(0, 3)
    .map((party) => `“${party.name}”`)
    .join(', ');
}

function emptyReply(story: Story, request: SearchRequest, result: SearchResult): Reply {
  const lines: string[] = [];
  if (result.plan.empty) {
    lines.push(
      `${quoted(request.query)} has no words to search for: try names or words from the story, e.g. ${exampleNames(story)}.`,
    );
  } else {
    lines.push(`Nothing in the sources matches ${quoted(request.query)}${request.filterLabel}.`);
    if (result.plan.unknownWords.length > 0) {
      lines.push(`No source uses: ${result.plan.unknownWords.map(echo).join(', ')}.`);
    }
    if (hasFilters(request.filters) && story.search.search(request.query, { limit: 1 }).total > 0) {
      lines.push('Some passages match without the source or speaker filter: try again without it.');
    }
    lines.push(
      `Try fewer or other words, a name (${exampleNames(story)}), or see /story sources and /story timeline.`,
    );
  }
  return {
    status: 'empty',
    title: request.title,
    intro: lines.join('\n'),
    blocks: [],
    ephemeral: true,
  };
}
