import {
  ButtonStyle,
  ComponentType,
  SeparatorSpacingSize,
  type APIButtonComponentWithURL,
  type APIComponentInContainer,
  type APIContainerComponent,
  type APISectionComponent,
  type APITextDisplayComponent,
} from 'discord-api-types/v10';
import { DISCORD_LIMITS } from './limits.js';

/**
 * A reply laid out as pieces of Markdown, and those pieces fitted into one Components V2
 * container within Discord's component budget: the richest layout that fits, else a plainer one.
 */
export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  /** Text beside a link button (a passage and its "Source ↗"); `plain` is how it reads without one. */
  | {
      readonly kind: 'section';
      readonly texts: readonly string[];
      readonly button: { readonly label: string; readonly url: string };
      readonly plain: string;
    }
  | { readonly kind: 'separator' };

/**
 * Layouts, richest first: separators between blocks and sections of two text displays; no
 * separators; one text display per section; then sections shown as text with an inline link,
 * from the last up. Adjacent texts always share one text display.
 */
function arrange(pieces: readonly Piece[], level: number): APIComponentInContainer[] {
  const sections = pieces.filter((p) => p.kind === 'section').length;
  const demoteFrom = level < 3 ? sections : sections - (level - 2);
  const out: APIComponentInContainer[] = [];
  let text: string[] = [];
  const flush = (): void => {
    const content = text.join('\n').trim();
    if (content) out.push(textDisplay(content));
    text = [];
  };
  let sectionIndex = 0;
  for (const piece of pieces) {
    if (piece.kind === 'text') text.push(piece.text);
    else if (piece.kind === 'separator') {
      if (level === 0) {
        flush();
        if (out.length > 0) out.push(separator());
      } else text.push('');
    } else if (sectionIndex++ >= demoteFrom) text.push(piece.plain);
    else {
      flush();
      out.push(section(level === 0 || level === 1 ? piece.texts : [piece.texts.join('\n')], piece));
    }
  }
  flush();
  // Never a separator last, nor an empty container.
  while (out.at(-1)?.type === ComponentType.Separator) out.pop();
  return out.length > 0 ? out : [textDisplay('…')];
}

/** Levels `arrange` knows for these pieces: 0–2, then one more per section demoted. */
function levels(pieces: readonly Piece[]): number {
  return 3 + pieces.filter((p) => p.kind === 'section').length;
}

export function textDisplay(content: string): APITextDisplayComponent {
  return { type: ComponentType.TextDisplay, content };
}

function separator(): APIComponentInContainer {
  return { type: ComponentType.Separator, divider: true, spacing: SeparatorSpacingSize.Small };
}

function section(
  texts: readonly string[],
  piece: Extract<Piece, { kind: 'section' }>,
): APISectionComponent {
  const button: APIButtonComponentWithURL = {
    type: ComponentType.Button,
    style: ButtonStyle.Link,
    label: piece.button.label,
    url: piece.button.url,
  };
  return {
    type: ComponentType.Section,
    components: texts
      .filter((t) => t.trim())
      .slice(0, DISCORD_LIMITS.sectionTexts)
      .map(textDisplay),
    accessory: button,
  };
}

/** Components in a tree, nested ones included (Discord's 40). */
export function countComponents(components: readonly object[]): number {
  let n = 0;
  for (const component of components) {
    n += 1;
    if ('components' in component && Array.isArray(component.components))
      n += countComponents(component.components as object[]);
    if ('accessory' in component && component.accessory) n += 1;
  }
  return n;
}

/** Characters of text in a tree: text displays and button labels (Discord's 4,000). */
export function textLength(components: readonly object[]): number {
  let n = 0;
  for (const component of components) {
    if ('content' in component && typeof component.content === 'string')
      n += component.content.length;
    if ('label' in component && typeof component.label === 'string') n += component.label.length;
    if ('components' in component && Array.isArray(component.components))
      n += textLength(component.components as object[]);
    if ('accessory' in component && component.accessory && typeof component.accessory === 'object')
      n += textLength([component.accessory]);
  }
  return n;
}

/**
 * The container for `pieces`, in the richest layout whose components fit in `room` (the
 * message's budget less what sits outside the container), or undefined if its text is longer
 * than `maxText` in that layout.
 */
export function fitContainer(
  pieces: readonly Piece[],
  accentColor: number,
  room: number,
  maxText: number,
): APIContainerComponent | undefined {
  for (let level = 0; level < levels(pieces); level++) {
    const children = arrange(pieces, level);
    // The container itself is one component.
    if (countComponents(children) + 1 > room) continue;
    if (textLength(children) > maxText) return undefined;
    return { type: ComponentType.Container, accent_color: accentColor, components: children };
  }
  return undefined;
}
