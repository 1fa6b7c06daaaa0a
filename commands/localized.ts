import type { LocalizationMap } from 'discord-api-types/v10';
import { discordLocalizations, translator, type MessageKey } from '../src/i18n/i18n.js';

type Before<K, Suffix extends string> = K extends `${infer Base}.${Suffix}` ? Base : never;
/** A command or option in the catalogue: `<key>.name` and `<key>.description`. */
export type CommandKey = Extract<Before<MessageKey, 'name'>, Before<MessageKey, 'description'>>;

interface Named {
  setName(name: string): unknown;
  setDescription(description: string): unknown;
  setNameLocalizations(localizations: LocalizationMap | null): unknown;
  setDescriptionLocalizations(localizations: LocalizationMap | null): unknown;
}

const english = translator('en');

/**
 * Names and describes a command, subcommand or option from the catalogue: English as Discord's
 * default, every other language we speak as its localization (what Discord shows each user).
 */
export function localized<T extends Named>(builder: T, key: CommandKey): T {
  builder.setName(english(`${key}.name`));
  builder.setDescription(english(`${key}.description`));
  builder.setNameLocalizations(discordLocalizations(`${key}.name`));
  builder.setDescriptionLocalizations(discordLocalizations(`${key}.description`));
  return builder;
}
