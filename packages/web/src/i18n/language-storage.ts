import { LANGUAGE_STORAGE_KEY, type Language } from './language';

// Storage can be unavailable (private modes, blocked cookies); the choice then lasts the visit.

export function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Nothing to do: the language still applies until the page is closed.
  }
}
