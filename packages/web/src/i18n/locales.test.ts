import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nOptions } from './i18n-options';
import { LANGUAGES, type Language } from './language';
import { MESSAGES } from './resources';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([\w.]+)[^}]*\}\}/g;

/** Flattens nested messages to "a.b.c" keys; anything but strings and objects is an error. */
function flatten(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, text] of flatten(value, path)) out.set(inner, text);
    } else throw new Error(`${path} is neither a string nor a group of messages`);
  }
  return out;
}

const flat = new Map(LANGUAGES.map((language) => [language, flatten(MESSAGES[language])]));
const messagesOf = (language: Language): Map<string, string> =>
  flat.get(language) ?? new Map<string, string>();
const baseKey = (key: string): string => key.replace(PLURAL_SUFFIX, '');
const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))].sort();
const categories = (language: Language): string[] =>
  new Intl.PluralRules(language).resolvedOptions().pluralCategories.map(String);

const reference = messagesOf('en');
const pluralBases = [
  ...new Set([...reference.keys()].filter((key) => PLURAL_SUFFIX.test(key)).map(baseKey)),
];
const plainKeys = [...reference.keys()].filter((key) => !PLURAL_SUFFIX.test(key));

describe.each(LANGUAGES)('messages in %s', (language) => {
  const messages = messagesOf(language);

  it('has every plain key of English and no key English lacks', () => {
    const own = [...messages.keys()].filter((key) => !PLURAL_SUFFIX.test(key)).sort();
    expect(own).toEqual([...plainKeys].sort());
    const ownBases = [
      ...new Set([...messages.keys()].filter((key) => PLURAL_SUFFIX.test(key)).map(baseKey)),
    ];
    expect(ownBases.sort()).toEqual([...pluralBases].sort());
  });

  it('has exactly the plural forms its language uses (Intl.PluralRules)', () => {
    const needed = categories(language);
    for (const base of pluralBases) {
      const present = [...messages.keys()]
        .filter((key) => baseKey(key) === base && key !== base)
        .map((key) => key.slice(base.length + 1))
        .sort();
      expect(present, base).toEqual([...needed].sort());
    }
  });

  it('uses the same placeholders as English in every message', () => {
    for (const [key, text] of messages) {
      const english = reference.get(key) ?? reference.get(`${baseKey(key)}_other`) ?? '';
      expect(placeholders(text), key).toEqual(placeholders(english));
    }
  });

  it('has no empty message', () => {
    for (const [key, text] of messages) expect(text.trim(), key).not.toBe('');
  });
});

describe('scripts and names', () => {
  it('names every language by its own name', () => {
    const names = LANGUAGES.map((language) => messagesOf(language).get('language.ownName'));
    expect(names).toEqual([
      'Polski',
      'Български',
      'Српски (ћирилица)',
      'Srpski (latinica)',
      'English',
    ]);
  });

  it('writes Serbian Latin, Polish and English without Cyrillic letters', () => {
    for (const language of ['sr-Latn', 'pl', 'en'] as const) {
      for (const [key, text] of messagesOf(language))
        expect(text, key).not.toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it('writes Bulgarian and Serbian Cyrillic without Latin words, apart from names and examples', () => {
    // QR is written in Latin letters in Cyrillic text too ("QR код"), and so are the schemes
    // an address must start with ("http://").
    const allowed = /\{\{[^}]*\}\}|Veche|\bQR\b|[\w.]+@[\w.]+|\bhttps?:\/\//g;
    for (const language of ['bg', 'sr-Cyrl'] as const) {
      for (const [key, text] of messagesOf(language)) {
        expect(text.replace(allowed, ''), key).not.toMatch(/\p{Script=Latin}/u);
      }
    }
  });
});

describe('agenda counts through i18next', () => {
  const i18n = createInstance(i18nOptions('en'));
  void i18n.init();
  const count = (language: Language, n: number): string =>
    i18n.t('sittings.agendaCount', { count: n, lng: language });

  it.each([
    ['pl', 1, '1 punkt'],
    ['pl', 2, '2 punkty'],
    ['pl', 6, '6 punktów'],
    ['pl', 12, '12 punktów'],
    ['pl', 22, '22 punkty'],
    ['bg', 1, '1 точка'],
    ['bg', 6, '6 точки'],
    ['sr-Cyrl', 1, '1 тачка'],
    ['sr-Cyrl', 3, '3 тачке'],
    ['sr-Cyrl', 6, '6 тачака'],
    ['sr-Cyrl', 21, '21 тачка'],
    ['sr-Latn', 2, '2 tačke'],
    ['sr-Latn', 11, '11 tačaka'],
    ['en', 1, '1 item'],
    ['en', 6, '6 items'],
  ] as const)('%s %i -> %s', (language, n, expected) => {
    expect(count(language, n)).toBe(expected);
  });

  it('does not mix Serbian scripts', () => {
    expect(i18n.t('sittings.agenda', { lng: 'sr-Latn' })).toBe('Dnevni red');
    expect(i18n.t('sittings.agenda', { lng: 'sr-Cyrl' })).toBe('Дневни ред');
  });
});
