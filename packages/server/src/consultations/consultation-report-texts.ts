import type { Language } from '@veche/domain';

/** A text with its placeholders filled (the minutes' helper: a missing value is a bug). */
export { fill } from '../minutes/minutes-texts.js';

/*
 * The words of a consultation's report (PDF), in every language of the app. Placeholders are
 * `{{name}}`; `consultation-report.test.ts` checks every language has every text with the same
 * placeholders.
 */

export interface ReportTexts {
  readonly title: string;
  readonly council: string;
  readonly period: string;
  readonly responses: string;
  readonly question: string;
  readonly answered: string;
  readonly option: string;
  readonly count: string;
  readonly share: string;
  readonly mean: string;
  readonly value: string;
  readonly averagePlace: string;
  readonly points: string;
  readonly texts: string;
  readonly noTexts: string;
  readonly opinions: string;
  readonly noOpinions: string;
  readonly nameWithheld: string;
  readonly hidden: string;
  readonly page: string;
}

export const REPORT_TEXTS: Readonly<Record<Language, ReportTexts>> = {
  en: {
    title: 'Consultation report: {{subject}}',
    council: 'Council: {{council}}',
    period: 'Period: {{from}} – {{to}}',
    responses: 'Verified responses counted: {{count}}',
    question: 'Question {{number}}: {{prompt}}',
    answered: 'Answered by {{count}}',
    option: 'Answer',
    count: 'Count',
    share: 'Share',
    mean: 'Mean: {{mean}}',
    value: 'Value',
    averagePlace: 'Average place',
    points: 'Points',
    texts: 'Answers as written:',
    noTexts: 'No answers.',
    opinions: 'Opinions',
    noOpinions: 'No opinions were sent.',
    nameWithheld: 'name withheld',
    hidden: 'Opinions hidden by moderation (kept on record): {{count}}',
    page: 'Page {{page}} of {{pages}}',
  },
  pl: {
    title: 'Raport z konsultacji: {{subject}}',
    council: 'Rada: {{council}}',
    period: 'Okres: {{from}} – {{to}}',
    responses: 'Uwzględnione potwierdzone odpowiedzi: {{count}}',
    question: 'Pytanie {{number}}: {{prompt}}',
    answered: 'Odpowiedzi: {{count}}',
    option: 'Odpowiedź',
    count: 'Liczba',
    share: 'Udział',
    mean: 'Średnia: {{mean}}',
    value: 'Wartość',
    averagePlace: 'Średnie miejsce',
    points: 'Punkty',
    texts: 'Odpowiedzi w brzmieniu oryginalnym:',
    noTexts: 'Brak odpowiedzi.',
    opinions: 'Opinie',
    noOpinions: 'Nie przesłano opinii.',
    nameWithheld: 'bez podania nazwiska',
    hidden: 'Opinie ukryte przez moderację (zachowane w dokumentacji): {{count}}',
    page: 'Strona {{page}} z {{pages}}',
  },
  bg: {
    title: 'Доклад от общественото обсъждане: {{subject}}',
    council: 'Съвет: {{council}}',
    period: 'Период: {{from}} – {{to}}',
    responses: 'Отчетени потвърдени отговори: {{count}}',
    question: 'Въпрос {{number}}: {{prompt}}',
    answered: 'Отговорили: {{count}}',
    option: 'Отговор',
    count: 'Брой',
    share: 'Дял',
    mean: 'Средно: {{mean}}',
    value: 'Стойност',
    averagePlace: 'Средно място',
    points: 'Точки',
    texts: 'Отговорите, както са написани:',
    noTexts: 'Няма отговори.',
    opinions: 'Становища',
    noOpinions: 'Не са изпратени становища.',
    nameWithheld: 'без име',
    hidden: 'Становища, скрити при модериране (запазени в архива): {{count}}',
    page: 'Страница {{page}} от {{pages}}',
  },
  'sr-Cyrl': {
    title: 'Извештај са јавне расправе: {{subject}}',
    council: 'Скупштина: {{council}}',
    period: 'Период: {{from}} – {{to}}',
    responses: 'Урачунати потврђени одговори: {{count}}',
    question: 'Питање {{number}}: {{prompt}}',
    answered: 'Одговорило: {{count}}',
    option: 'Одговор',
    count: 'Број',
    share: 'Удео',
    mean: 'Просек: {{mean}}',
    value: 'Вредност',
    averagePlace: 'Просечно место',
    points: 'Бодови',
    texts: 'Одговори онако како су написани:',
    noTexts: 'Нема одговора.',
    opinions: 'Мишљења',
    noOpinions: 'Није послато ниједно мишљење.',
    nameWithheld: 'без имена',
    hidden: 'Мишљења сакривена модерацијом (сачувана у евиденцији): {{count}}',
    page: 'Страна {{page}} од {{pages}}',
  },
  'sr-Latn': {
    title: 'Izveštaj sa javne rasprave: {{subject}}',
    council: 'Skupština: {{council}}',
    period: 'Period: {{from}} – {{to}}',
    responses: 'Uračunati potvrđeni odgovori: {{count}}',
    question: 'Pitanje {{number}}: {{prompt}}',
    answered: 'Odgovorilo: {{count}}',
    option: 'Odgovor',
    count: 'Broj',
    share: 'Udeo',
    mean: 'Prosek: {{mean}}',
    value: 'Vrednost',
    averagePlace: 'Prosečno mesto',
    points: 'Bodovi',
    texts: 'Odgovori onako kako su napisani:',
    noTexts: 'Nema odgovora.',
    opinions: 'Mišljenja',
    noOpinions: 'Nije poslato nijedno mišljenje.',
    nameWithheld: 'bez imena',
    hidden: 'Mišljenja sakrivena moderacijom (sačuvana u evidenciji): {{count}}',
    page: 'Strana {{page}} od {{pages}}',
  },
};
