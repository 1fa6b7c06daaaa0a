/**
 * Discord's rules for a Components V2 message body, as plain checks over JSON: what Discord
 * would refuse with a 400. Shared by the unit tests' assertions and the fake Discord, so an
 * invalid body fails a unit test and an end-to-end test alike.
 */
export const V2_LIMITS = {
  flag: 1 << 15,
  components: 40,
  topLevel: 10,
  text: 4000,
  sectionTexts: 3,
  rowButtons: 5,
  label: 80,
  customId: 100,
  url: 512,
} as const;

const TYPE = {
  actionRow: 1,
  button: 2,
  section: 9,
  textDisplay: 10,
  thumbnail: 11,
  mediaGallery: 12,
  file: 13,
  separator: 14,
  container: 17,
} as const;
const TOP_LEVEL = new Set<number>([1, 9, 10, 12, 13, 14, 17]);
const IN_CONTAINER = new Set<number>([1, 9, 10, 12, 13, 14]);
const LINK_STYLE = 5;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every problem Discord would report for `data` (an interaction callback's or a message's body). */
export function componentsV2Problems(data: Json): string[] {
  const problems: string[] = [];
  const flags = typeof data.flags === 'number' ? data.flags : 0;
  if ((flags & V2_LIMITS.flag) === 0) problems.push('flags: IsComponentsV2 is not set');
  if (data.content !== undefined && data.content !== '')
    problems.push('content: not allowed with IsComponentsV2');
  if (Array.isArray(data.embeds) && data.embeds.length > 0)
    problems.push('embeds: not allowed with IsComponentsV2');
  const top = Array.isArray(data.components) ? data.components : [];
  if (top.length === 0) problems.push('components: a message needs at least one');
  if (top.length > V2_LIMITS.topLevel)
    problems.push(`components: ${top.length} at the top level (max ${V2_LIMITS.topLevel})`);
  let count = 0;
  let text = 0;
  const customIds = new Set<string>();

  const button = (path: string, value: unknown): void => {
    count++;
    if (!isObject(value) || value.type !== TYPE.button) {
      problems.push(`${path}: not a button`);
      return;
    }
    const label = typeof value.label === 'string' ? value.label : '';
    text += label.length;
    if (label.length > V2_LIMITS.label) problems.push(`${path}.label: over ${V2_LIMITS.label}`);
    if (value.style === LINK_STYLE) {
      const url = typeof value.url === 'string' ? value.url : '';
      if (!/^https?:\/\//u.test(url)) problems.push(`${path}.url: not an http(s) URL`);
      if (url.length > V2_LIMITS.url)
        problems.push(`${path}.url: ${url.length} > ${V2_LIMITS.url}`);
      if (value.custom_id !== undefined) problems.push(`${path}: a link button has no custom_id`);
    } else {
      const id = typeof value.custom_id === 'string' ? value.custom_id : '';
      if (id.length === 0 || id.length > V2_LIMITS.customId)
        problems.push(`${path}.custom_id: must be 1–${V2_LIMITS.customId} characters`);
      if (customIds.has(id)) problems.push(`${path}.custom_id: duplicate`);
      customIds.add(id);
    }
  };

  const textDisplay = (path: string, value: Json): void => {
    const content = typeof value.content === 'string' ? value.content : '';
    if (content.length === 0) problems.push(`${path}.content: empty`);
    text += content.length;
  };

  const component = (path: string, value: unknown, allowed: ReadonlySet<number>): void => {
    if (!isObject(value) || typeof value.type !== 'number' || !allowed.has(value.type)) {
      problems.push(`${path}: a component of this type cannot stand here`);
      count++;
      return;
    }
    const children = Array.isArray(value.components) ? value.components : [];
    switch (value.type) {
      case TYPE.container:
        count++;
        if (children.length === 0) problems.push(`${path}.components: empty container`);
        children.forEach((c, i) => component(`${path}.components.${i}`, c, IN_CONTAINER));
        break;
      case TYPE.section: {
        count++;
        if (children.length < 1 || children.length > V2_LIMITS.sectionTexts)
          problems.push(
            `${path}.components: a section has 1–${V2_LIMITS.sectionTexts} text displays`,
          );
        children.forEach((c, i) => {
          count++;
          if (!isObject(c) || c.type !== TYPE.textDisplay)
            problems.push(`${path}.components.${i}: only text displays in a section`);
          else textDisplay(`${path}.components.${i}`, c);
        });
        const accessory = value.accessory;
        if (isObject(accessory) && accessory.type === TYPE.thumbnail) count++;
        else button(`${path}.accessory`, accessory);
        break;
      }
      case TYPE.actionRow:
        count++;
        if (children.length < 1 || children.length > V2_LIMITS.rowButtons)
          problems.push(`${path}.components: an action row has 1–${V2_LIMITS.rowButtons} buttons`);
        children.forEach((c, i) => button(`${path}.components.${i}`, c));
        break;
      case TYPE.textDisplay:
        count++;
        textDisplay(path, value);
        break;
      default:
        count++;
    }
  };

  top.forEach((c, i) => component(`components.${i}`, c, TOP_LEVEL));
  if (count > V2_LIMITS.components)
    problems.push(`components: ${count} in all (max ${V2_LIMITS.components})`);
  if (text > V2_LIMITS.text)
    problems.push(`components: ${text} characters of text (max ${V2_LIMITS.text})`);
  return problems;
}

/** Every text display's content, in order (for assertions on what a reply says). */
export function textDisplays(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  return components.flatMap((c: unknown): string[] => {
    if (!isObject(c)) return [];
    if (c.type === TYPE.textDisplay && typeof c.content === 'string') return [c.content];
    return textDisplays(c.components);
  });
}

/** Every button, with where it sits (in an action row, or as a section's accessory). */
export function buttons(components: unknown): Json[] {
  if (!Array.isArray(components)) return [];
  return components.flatMap((c: unknown): Json[] => {
    if (!isObject(c)) return [];
    if (c.type === TYPE.button) return [c];
    return [...(isObject(c.accessory) ? buttons([c.accessory]) : []), ...buttons(c.components)];
  });
}

/** All a message says, as one string: its text displays, joined by blank lines. */
export function messageText(data: { components?: unknown } | undefined): string {
  return textDisplays(data?.components).join('\n\n');
}

/** The page buttons of a reply: the custom_id its Next button carries ('' without one). */
export function pageRow(data: { components?: unknown } | undefined): { next: string } {
  const next = buttons(data?.components).find(
    (b) => typeof b.custom_id === 'string' && b.custom_id.startsWith('page:next'),
  );
  return { next: typeof next?.custom_id === 'string' ? next.custom_id : '' };
}
