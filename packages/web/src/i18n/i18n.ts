import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nOptions } from './i18n-options';
import type { Language } from './language';

/** Keeps `<html lang>` equal to the language the page is written in (WCAG 3.1.1). */
function followDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

/** Starts i18next synchronously, before the first render. */
export function initI18n(language: Language): i18n {
  void i18next.use(initReactI18next).init(i18nOptions(language));
  followDocumentLanguage(language);
  i18next.on('languageChanged', followDocumentLanguage);
  return i18next;
}
