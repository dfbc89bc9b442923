import type { Language } from './language';
import bg from './locales/bg.json';
import en from './locales/en.json';
import pl from './locales/pl.json';
import srCyrl from './locales/sr-Cyrl.json';
import srLatn from './locales/sr-Latn.json';

/** English is the reference: its keys type `t()`, and every other language must match it. */
export type Messages = typeof en;

export const MESSAGES: Readonly<Record<Language, Messages>> = {
  pl,
  bg,
  'sr-Cyrl': srCyrl,
  'sr-Latn': srLatn,
  en,
};
