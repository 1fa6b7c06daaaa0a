import type {
  APIApplicationCommandOption,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import {
  CATALOGUES,
  DISCORD_LOCALES,
  LANGUAGES,
  languageOf,
  translator,
} from '../../src/i18n/i18n.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

/** Discord's rule for chat-input command and option names (and their localizations). */
const CHAT_INPUT_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const PLURAL = /_(zero|one|two|few|many|other)$/u;

/** A catalogue's messages by base key, each with the plural forms it has. */
function messages(language: keyof typeof CATALOGUES): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of Object.keys(CATALOGUES[language])) {
    const base = key.replace(PLURAL, '');
    const forms = out.get(base) ?? new Set<string>();
    forms.add(PLURAL.exec(key)?.[1] ?? '');
    out.set(base, forms);
  }
  return out;
}

function placeholders(text: string): string[] {
  // "{{speaker, possessive}}": a value with a format is still that value.
  return [...text.matchAll(/\{\{(\w+)(?:,[^}]*)?\}\}/gu)].map((m) => m[1] ?? '').sort();
}

describe('the catalogues', () => {
  it('GIVEN every language THEN it has every message of English, and no other', () => {
    const english = messages('en');
    for (const language of LANGUAGES) {
      expect([...messages(language).keys()].sort(), language).toEqual([...english.keys()].sort());
    }
  });

  it('GIVEN a plural message THEN each language has every plural form its grammar uses', () => {
    const english = messages('en');
    for (const language of LANGUAGES) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [base, forms] of messages(language)) {
        if (!english.get(base)?.has('other')) continue;
        for (const category of categories) expect(forms, `${language} ${base}`).toContain(category);
      }
    }
  });

  it('GIVEN a translated message THEN it fills in the same values as the English one', () => {
    const english = CATALOGUES.en as Record<string, string>;
    for (const language of LANGUAGES) {
      const catalogue = CATALOGUES[language] as Record<string, string>;
      for (const [key, text] of Object.entries(catalogue)) {
        const base = key.replace(PLURAL, '');
        const model = english[key] ?? english[`${base}_other`] ?? '';
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(model));
      }
    }
  });

  it('reads Discord’s locale codes: es-ES and es-419 are Spanish, others English', () => {
    expect(Object.keys(DISCORD_LOCALES).sort()).toEqual(['de', 'es-419', 'es-ES', 'fr', 'tr']);
    expect(languageOf('es-419')).toBe('es');
    expect(languageOf('es-ES')).toBe('es');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('pt-BR')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
    expect(translator('ja')('button.next')).toBe('Next ▶');
    expect(translator('de')('error.slowDown', { count: 1 })).toMatch(/1 Sekunde /u);
    expect(translator('de')('error.slowDown', { count: 3 })).toMatch(/3 Sekunden /u);
  });
});

function* walk(
  options: readonly APIApplicationCommandOption[] | undefined,
): Generator<APIApplicationCommandOption> {
  for (const option of options ?? []) {
    yield option;
    if ('options' in option) yield* walk(option.options);
  }
}

describe('the commands, as Discord shows them in every language', () => {
  const named = (
    definition: RESTPostAPIApplicationCommandsJSONBody,
  ): { name: string; localizations: Record<string, string | null> }[] => {
    const all = [definition, ...walk('options' in definition ? definition.options : undefined)];
    return all.map((item) => ({
      name: item.name,
      localizations: item.name_localizations ?? {},
    }));
  };

  it('GIVEN every command and option THEN its names are lowercase, ≤ 32 characters, without spaces, in every locale', () => {
    for (const definition of router.definitions) {
      const chatInput = definition.type === undefined || (definition.type as number) === 1;
      for (const { name, localizations } of named(definition)) {
        expect(Object.keys(localizations).sort(), name).toEqual(
          Object.keys(DISCORD_LOCALES).sort(),
        );
        for (const localized of [name, ...Object.values(localizations)]) {
          expect(localized, name).toBeTypeOf('string');
          if (chatInput) {
            expect(localized, name).toMatch(CHAT_INPUT_NAME);
            expect(localized, name).toBe(localized!.toLocaleLowerCase());
          } else {
            expect(localized!.length, name).toBeLessThanOrEqual(32);
          }
        }
      }
    }
  });

  it('GIVEN every command and option THEN its descriptions are 1–100 characters in every locale', () => {
    for (const definition of router.definitions) {
      const all = [definition, ...walk('options' in definition ? definition.options : undefined)];
      for (const item of all) {
        if (!('description' in item) || item.description === '') continue;
        const texts = [item.description, ...Object.values(item.description_localizations ?? {})];
        expect(texts).toHaveLength(1 + Object.keys(DISCORD_LOCALES).length);
        for (const text of texts) {
          expect(text?.length, `${item.name}: ${text}`).toBeGreaterThan(0);
          expect(text?.length, `${item.name}: ${text}`).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it('GIVEN a localized command name THEN no two options of one command share it', () => {
    for (const definition of router.definitions) {
      for (const locale of Object.keys(DISCORD_LOCALES)) {
        const siblings = (options: readonly APIApplicationCommandOption[] | undefined): void => {
          const names = (options ?? []).map(
            (o) => o.name_localizations?.[locale as 'de'] ?? o.name,
          );
          expect(new Set(names).size, `${definition.name} ${locale}`).toBe(names.length);
          for (const o of options ?? []) if ('options' in o) siblings(o.options);
        };
        siblings('options' in definition ? definition.options : undefined);
      }
    }
  });

  it('GIVEN a localized message naming a command THEN it names it as that language’s users see it', () => {
    const paths = new Set<string>();
    for (const definition of router.definitions) {
      for (const locale of Object.keys(DISCORD_LOCALES)) {
        const top = definition.name_localizations?.[locale as 'de'] ?? definition.name;
        paths.add(`/${top}`);
        for (const sub of 'options' in definition ? (definition.options ?? []) : []) {
          paths.add(`/${top} ${sub.name_localizations?.[locale as 'de'] ?? sub.name}`);
        }
      }
    }
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const own = new Set<string>();
      for (const definition of router.definitions) {
        const locale = Object.entries(DISCORD_LOCALES).find(([, l]) => l === language)![0] as 'de';
        const top = definition.name_localizations?.[locale] ?? definition.name;
        own.add(`/${top}`);
        for (const sub of 'options' in definition ? (definition.options ?? []) : []) {
          own.add(`/${top} ${sub.name_localizations?.[locale] ?? sub.name}`);
        }
      }
      for (const [key, text] of Object.entries(CATALOGUES[language])) {
        // The console's own /next and /prev, and the example @mention, are not Discord commands.
        for (const match of text.matchAll(/\/([\p{L}-]+)(?: ([\p{L}-]+))?/gu)) {
          if (['/next', '/prev'].includes(match[0]) || key.startsWith('terminal.')) continue;
          const command = `/${match[1]}`;
          expect(
            own.has(command) || own.has(`/${match[1]} ${match[2] ?? ''}`),
            `${language} ${key}: ${match[0]}`,
          ).toBe(true);
          expect(paths.has(command), `${language} ${key}: ${command}`).toBe(true);
        }
      }
    }
  });
});
