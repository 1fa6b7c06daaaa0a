import { createHash } from 'node:crypto';

/**
 * Page buttons are stateless: the custom_id holds the target page and a signature of the command
 * and corpus; the command itself is in the message's footer. Any process, any shard, after any
 * restart can turn the page, and a click after the corpus changed is refused instead of showing a
 * different search's page.
 */
const PREFIX = 'page';

export interface PagerTarget {
  readonly page: number;
  readonly command: string;
  readonly fingerprint: string;
  readonly slot: 'prev' | 'next';
}

export function pagerSignature(command: string, fingerprint: string): string {
  return createHash('sha256')
    .update(fingerprint)
    .update('\0')
    .update(command)
    .digest('base64url')
    .slice(0, 16);
}

export function pagerCustomId(target: PagerTarget): string {
  return [
    PREFIX,
    target.slot,
    target.page,
    pagerSignature(target.command, target.fingerprint),
  ].join(':');
}

export interface ParsedPagerId {
  readonly page: number;
  readonly signature: string;
}

export function parsePagerCustomId(customId: string): ParsedPagerId | undefined {
  const match = /^page:(?:prev|next):(\d{1,4}):([\w-]{16})$/.exec(customId);
  if (!match) return undefined;
  return { page: Number(match[1]), signature: match[2] ?? '' };
}

/** The command in a paged message's footer: its last line is "Page N of M · <command>". */
export function commandFromFooter(footer: string | undefined): string | undefined {
  const last = footer?.split('\n').pop();
  const match = last ? /^Page \d+ of \d+ · (.+)$/s.exec(last) : null;
  return match?.[1];
}
