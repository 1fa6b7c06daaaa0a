import type { Passage } from '../passages/passageTypes.js';

/** The source and speaker filters of `/quote` (and of the benchmark's peers). */
export interface PassageFilters {
  /** Only passages from this document (its own text or where it quotes a statement). */
  readonly documentId?: string | undefined;
  /** Only passages whose speaker is this party. */
  readonly speakerId?: string | undefined;
}

export function hasFilters(filters: PassageFilters | undefined): filters is PassageFilters {
  return filters?.documentId !== undefined || filters?.speakerId !== undefined;
}

/** Whether the passage passes the filters. */
export function passesFilters(
  passage: Pick<Passage, 'documentId' | 'speakerId' | 'quotedIn'>,
  filters: PassageFilters,
): boolean {
  return (
    (filters.speakerId === undefined || passage.speakerId === filters.speakerId) &&
    (filters.documentId === undefined ||
      passage.documentId === filters.documentId ||
      passage.quotedIn.some((q) => q.documentId === filters.documentId))
  );
}
