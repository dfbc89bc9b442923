import type { Survey, SurveyAnswers } from './survey.rules.js';
import { isBlankAnswer } from './survey.rules.js';

/**
 * A consultation's results per question (issue 7, section 2: "a report with counts and charts
 * per question"). Only verified responses count: an address never confirmed is nobody's
 * response, and one resident, one response is what verification guarantees.
 */

export interface OptionCount {
  readonly optionId: string;
  readonly label: string;
  readonly count: number;
}

export interface RankedOption {
  readonly optionId: string;
  readonly label: string;
  /** Mean place given to the option, 1 the first; null with no answers. */
  readonly averagePosition: number | null;
  /** Borda points: n - place for each ranking of n options (the first gets n - 1). */
  readonly bordaPoints: number;
}

interface ResultBase {
  readonly questionId: string;
  readonly prompt: string;
  /** How many counted responses answered this question. */
  readonly answered: number;
}

export type QuestionResult =
  | (ResultBase & {
      readonly kind: 'single_choice' | 'multiple_choice';
      readonly options: readonly OptionCount[];
    })
  | (ResultBase & {
      readonly kind: 'scale';
      readonly min: number;
      readonly max: number;
      /** Count per value from min to max. */
      readonly distribution: readonly { readonly value: number; readonly count: number }[];
      readonly mean: number | null;
    })
  | (ResultBase & { readonly kind: 'ranking'; readonly options: readonly RankedOption[] })
  | (ResultBase & { readonly kind: 'short_text' | 'long_text'; readonly texts: readonly string[] });

export interface SurveyResults {
  /** Verified responses counted. */
  readonly responses: number;
  readonly questions: readonly QuestionResult[];
}

export interface CountableResponse {
  readonly answers: SurveyAnswers;
  readonly verified: boolean;
}

/**
 * The results of a survey over its responses: for choice questions the count per option (a
 * multiple choice counts each option chosen, so counts may add up to more than the answers),
 * for a scale the count per value and the mean, for a ranking each option's mean place and its
 * Borda points, for text questions the answers themselves in the order given. Unverified
 * responses are left out; answers that do not fit their question (a survey is fixed once
 * responses exist, but a stored row is not trusted) are ignored.
 */
export function surveyResults(
  survey: Survey,
  responses: readonly CountableResponse[],
): SurveyResults {
  const counted = responses.filter((response) => response.verified);
  const questions = survey.questions.map((question): QuestionResult => {
    const given = counted
      .map((response) =>
        Object.prototype.hasOwnProperty.call(response.answers, question.id)
          ? response.answers[question.id]
          : undefined,
      )
      .filter((answer) => !isBlankAnswer(answer));
    const base = { questionId: question.id, prompt: question.prompt };
    switch (question.kind) {
      case 'single_choice':
      case 'multiple_choice': {
        const counts = new Map(question.options.map((option) => [option.id, 0]));
        let answered = 0;
        for (const answer of given) {
          const chosen: readonly unknown[] =
            typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : [];
          const valid = [...new Set(chosen)].filter(
            (id): id is string => typeof id === 'string' && counts.has(id),
          );
          if (valid.length === 0) continue;
          answered += 1;
          for (const id of valid) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        return {
          ...base,
          kind: question.kind,
          answered,
          options: question.options.map((option) => ({
            optionId: option.id,
            label: option.label,
            count: counts.get(option.id) ?? 0,
          })),
        };
      }
      case 'scale': {
        const values = given.filter(
          (answer): answer is number =>
            typeof answer === 'number' &&
            Number.isInteger(answer) &&
            answer >= question.min &&
            answer <= question.max,
        );
        const distribution = [];
        for (let value = question.min; value <= question.max; value += 1) {
          distribution.push({ value, count: values.filter((v) => v === value).length });
        }
        const sum = values.reduce((total, value) => total + value, 0);
        return {
          ...base,
          kind: 'scale',
          answered: values.length,
          min: question.min,
          max: question.max,
          distribution,
          mean: values.length === 0 ? null : sum / values.length,
        };
      }
      case 'ranking': {
        const n = question.options.length;
        const ids = new Set(question.options.map((option) => option.id));
        const rankings = given.filter(
          (answer): answer is readonly string[] =>
            Array.isArray(answer) &&
            answer.length === n &&
            new Set(answer).size === n &&
            answer.every((id) => typeof id === 'string' && ids.has(id)),
        );
        const placeSum = new Map<string, number>();
        for (const ranking of rankings) {
          ranking.forEach((id, index) => placeSum.set(id, (placeSum.get(id) ?? 0) + index + 1));
        }
        return {
          ...base,
          kind: 'ranking',
          answered: rankings.length,
          options: question.options.map((option) => {
            const sum = placeSum.get(option.id) ?? 0;
            return {
              optionId: option.id,
              label: option.label,
              averagePosition: rankings.length === 0 ? null : sum / rankings.length,
              bordaPoints: rankings.length * n - sum,
            };
          }),
        };
      }
      case 'short_text':
      case 'long_text': {
        const texts = given.filter((answer): answer is string => typeof answer === 'string');
        return { ...base, kind: question.kind, answered: texts.length, texts };
      }
    }
  });
  return { responses: counted.length, questions };
}
