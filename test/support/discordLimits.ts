import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { componentsV2Problems, textDisplays } from './componentsV2.js';

/** Mentions that would render as pings if not escaped (allowed_mentions is the second line of defence). */
const UNESCAPED_MENTION = /(?<!\\)@(?:everyone|here)|(?<!\\)<@[!&]?\d+>|(?<!\\)<#\d+>/;

/** A backslash escapes only ASCII punctuation; before anything else Discord shows it. */
const VISIBLE_BACKSLASH = /(?<!\\)(?:\\\\)*\\(?![!-/:-@[-`{-~])/u;

/** Asserts that a message body is one Discord would accept and that it cannot ping anyone. */
export function expectWithinDiscordLimits(data: APIInteractionResponseCallbackData): void {
  expect(data.allowed_mentions).toEqual({ parse: [] });
  expect(componentsV2Problems(data as Record<string, unknown>)).toEqual([]);
  for (const text of textDisplays(data.components)) {
    expect(text).not.toMatch(UNESCAPED_MENTION);
    expect(text).not.toMatch(VISIBLE_BACKSLASH);
  }
}
