import { toRoman, type Language } from '@veche/domain';

/**
 * How a sitting is named in each language, as the web app's sitting cards name it
 * (`sittings.heading` in the web locales): the Roman number and the body's name.
 */
const HEADINGS: Record<Language, (number: string, body: string) => string> = {
  pl: (number, body) => `${number} sesja — ${body}`,
  bg: (number, body) => `${number} заседание — ${body}`,
  'sr-Cyrl': (number, body) => `${number} седница — ${body}`,
  'sr-Latn': (number, body) => `${number} sednica — ${body}`,
  en: (number, body) => `Sitting ${number} — ${body}`,
};

/** "XX sesja — Rada Miejska w Wierzbowie: Sesja zwyczajna" (the title, when there is one). */
export function sittingName(
  language: Language,
  sitting: { readonly number: number; readonly bodyName: string; readonly title: string },
): string {
  const heading = HEADINGS[language](toRoman(sitting.number), sitting.bodyName);
  const title = sitting.title.trim();
  return title === '' ? heading : `${heading}: ${title}`;
}
