import type { RoutedReply } from '../bot/router.js';
import { quotesShown } from '../reply/model.js';
import { renderInteractionResponse } from '../discord/discordRenderer.js';

/**
 * The CLI's `--json` object: `{command, ok, response, passages}`, where `response` is exactly the
 * interaction response Discord would receive and `passages` the verbatim quotes shown, in order.
 */
export function jsonResult(
  line: string,
  routed: RoutedReply,
  fingerprint: string,
): Record<string, unknown> {
  const { reply } = routed;
  // A quote check adds its verdict, similarity and flags (`meaning-changed`, `misattributed`);
  // `passages[0]` is then the passage it matched or came nearest to.
  const check = reply.blocks.find((block) => block.type === 'check');
  return {
    command: line.trim(),
    ok: reply.status !== 'error',
    ...(check ? { verdict: check.verdict, similarity: check.similarity, flags: check.flags } : {}),
    response: renderInteractionResponse(reply, { fingerprint }),
    passages: quotesShown(reply).map((quote) => ({
      id: quote.id,
      documentId: quote.documentId,
      text: quote.text,
      speaker: quote.speaker,
      kind: quote.kind,
      source: {
        title: quote.source.title,
        publisher: quote.source.publisher,
        published: quote.source.published,
        url: quote.source.url,
      },
    })),
  };
}
