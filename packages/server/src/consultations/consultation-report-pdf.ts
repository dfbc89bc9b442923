import type { Language } from '@veche/domain';
import type { ConsultationResults } from '@veche/protocol';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
// Importing the minutes' PDF module sets pdfmake's fonts (Roboto from the package, covering
// Polish, Serbian Latin and Cyrillic letters) and its policy of fetching nothing.
import { MINUTES_FONT_FILES } from '../minutes/minutes-pdf.js';
import { fill, REPORT_TEXTS, type ReportTexts } from './consultation-report-texts.js';

void MINUTES_FONT_FILES;

export interface ReportFacts {
  readonly language: Language;
  readonly councilName: string;
  /** The period's ends, already written out in the council's time zone. */
  readonly from: string;
  readonly to: string;
}

const BAR_WIDTH = 140;
const INK = '#1b2a4a';

/** A bar for a share of the whole: drawn, with the numbers beside it as text for everyone. */
function bar(share: number): Content {
  const width = Math.max(0, Math.min(1, share)) * BAR_WIDTH;
  return {
    canvas: [
      { type: 'rect', x: 0, y: 2, w: BAR_WIDTH, h: 8, color: '#e6e9ef' },
      ...(width > 0 ? [{ type: 'rect' as const, x: 0, y: 2, w: width, h: 8, color: INK }] : []),
    ],
  };
}

function table(
  columns: readonly string[],
  rows: readonly Content[][],
  widths: (string | number)[],
): Content {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      widths,
      body: [columns.map((text) => ({ text, bold: true })), ...rows],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 8],
  };
}

function questionContent(
  question: ConsultationResults['questions'][number],
  number: number,
  t: ReportTexts,
  percent: Intl.NumberFormat,
  decimal: Intl.NumberFormat,
): Content[] {
  const heading: Content[] = [
    { text: fill(t.question, { number, prompt: question.prompt }), style: 'heading2' },
    { text: fill(t.answered, { count: question.answered }), margin: [0, 0, 0, 2] },
  ];
  const shareOf = (count: number) => (question.answered === 0 ? 0 : count / question.answered);
  switch (question.kind) {
    case 'single_choice':
    case 'multiple_choice':
      return [
        ...heading,
        table(
          [t.option, t.count, t.share, ''],
          question.options.map((option) => [
            option.label,
            String(option.count),
            percent.format(shareOf(option.count)),
            bar(shareOf(option.count)),
          ]),
          ['*', 'auto', 'auto', BAR_WIDTH + 4],
        ),
      ];
    case 'scale':
      return [
        ...heading,
        {
          text: fill(t.mean, {
            mean: question.mean === null ? '—' : decimal.format(question.mean),
          }),
        },
        table(
          [t.value, t.count, t.share, ''],
          question.distribution.map((entry) => [
            String(entry.value),
            String(entry.count),
            percent.format(shareOf(entry.count)),
            bar(shareOf(entry.count)),
          ]),
          ['*', 'auto', 'auto', BAR_WIDTH + 4],
        ),
      ];
    case 'ranking': {
      const most = Math.max(1, ...question.options.map((option) => option.bordaPoints));
      return [
        ...heading,
        table(
          [t.option, t.averagePlace, t.points, ''],
          question.options.map((option) => [
            option.label,
            option.averagePosition === null ? '—' : decimal.format(option.averagePosition),
            String(option.bordaPoints),
            bar(option.bordaPoints / most),
          ]),
          ['*', 'auto', 'auto', BAR_WIDTH + 4],
        ),
      ];
    }
    case 'short_text':
    case 'long_text':
      return [
        ...heading,
        { text: question.texts.length === 0 ? t.noTexts : t.texts, margin: [0, 2, 0, 2] },
        { ul: question.texts.map((text) => ({ text })), margin: [0, 0, 0, 8] },
      ];
  }
}

/**
 * A finished consultation's report as a PDF (issue 7, section 2): counts and a bar per answer
 * for every question (the numbers are written beside each bar, so nothing depends on seeing it),
 * the scale's mean, the ranking's places and points, the written answers, and the opinions with
 * a name only where the resident agreed; hidden opinions are counted, never shown.
 */
export async function consultationReportPdf(
  results: ConsultationResults,
  facts: ReportFacts,
): Promise<Buffer> {
  const t = REPORT_TEXTS[facts.language];
  const percent = new Intl.NumberFormat(facts.language, { style: 'percent' });
  const decimal = new Intl.NumberFormat(facts.language, { maximumFractionDigits: 2 });
  const title = fill(t.title, { subject: results.subject });
  const content: Content[] = [
    { text: title, style: 'title' },
    { text: fill(t.council, { council: facts.councilName }) },
    { text: fill(t.period, { from: facts.from, to: facts.to }) },
    { text: fill(t.responses, { count: results.responses }), bold: true, margin: [0, 4, 0, 8] },
    ...results.questions.flatMap((question, index) =>
      questionContent(question, index + 1, t, percent, decimal),
    ),
    { text: t.opinions, style: 'heading1' },
    ...(results.opinions.length === 0
      ? [{ text: t.noOpinions } as Content]
      : results.opinions.map((opinion): Content => ({
          stack: [{ text: opinion.name ?? t.nameWithheld, bold: true }, { text: opinion.text }],
          margin: [0, 0, 0, 6],
        }))),
    ...(results.hiddenOpinions > 0
      ? [{ text: fill(t.hidden, { count: results.hiddenOpinions }), italics: true } as Content]
      : []),
  ];
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title, creator: 'Veche', producer: 'Veche' },
    language: facts.language,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      heading1: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      heading2: { fontSize: 11, bold: true, margin: [0, 10, 0, 2] },
    },
    content,
    footer: (page, pages) => ({
      text: fill(t.page, { page, pages }),
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
