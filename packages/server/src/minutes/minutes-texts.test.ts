import { LANGUAGES } from '@veche/domain';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import {
  CYRILLIC_LETTER,
  LATIN_LETTER,
  ownWords,
  placeholdersIn,
} from '../../test/support/locale-checks.js';
import { MINUTES_FONT_FILES } from './minutes-pdf.js';
import { fill, MINUTES_LABEL_KEYS, MINUTES_LABELS } from './minutes-texts.js';

describe('the words of the minutes', () => {
  it('has every label in every language with the same placeholders', () => {
    for (const key of MINUTES_LABEL_KEYS) {
      const reference = placeholdersIn(MINUTES_LABELS.en[key]);
      for (const language of LANGUAGES) {
        const label = MINUTES_LABELS[language][key];
        expect(label.trim(), `${key} in ${language}`).not.toBe('');
        expect(placeholdersIn(label), `${key} in ${language}`).toEqual(reference);
      }
    }
    for (const language of LANGUAGES) {
      expect(Object.keys(MINUTES_LABELS[language]).sort()).toEqual([...MINUTES_LABEL_KEYS].sort());
    }
  });

  it('writes the Cyrillic languages in Cyrillic only, and the others without Cyrillic', () => {
    for (const key of MINUTES_LABEL_KEYS) {
      for (const language of ['bg', 'sr-Cyrl'] as const) {
        expect(ownWords(MINUTES_LABELS[language][key]), `${key} in ${language}`).not.toMatch(
          LATIN_LETTER,
        );
      }
      for (const language of ['pl', 'sr-Latn', 'en'] as const) {
        expect(ownWords(MINUTES_LABELS[language][key]), `${key} in ${language}`).not.toMatch(
          CYRILLIC_LETTER,
        );
      }
    }
  });

  it('fills placeholders and refuses to leave one empty', () => {
    expect(
      fill(MINUTES_LABELS.en.arithmetic, {
        for: 14,
        comparison: 'more than',
        required: '10.5',
        base: 21,
      }),
    ).toBe('14 for, required more than 10.5 of 21');
    expect(() => fill(MINUTES_LABELS.en.arithmetic, { for: 14 })).toThrow(/comparison/);
  });
});

describe('the fonts of the PDF', () => {
  // Polish, Serbian Latin, Bulgarian and Serbian Cyrillic letters, both cases, and the
  // punctuation the labels use.
  const letters =
    'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ čćđšžČĆĐŠŽ абвгдежзийклмнопрстуфхцчшщъьюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ ' +
    'ђјљњћџЂЈЉЊЋЏ „“”–№';
  for (const [style, file] of Object.entries(MINUTES_FONT_FILES)) {
    it(`has a glyph for every letter of the five languages (${style})`, () => {
      const font = fontkit.openSync(file);
      if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a collection`);
      const missing = [...letters.replace(/\s/g, '')].filter(
        (letter) => !font.hasGlyphForCodePoint(letter.codePointAt(0)!),
      );
      expect(missing).toEqual([]);
      // A letter no font has proves the check can fail.
      expect(font.hasGlyphForCodePoint(0x10fffd)).toBe(false);
    });
  }
});
