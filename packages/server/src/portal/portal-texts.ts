import { LANGUAGES, type Language } from '@veche/domain';
import { bg } from './locales/bg.js';
import { en } from './locales/en.js';
import { pl } from './locales/pl.js';
import { srCyrl } from './locales/sr-Cyrl.js';
import { srLatn } from './locales/sr-Latn.js';

/*
 * The portal's words in the five languages of the app. Each language has its own file under
 * `locales/` with the same keys as English (the compiler checks the keys, `portal-texts.test.ts`
 * the placeholders and the scripts). Texts the web app also shows (statuses, forms of a sitting,
 * a vote's result and its arithmetic) are worded as the web app words them.
 */

export type PortalKey = keyof typeof en;
export type PortalCatalogue = Readonly<Record<PortalKey, string>>;

export const PORTAL_CATALOGUES: Readonly<Record<Language, PortalCatalogue>> = {
  pl,
  bg,
  'sr-Cyrl': srCyrl,
  'sr-Latn': srLatn,
  en,
};

/** Each language named in itself, for the language switcher. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  pl: 'Polski',
  bg: 'Български',
  'sr-Cyrl': 'Српски (ћирилица)',
  'sr-Latn': 'Srpski (latinica)',
  en: 'English',
};

export type Translate = (
  key: PortalKey,
  params?: Readonly<Record<string, string | number>>,
) => string;

/** `t('result.voted', { voted: 3, entitled: 15 })`: the text with its placeholders filled. */
export function translator(language: Language): Translate {
  const catalogue = PORTAL_CATALOGUES[language];
  const numbers = new Intl.NumberFormat(language);
  return (key, params = {}) =>
    catalogue[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first language of an Accept-Language header that the portal speaks, by weight. Serbian
 * without a script is read as Cyrillic, the official script; a region is ignored ("pl-PL").
 */
export function languageFromHeader(header: string | undefined): Language | null {
  if (header === undefined) return null;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.tag !== '' && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    const [primary, ...subtags] = tag.split('-');
    if (primary === 'sr') return subtags.includes('latn') ? 'sr-Latn' : 'sr-Cyrl';
    if (primary === 'pl' || primary === 'bg' || primary === 'en') return primary;
  }
  return null;
}

/** "12 grudnia 2026, 10:00": a moment on the council's clock, in the reader's language. */
export function formatDateTime(instant: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(instant);
}

/** "27.10.2026": the day of a moment on the council's clock, short, for tables. */
export function formatShortDate(instant: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeZone }).format(instant);
}

/** A calendar day (`YYYY-MM-DD`) written out in the reader's language. */
export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A majority's threshold as the domain wrote it ("10.5", "13 1/3") in the reader's numbers. */
export function formatThreshold(text: string, language: Language): string {
  if (!/^\d+(\.\d+)?$/.test(text)) return text;
  return new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(Number(text));
}
