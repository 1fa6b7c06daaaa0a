import type { Story } from '../story/story.js';
import type { QuoteBlock, Reply } from '../reply/model.js';
import type { SearchOptions } from '../search/options.js';
import { hasFilters } from '../search/filters.js';
import type { SearchResult } from '../search/searchEngine.js';
import { MAX_PASSAGES, paginate, PASSAGES_PER_PAGE } from './paging.js';
import { passageView } from './views.js';
import { translator, type Translate } from '../i18n/i18n.js';

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
  readonly locale?: string | undefined;
}

/** A search as a reply: best passages first, paged, or a helpful message when nothing matched. */
export function searchReply(story: Story, request: SearchRequest): Reply {
  const t = translator(request.locale);
  const result = story.search.search(request.query, { limit: MAX_PASSAGES, ...request.filters });
  if (result.hits.length === 0) return emptyReply(story, request, result, t);
  const shown = paginate(result.hits, request.page, PASSAGES_PER_PAGE);
  const blocks: QuoteBlock[] = shown.items.map((hit) => ({
    type: 'quote',
    quote: passageView(story, hit.passage, hit.highlights),
  }));
  const count = Math.min(result.total, MAX_PASSAGES);
  const what = { query: quoted(request.query), filters: request.filterLabel };
  const lead = result.phraseMissing
    ? t('search.noPhrase', what)
    : t(result.total > MAX_PASSAGES ? 'search.countMore' : 'search.count', { ...what, count });
  const corrected = result.plan.corrections.map((c) => `${c.typed} → ${c.meant}`).join(', ');
  return {
    status: 'ok',
    title: request.title,
    intro: corrected ? `${lead} ${t('search.readAs', { corrected })}` : lead,
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

function emptyReply(
  story: Story,
  request: SearchRequest,
  result: SearchResult,
  t: Translate,
): Reply {
  const lines: string[] = [];
  const names = exampleNames(story);
  if (result.plan.empty) {
    lines.push(t('search.noWords', { query: quoted(request.query), names }));
  } else {
    lines.push(t('search.nothing', { query: quoted(request.query), filters: request.filterLabel }));
    if (result.plan.unknownWords.length > 0) {
      lines.push(
        t('search.unknownWords', { words: result.plan.unknownWords.map(echo).join(', ') }),
      );
    }
    if (hasFilters(request.filters) && story.search.search(request.query, { limit: 1 }).total > 0) {
      lines.push(t('search.withoutFilters'));
    }
    lines.push(t('search.try', { names }));
  }
  return {
    status: 'empty',
    title: request.title,
    intro: lines.join('\n'),
    blocks: [],
    ephemeral: true,
  };
}
