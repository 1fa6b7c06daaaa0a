import { ComponentType } from 'discord-api-types/v10';

/** Components nest at most this deep on Discord (container → section → text display). */
const MAX_DEPTH = 4;

/**
 * The text displays of a message's components (as the API sends them, untrusted), in the order
 * Discord shows them: what a page turn reads its command from.
 */
export function messageTexts(components: unknown, depth = 0): string[] {
  if (!Array.isArray(components) || depth > MAX_DEPTH) return [];
  return components.flatMap((component: unknown): string[] => {
    if (typeof component !== 'object' || component === null) return [];
    const { type, content, components: children } = component as Record<string, unknown>;
    if (type === ComponentType.TextDisplay) return typeof content === 'string' ? [content] : [];
    return messageTexts(children, depth + 1);
  });
}
