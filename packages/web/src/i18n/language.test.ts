import { describe, expect, it } from 'vitest';
import { matchBrowserLanguage, pickLanguage } from './language';

describe('matchBrowserLanguage', () => {
  it.each([
    ['pl-PL', 'pl'],
    ['pl', 'pl'],
    ['bg-BG', 'bg'],
    ['en-GB', 'en'],
    ['sr', 'sr-Cyrl'],
    ['sr-RS', 'sr-Cyrl'],
    ['sr-Cyrl-RS', 'sr-Cyrl'],
    ['sr-Latn', 'sr-Latn'],
    ['sr-Latn-RS', 'sr-Latn'],
    ['sr-ME', 'sr-Latn'],
    ['sh', 'sr-Latn'],
    ['de-DE', null],
    ['not a tag', null],
  ])('%s -> %s', (tag, expected) => {
    expect(matchBrowserLanguage(tag)).toBe(expected);
  });
});

describe('pickLanguage', () => {
  it('prefers the choice stored on this device', () => {
    expect(pickLanguage({ stored: 'bg', userLanguage: 'pl', browserLanguages: ['en'] })).toBe('bg');
  });

  it('ignores a stored value that is not a language', () => {
    expect(pickLanguage({ stored: 'xx', userLanguage: 'pl', browserLanguages: [] })).toBe('pl');
  });

  it("then takes the signed-in user's language", () => {
    expect(pickLanguage({ stored: null, userLanguage: 'sr-Latn', browserLanguages: ['bg'] })).toBe(
      'sr-Latn',
    );
  });

  it("then the browser's first language that Veche speaks", () => {
    expect(
      pickLanguage({ stored: null, userLanguage: null, browserLanguages: ['de', 'sr-RS', 'pl'] }),
    ).toBe('sr-Cyrl');
  });

  it('falls back to English', () => {
    expect(pickLanguage({ stored: null, userLanguage: null, browserLanguages: ['de', 'fr'] })).toBe(
      'en',
    );
  });
});
