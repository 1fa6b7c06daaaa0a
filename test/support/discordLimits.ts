import type { APIEmbed, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { embedLength } from '../../src/discord/discordRenderer.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';

/** Mentions that would render as pings if not escaped (allowed_mentions is the second line of defence). */
const UNESCAPED_MENTION = /(?<!\\)@(?:everyone|here)|(?<!\\)<@[!&]?\d+>|(?<!\\)<#\d+>/;

function checkEmbed(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
  // Discord refuses a description that is there but empty (1–4096 characters).
  if (embed.description !== undefined) expect(embed.description.length).toBeGreaterThan(0);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeGreaterThan(0);
    expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
    expect(field.value.length).toBeGreaterThan(0);
    expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
  }
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footerText);
  // Never an empty embed: something to read.
  expect((embed.description?.length ?? 0) + (embed.fields?.length ?? 0)).toBeGreaterThan(0);
  for (const text of [
    embed.title,
    embed.description,
    ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
  ]) {
    expect(text ?? '').not.toMatch(UNESCAPED_MENTION);
  }
}

/** Asserts that a message body is one Discord would accept and that it cannot ping anyone. */
export function expectWithinDiscordLimits(data: APIInteractionResponseCallbackData): void {
  expect(data.allowed_mentions).toEqual({ parse: [] });
  expect(data.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  const embeds = data.embeds ?? [];
  expect(embeds.length).toBeGreaterThan(0);
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  embeds.forEach(checkEmbed);
  expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(
    DISCORD_LIMITS.embedTotal,
  );
  const rows = data.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(DISCORD_LIMITS.actionRows);
  for (const row of rows) {
    const components = 'components' in row ? row.components : [];
    expect(components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const component of components) {
      if ('custom_id' in component)
        expect(component.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    }
  }
}
