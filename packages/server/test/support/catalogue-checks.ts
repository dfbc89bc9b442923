import type { Language } from '@veche/domain';

/*
 * Checks shared by the tests of the server's text catalogues (e-mails, the public portal): the
 * same placeholders in every language, and each language in its own script. Cyrillic texts may
 * hold Latin only for "Veche" and the placeholders (DESIGN.md: the Cyrillic locales' rule).
 */

/** The `{{name}}` placeholders of some texts, each once, sorted. */
export function placeholdersIn(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(/\{\{(\w+)\}\}/g)) names.add(match[1]!);
  return [...names].sort();
}

/** What is left of some texts once placeholders and the words allowed in any script are removed. */
export function ownWords(texts: readonly string[]): string {
  return texts
    .join('\n')
    .replace(/\{\{\w+\}\}/g, '')
    .replace(/\bVeche\b/g, '');
}

/** Letters of the wrong script for the language: Latin in bg and sr-Cyrl, Cyrillic elsewhere. */
export function strayLetters(language: Language, texts: readonly string[]): string[] {
  const words = ownWords(texts);
  const stray = language === 'bg' || language === 'sr-Cyrl' ? /[A-Za-z]+/g : /[\u0400-\u04FF]+/g;
  return [...words.matchAll(stray)].map((match) => match[0]);
}
