import type { InitOptions } from 'i18next';
import { LANGUAGES, type Language } from './language';
import { MESSAGES } from './resources';

/** i18next's settings, shared by the app and the tests: every language is bundled, nothing loads later. */
export function i18nOptions(language: Language): InitOptions {
  return {
    resources: Object.fromEntries(LANGUAGES.map((code) => [code, { translation: MESSAGES[code] }])),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    // "sr-Latn" must not also load a bare "sr".
    load: 'currentOnly',
    initAsync: false,
    returnEmptyString: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  };
}
