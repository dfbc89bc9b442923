import { LANGUAGES } from '@veche/domain';
import { describe, expect, it } from 'vitest';
import {
  CYRILLIC_LETTER,
  LATIN_LETTER,
  ownWords,
  placeholdersIn,
} from '../../test/support/locale-checks.js';
import {
  formatDateTime,
  languageFromHeader,
  PORTAL_CATALOGUES,
  translator,
  type PortalKey,
} from './portal-texts.js';

const KEYS = Object.keys(PORTAL_CATALOGUES.en).sort() as PortalKey[];

describe('the portal’s texts', () => {
  it('has the same keys in every language, none of them blank', () => {
    for (const language of LANGUAGES) {
      const catalogue = PORTAL_CATALOGUES[language];
      expect(Object.keys(catalogue).sort(), language).toEqual(KEYS);
      for (const key of KEYS) expect(catalogue[key].trim(), `${key} in ${language}`).not.toBe('');
    }
  });

  it('has the same placeholders in every language', () => {
    for (const key of KEYS) {
      const reference = placeholdersIn(PORTAL_CATALOGUES.en[key]);
      for (const language of LANGUAGES) {
        expect(placeholdersIn(PORTAL_CATALOGUES[language][key]), `${key} in ${language}`).toEqual(
          reference,
        );
      }
    }
  });

  it('writes the Cyrillic languages in Cyrillic only, and the others without Cyrillic', () => {
    for (const language of LANGUAGES) {
      const cyrillic = language === 'bg' || language === 'sr-Cyrl';
      for (const key of KEYS) {
        expect(ownWords(PORTAL_CATALOGUES[language][key]), `${key} in ${language}`).not.toMatch(
          cyrillic ? LATIN_LETTER : CYRILLIC_LETTER,
        );
      }
    }
  });

  it('fills placeholders, numbers in the language', () => {
    const t = translator('pl');
    expect(t('result.voted', { voted: 1234, entitled: 15 })).toBe(
      'Głosowało 1234 z 15 uprawnionych.',
    );
    expect(translator('en')('result.voted', { voted: 1234, entitled: 15 })).toBe(
      '1,234 of 15 entitled members voted.',
    );
  });

  it('reads the reader’s language from Accept-Language, by weight', () => {
    expect(languageFromHeader('de-DE, bg;q=0.8, en;q=0.9')).toBe('en');
    expect(languageFromHeader('pl-PL,pl;q=0.9')).toBe('pl');
    expect(languageFromHeader('sr-Latn-RS')).toBe('sr-Latn');
    expect(languageFromHeader('sr-RS, en;q=0.5')).toBe('sr-Cyrl');
    expect(languageFromHeader('de, fr')).toBeNull();
    expect(languageFromHeader('en;q=0, bg')).toBe('bg');
    expect(languageFromHeader(undefined)).toBeNull();
  });

  it('writes a sitting’s time on the council’s clock', () => {
    const instant = new Date('2026-12-01T09:00:00Z');
    expect(formatDateTime(instant, 'pl', 'Europe/Warsaw')).toMatch(/1 grudnia 2026.*10:00/);
    expect(formatDateTime(instant, 'bg', 'Europe/Sofia')).toMatch(/11:00/);
    expect(formatDateTime(instant, 'sr-Cyrl', 'Europe/Belgrade')).toMatch(/децембар/);
  });
});
