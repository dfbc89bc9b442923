import { LANGUAGES, type Language } from '@veche/domain';

export { LANGUAGES, type Language };

/** Where the user's explicit choice of language is remembered on this device. */
export const LANGUAGE_STORAGE_KEY = 'veche.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Maps one BCP 47 tag from the browser to a language Veche speaks, or null. Serbian without a
 * script is written in Cyrillic by default (CLDR likely subtags: sr -> sr-Cyrl-RS), except where
 * the region implies Latin (sr-ME); the old tag `sh` (Serbo-Croatian) is Latin.
 */
export function matchBrowserLanguage(tag: string): Language | null {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return null;
  }
  switch (locale.language) {
    case 'pl':
    case 'bg':
    case 'en':
      return locale.language;
    case 'sh':
      return 'sr-Latn';
    case 'sr':
      return locale.maximize().script === 'Latn' ? 'sr-Latn' : 'sr-Cyrl';
    default:
      return null;
  }
}

export interface LanguageSources {
  /** What the user chose on this device (localStorage), unchecked. */
  stored: string | null;
  /** The signed-in user's saved preference, when there is a session. */
  userLanguage: Language | null;
  /** `navigator.languages`, most preferred first. */
  browserLanguages: readonly string[];
}

/** The start-up order: the stored choice, else the user's language, else the browser's, else English. */
export function pickLanguage({
  stored,
  userLanguage,
  browserLanguages,
}: LanguageSources): Language {
  if (isLanguage(stored)) return stored;
  if (userLanguage) return userLanguage;
  for (const tag of browserLanguages) {
    const match = matchBrowserLanguage(tag);
    if (match) return match;
  }
  return 'en';
}
