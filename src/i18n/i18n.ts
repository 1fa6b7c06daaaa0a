import i18next, { type TFunction } from 'i18next';
import type { PublishedDate } from '../corpus/corpusTypes.js';
import de from './locales/de.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import tr from './locales/tr.json' with { type: 'json' };

/**
 * The bot's own words in the user's Discord language (quotes are never translated: they are the
 * sources' English words). One i18next instance over the JSON catalogues in `locales/`, loaded
 * synchronously at import, so every answer stays a pure function.
 */

/** English, the catalogue every other one is checked against (keys and plurals). */
export const CATALOGUES = { en, de, fr, es, tr } as const;
export type Language = keyof typeof CATALOGUES;
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];

/** A message in `en.json`; plural keys are named without their `_one`/`_other` suffix. */
export type MessageKey = keyof typeof en extends infer K
  ? K extends `${infer Base}_${'one' | 'other'}`
    ? Base
    : K
  : never;

export type MessageValues = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Discord's locale codes that have a catalogue (`es-ES` and `es-419` share Spanish). */
export const DISCORD_LOCALES = {
  de: 'de',
  fr: 'fr',
  'es-ES': 'es',
  'es-419': 'es',
  tr: 'tr',
} as const satisfies Record<string, Language>;
export type DiscordLocale = keyof typeof DISCORD_LOCALES;

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(
    Object.entries(CATALOGUES).map(([language, messages]) => [language, { translation: messages }]),
  ),
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // Keys are flat ("reply.source"), and values are plain text: renderers escape what they show.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
});
// English possessives ("Microsoft's", "Israel Defense Forces'"): "{{speaker, possessive}}".
instance.services.formatter?.add('possessive', (value: unknown) => {
  const name = String(value).replace(/\s*\([^)]*\)$/, '');
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
});

/** The catalogue for a Discord locale (`de`, `es-419`, `en-US`…): its language, else English. */
export function languageOf(locale: string | undefined): Language {
  if (locale === undefined) return 'en';
  if (Object.hasOwn(DISCORD_LOCALES, locale)) return DISCORD_LOCALES[locale as DiscordLocale];
  const base = locale.split('-')[0]?.toLowerCase() ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/** Whether `text` names a message of the catalogue (schemas give keys as their messages). */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(en, text) || Object.hasOwn(en, `${text}_one`);
}

const translators = new Map<Language, Translate>();

/** `t(key, values)` in the language of `locale` (English for a locale without a catalogue). */
export function translator(locale: string | undefined): Translate {
  const language = languageOf(locale);
  let t = translators.get(language);
  if (!t) {
    const fixed: TFunction = instance.getFixedT(language);
    t = (key, values) => fixed(key, values ?? {});
    translators.set(language, t);
  }
  return t;
}

/** `name_localizations`/`description_localizations` for a message: every Discord locale we speak. */
export function discordLocalizations(key: MessageKey): Record<DiscordLocale, string> {
  return Object.fromEntries(
    Object.keys(DISCORD_LOCALES).map((locale) => [locale, translator(locale)(key)]),
  ) as Record<DiscordLocale, string>;
}

/** "2025-08-15" → "August 15, 2025", "15. August 2025", "15 Ağustos 2025"; "2023-10" → a month. */
export function formatDay(date: string, locale: string | undefined): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined) return date;
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
    year: 'numeric',
    month: 'long',
    ...(day === undefined ? {} : { day: 'numeric' }),
    timeZone: 'UTC',
  });
  return format.format(new Date(Date.UTC(year, month - 1, day ?? 1)));
}

/** A source's publication date as people say it, in the user's language. */
export function formatPublishedIn(published: PublishedDate, locale: string | undefined): string {
  const t = translator(locale);
  switch (published.type) {
    case 'on':
      return formatDay(published.date, locale);
    case 'on-or-after':
      return t('date.onOrAfter', { date: formatDay(published.date, locale) });
    case 'between':
      return t('date.between', {
        from: formatDay(published.from, locale),
        to: formatDay(published.to, locale),
      });
  }
}

/** The locale Intl formats dates in: Discord's own code when it has a catalogue (es-419's months). */
function intlLocale(locale: string | undefined): string {
  const language = languageOf(locale);
  if (language === 'en') return 'en-US';
  return locale !== undefined && Object.hasOwn(DISCORD_LOCALES, locale) ? locale : language;
}
