import type { AgendaDifference, Language, SittingMode } from '@veche/domain';
import { formatMailTime } from '../mail/mail-texts.js';

/**
 * One change to a convened sitting that members are told of, as stored with the notice (plain
 * JSON) and written out in each member's language when the notice is sent.
 */
export type NoticeChange =
  | { readonly kind: 'item_added'; readonly number: string; readonly title: string }
  | { readonly kind: 'item_removed'; readonly number: string; readonly title: string }
  | {
      readonly kind: 'item_retitled';
      readonly number: string;
      readonly title: string;
      readonly previousTitle: string;
    }
  | {
      readonly kind: 'item_moved';
      readonly number: string;
      readonly title: string;
      readonly previousNumber: string;
    }
  | { readonly kind: 'document_added'; readonly title: string }
  | { readonly kind: 'start_changed'; readonly startsAt: string }
  | { readonly kind: 'place_changed'; readonly place: string | null }
  | { readonly kind: 'mode_changed'; readonly mode: SittingMode };

/** The domain's agenda differences as notice changes. */
export function agendaChanges(differences: readonly AgendaDifference[]): NoticeChange[] {
  return differences.map((difference): NoticeChange => {
    switch (difference.kind) {
      case 'added':
        return { kind: 'item_added', number: difference.number, title: difference.title };
      case 'removed':
        return { kind: 'item_removed', number: difference.number, title: difference.title };
      case 'retitled':
        return {
          kind: 'item_retitled',
          number: difference.number,
          title: difference.title,
          previousTitle: difference.previousTitle,
        };
      case 'moved':
        return {
          kind: 'item_moved',
          number: difference.number,
          title: difference.title,
          previousNumber: difference.previousNumber,
        };
    }
  });
}

type Phrases = {
  readonly [K in NoticeChange['kind']]: string;
} & {
  readonly modes: Readonly<Record<SittingMode, string>>;
  readonly noPlace: string;
  readonly noDocuments: string;
};

/** The words of each change, per language; `{{…}}` are the change's fields. */
export const CHANGE_PHRASES: Readonly<Record<Language, Phrases>> = {
  pl: {
    item_added: 'Dodano punkt {{number}}: {{title}}',
    item_removed: 'Usunięto punkt {{number}}: {{title}}',
    item_retitled: 'Punkt {{number}} ma nowy tytuł: {{title}} (wcześniej: {{previousTitle}})',
    item_moved: 'Punkt „{{title}}” jest teraz punktem {{number}} (wcześniej {{previousNumber}})',
    document_added: 'Dodano dokument: {{title}}',
    start_changed: 'Nowy termin: {{startsAt}}',
    place_changed: 'Nowe miejsce: {{place}}',
    mode_changed: 'Nowa forma obrad: {{mode}}',
    modes: { hall: 'na sali obrad', remote: 'zdalnie', hybrid: 'hybrydowo' },
    noPlace: 'nie podano',
    noDocuments: 'brak',
  },
  bg: {
    item_added: 'Добавена е точка {{number}}: {{title}}',
    item_removed: 'Премахната е точка {{number}}: {{title}}',
    item_retitled: 'Точка {{number}} има ново заглавие: {{title}} (преди: {{previousTitle}})',
    item_moved: 'Точка „{{title}}“ вече е точка {{number}} (преди {{previousNumber}})',
    document_added: 'Добавен е документ: {{title}}',
    start_changed: 'Нов час: {{startsAt}}',
    place_changed: 'Ново място: {{place}}',
    mode_changed: 'Нова форма на заседанието: {{mode}}',
    modes: { hall: 'в залата', remote: 'дистанционно', hybrid: 'смесено' },
    noPlace: 'не е посочено',
    noDocuments: 'няма',
  },
  'sr-Cyrl': {
    item_added: 'Додата је тачка {{number}}: {{title}}',
    item_removed: 'Уклоњена је тачка {{number}}: {{title}}',
    item_retitled: 'Тачка {{number}} има нови наслов: {{title}} (раније: {{previousTitle}})',
    item_moved: 'Тачка „{{title}}” је сада тачка {{number}} (раније {{previousNumber}})',
    document_added: 'Додат је документ: {{title}}',
    start_changed: 'Ново време: {{startsAt}}',
    place_changed: 'Ново место: {{place}}',
    mode_changed: 'Нови облик седнице: {{mode}}',
    modes: { hall: 'у сали', remote: 'на даљину', hybrid: 'хибридно' },
    noPlace: 'није наведено',
    noDocuments: 'нема',
  },
  'sr-Latn': {
    item_added: 'Dodata je tačka {{number}}: {{title}}',
    item_removed: 'Uklonjena je tačka {{number}}: {{title}}',
    item_retitled: 'Tačka {{number}} ima novi naslov: {{title}} (ranije: {{previousTitle}})',
    item_moved: 'Tačka „{{title}}” je sada tačka {{number}} (ranije {{previousNumber}})',
    document_added: 'Dodat je dokument: {{title}}',
    start_changed: 'Novo vreme: {{startsAt}}',
    place_changed: 'Novo mesto: {{place}}',
    mode_changed: 'Novi oblik sednice: {{mode}}',
    modes: { hall: 'u sali', remote: 'na daljinu', hybrid: 'hibridno' },
    noPlace: 'nije navedeno',
    noDocuments: 'nema',
  },
  en: {
    item_added: 'Item {{number}} added: {{title}}',
    item_removed: 'Item {{number}} removed: {{title}}',
    item_retitled: 'Item {{number}} has a new title: {{title}} (was: {{previousTitle}})',
    item_moved: 'Item “{{title}}” is now item {{number}} (was {{previousNumber}})',
    document_added: 'Document added: {{title}}',
    start_changed: 'New time: {{startsAt}}',
    place_changed: 'New place: {{place}}',
    mode_changed: 'New format: {{mode}}',
    modes: { hall: 'in the council hall', remote: 'remote', hybrid: 'hybrid' },
    noPlace: 'not given',
    noDocuments: 'none',
  },
};

/** A change in words, in the member's language, times on the council's clock. */
export function describeChange(change: NoticeChange, language: Language, timeZone: string): string {
  const phrases = CHANGE_PHRASES[language];
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(change)) {
    if (typeof value === 'string') fields[key] = value;
  }
  if (change.kind === 'start_changed') {
    fields['startsAt'] = formatMailTime(new Date(change.startsAt), language, timeZone);
  }
  if (change.kind === 'place_changed') fields['place'] = change.place ?? phrases.noPlace;
  if (change.kind === 'mode_changed') fields['mode'] = phrases.modes[change.mode];
  return phrases[change.kind].replace(
    /\{\{(\w+)\}\}/g,
    (_match, name: string) => fields[name] ?? '',
  );
}
