import { surveyResults } from '@veche/domain';
import type { ConsultationResults } from '@veche/protocol';
import { toCsv } from '../open-data/csv.js';
import type { Repositories } from '../storage/repositories.js';
import type { ConsultationRow } from '../storage/repositories/consultations.repository.js';
import { answersOf, statusOf, surveyOf } from './consultation-views.js';

/**
 * A consultation's results: the survey's results over verified responses (the domain's
 * `surveyResults`), the verified opinions that are not hidden, with the resident's name only
 * when they agreed to its publication, and how many were hidden by moderation.
 */
export async function consultationResults(
  repos: Repositories,
  row: ConsultationRow,
  now: Date,
): Promise<ConsultationResults> {
  const responses = await repos.consultations.listResponses(row.councilId, row.id);
  const opinions = (await repos.consultations.listOpinions(row.councilId, row.id)).filter(
    (opinion) => opinion.verifiedAt !== null,
  );
  const results = surveyResults(
    surveyOf(row),
    responses.map((response) => ({
      answers: answersOf(response),
      verified: response.verifiedAt !== null,
    })),
  );
  return {
    consultationId: row.id,
    subject: row.subject,
    status: statusOf(row, now),
    responses: results.responses,
    // The domain's results are the protocol's shape, only read-only.
    questions: results.questions as ConsultationResults['questions'],
    opinions: opinions
      .filter((opinion) => opinion.hiddenAt === null)
      .map((opinion) => ({
        id: opinion.id,
        name: opinion.consentToPublishName ? opinion.name : null,
        text: opinion.text,
        hasAttachment: opinion.attachmentSha256 !== null,
        createdAt: opinion.createdAt.toISOString(),
      })),
    hiddenOpinions: opinions.filter((opinion) => opinion.hiddenAt !== null).length,
  };
}

interface ResultRow {
  question_number: number;
  question_id: string;
  question: string;
  kind: string;
  answered: number;
  option_id: string | null;
  option: string | null;
  count: number | null;
  mean: number | null;
  average_position: number | null;
  borda_points: number | null;
  text: string | null;
}

const RESULT_COLUMNS: readonly (keyof ResultRow)[] = [
  'question_number',
  'question_id',
  'question',
  'kind',
  'answered',
  'option_id',
  'option',
  'count',
  'mean',
  'average_position',
  'borda_points',
  'text',
];

/**
 * The results as one CSV table (RFC 4180, like the open data): a row per option of a choice
 * question (its count), per value of a scale (its count, the mean beside each), per option of a
 * ranking (mean place and Borda points), and per text answer.
 */
export function consultationResultsCsv(results: ConsultationResults): string {
  const rows: ResultRow[] = [];
  results.questions.forEach((question, index) => {
    const base = {
      question_number: index + 1,
      question_id: question.questionId,
      question: question.prompt,
      kind: question.kind,
      answered: question.answered,
      option_id: null,
      option: null,
      count: null,
      mean: null,
      average_position: null,
      borda_points: null,
      text: null,
    };
    switch (question.kind) {
      case 'single_choice':
      case 'multiple_choice':
        for (const option of question.options) {
          rows.push({
            ...base,
            option_id: option.optionId,
            option: option.label,
            count: option.count,
          });
        }
        break;
      case 'scale':
        for (const step of question.distribution) {
          rows.push({
            ...base,
            option_id: String(step.value),
            option: String(step.value),
            count: step.count,
            mean: question.mean,
          });
        }
        break;
      case 'ranking':
        for (const option of question.options) {
          rows.push({
            ...base,
            option_id: option.optionId,
            option: option.label,
            average_position: option.averagePosition,
            borda_points: option.bordaPoints,
          });
        }
        break;
      case 'short_text':
      case 'long_text':
        if (question.texts.length === 0) rows.push(base);
        for (const text of question.texts) rows.push({ ...base, text });
        break;
    }
  });
  return toCsv(RESULT_COLUMNS, rows);
}
