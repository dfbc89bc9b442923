import { LANGUAGES } from '@veche/domain';
import { describe, expect, it } from 'vitest';
import {
  CYRILLIC_LETTER,
  LATIN_LETTER,
  ownWords,
  placeholdersIn,
} from '../../test/support/locale-checks.js';
import { REPORT_TEXTS, type ReportTexts } from './consultation-report-texts.js';

const KEYS = Object.keys(REPORT_TEXTS.en) as (keyof ReportTexts)[];

describe('the words of a consultation’s report', () => {
  it('has every text in every language with the same placeholders', () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(REPORT_TEXTS[language]).sort(), language).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        const text = REPORT_TEXTS[language][key];
        expect(text.trim(), `${key} in ${language}`).not.toBe('');
        expect(placeholdersIn(text), `${key} in ${language}`).toEqual(
          placeholdersIn(REPORT_TEXTS.en[key]),
        );
      }
    }
  });

  it('writes the Cyrillic languages in Cyrillic only, and the others without Cyrillic', () => {
    for (const key of KEYS) {
      for (const language of ['bg', 'sr-Cyrl'] as const) {
        expect(ownWords(REPORT_TEXTS[language][key]), `${key} in ${language}`).not.toMatch(
          LATIN_LETTER,
        );
      }
      for (const language of ['pl', 'sr-Latn', 'en'] as const) {
        expect(ownWords(REPORT_TEXTS[language][key]), `${key} in ${language}`).not.toMatch(
          CYRILLIC_LETTER,
        );
      }
    }
  });
});
