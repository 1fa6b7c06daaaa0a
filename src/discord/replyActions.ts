import { createHash } from 'node:crypto';
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIButtonComponent,
  type APIInteractionResponseCallbackData,
  type APIMessageTopLevelComponent,
} from 'discord-api-types/v10';
import type { Translate } from '../i18n/i18n.js';
import { DISCORD_LIMITS } from './limits.js';
import { escapeInline } from './markdown.js';

/**
 * "Post in channel" and "Report a miss": stateless buttons like the page buttons, so any replica
 * answers them after any restart. The message carries everything: a private reply is posted again
 * as it stands (its own components, copied), and a miss names what was asked on its last line.
 * The custom_id only signs it — `share:<hash of the corpus and the message's texts>`,
 * `miss:<page signature of the command>` — so an answer from before the corpus changed is refused.
 */

const ACTION_ID = /^(share|miss):([\w-]{16})$/;
/** Room kept in every private reply for the line a shared copy adds ("-# Shared by <name>"). */
export const SHARED_LINE_RESERVE = 120;
/** Discord's display names and usernames are at most 32 characters. */
const NAME_CHARS = 32;

export type ReplyAction = { readonly kind: 'share' | 'miss'; readonly signature: string };

export function parseActionId(customId: string): ReplyAction | undefined {
  const match = ACTION_ID.exec(customId);
  if (!match) return undefined;
  return { kind: match[1] as ReplyAction['kind'], signature: match[2] ?? '' };
}

/** Signs a message's text displays (in order) with the corpus it was answered from. */
export function shareSignature(texts: readonly string[], fingerprint: string): string {
  const hash = createHash('sha256').update(fingerprint);
  for (const text of texts) hash.update('\0').update(text);
  return hash.digest('base64url').slice(0, 16);
}

export function actionButton(
  kind: ReplyAction['kind'],
  signature: string,
  t: Translate,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: t(kind === 'share' ? 'button.share' : 'button.reportMiss').slice(
      0,
      DISCORD_LIMITS.buttonLabel,
    ),
    custom_id: `${kind}:${signature}`,
  };
}

function isActionButton(component: unknown): boolean {
  const id = (component as { custom_id?: unknown }).custom_id;
  return typeof id === 'string' && ACTION_ID.test(id);
}

/**
 * The public copy of a private reply: its components without the share and report buttons (an
 * emptied row dropped), then the small print "Shared by <name>" — a name, never a mention.
 */
export function sharedCopy(
  components: readonly unknown[],
  sharedBy: string,
  t: Translate,
): APIInteractionResponseCallbackData {
  const kept = components.flatMap((component): unknown[] => {
    const c = component as { type?: unknown; components?: unknown };
    if (c.type !== ComponentType.ActionRow || !Array.isArray(c.components)) return [component];
    const buttons = c.components.filter((b) => !isActionButton(b));
    return buttons.length > 0 ? [{ ...c, components: buttons }] : [];
  });
  const name = sharedBy.replace(/\s+/g, ' ').trim().slice(0, NAME_CHARS);
  return {
    components: [
      ...(kept as APIMessageTopLevelComponent[]),
      { type: ComponentType.TextDisplay, content: `-# ${escapeInline(t('share.by', { name }))}` },
    ],
    allowed_mentions: { parse: [] },
    flags: MessageFlags.IsComponentsV2,
  };
}
