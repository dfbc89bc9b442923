/*
 * Checks shared by the tests of the server's translated texts (e-mails, minutes): which
 * placeholders a text uses, and what is left of it once the words allowed in any script are
 * removed, so that a Cyrillic text can be checked for stray Latin letters and the others for
 * Cyrillic ones.
 */

/** Latin letters, which a Cyrillic text must not hold outside the allowed words. */
export const LATIN_LETTER = /[A-Za-z]/;
/** Cyrillic letters, which a Latin-script text must not hold. */
export const CYRILLIC_LETTER = /[\u0400-\u04FF]/;

/** Every `{{name}}` the texts use, sorted, each once. */
export function placeholdersIn(...texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/\{\{(\w+)\}\}/g)) names.add(match[1]!);
  }
  return [...names].sort();
}

/**
 * The texts joined, without placeholders and the words any language may write in Latin letters:
 * the product's name, "QR", e-mail addresses and web addresses.
 */
export function ownWords(...texts: readonly string[]): string {
  return texts
    .join('\n')
    .replace(/\{\{\w+\}\}/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '')
    .replace(/\b(Veche|QR)\b/g, '');
}
