/** Paging of answers that list more than fits one message. */

export const PASSAGES_PER_PAGE = 3;
/** A search shows at most this many passages in all (5 pages): past that, refine the search. */
export const MAX_PASSAGES = 15;

export interface Page<T> {
  readonly items: readonly T[];
  /** 1-based, clamped to the pages that exist. */
  readonly page: number;
  readonly pageCount: number;
}

export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  return {
    items: items.slice((current - 1) * perPage, current * perPage),
    page: current,
    pageCount,
  };
}
