/**
 * A consultation's survey (issue 7, section 2: "single choice, multiple choice, short and long
 * text, scale, ranking; required or optional questions"), what makes a survey definition
 * storable, and what makes a resident's response acceptable.
 */

export const SURVEY_QUESTION_KINDS = [
  'single_choice',
  'multiple_choice',
  'short_text',
  'long_text',
  'scale',
  'ranking',
] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];

export const SURVEY_LIMITS = {
  maxQuestions: 50,
  maxOptions: 30,
  minOptions: 2,
  idMax: 64,
  promptMax: 1000,
  optionLabelMax: 300,
  scaleLabelMax: 100,
  /** The widest scale: 0..10 is common (NPS); more is a number field, not a scale. */
  maxScaleSteps: 11,
  shortTextMax: 200,
  longTextMax: 5000,
} as const;

export interface SurveyOption {
  readonly id: string;
  readonly label: string;
}

interface QuestionBase {
  readonly id: string;
  readonly prompt: string;
  readonly required: boolean;
}

export interface SingleChoiceQuestion extends QuestionBase {
  readonly kind: 'single_choice';
  readonly options: readonly SurveyOption[];
}

export interface MultipleChoiceQuestion extends QuestionBase {
  readonly kind: 'multiple_choice';
  readonly options: readonly SurveyOption[];
  readonly minSelections?: number | null | undefined;
  readonly maxSelections?: number | null | undefined;
}

export interface TextQuestion extends QuestionBase {
  readonly kind: 'short_text' | 'long_text';
}

export interface ScaleQuestion extends QuestionBase {
  readonly kind: 'scale';
  readonly min: number;
  readonly max: number;
  readonly minLabel?: string | null | undefined;
  readonly maxLabel?: string | null | undefined;
}

export interface RankingQuestion extends QuestionBase {
  readonly kind: 'ranking';
  readonly options: readonly SurveyOption[];
}

export type SurveyQuestion =
  SingleChoiceQuestion | MultipleChoiceQuestion | TextQuestion | ScaleQuestion | RankingQuestion;

export interface Survey {
  readonly questions: readonly SurveyQuestion[];
}

/** One question's answer: an option id, option ids (chosen, or all of them in ranked order), a text or a number. */
export type SurveyAnswer = string | number | readonly string[];
/** A response: answers by question id; an optional question may be left out. */
export type SurveyAnswers = Readonly<Record<string, SurveyAnswer>>;

export type SurveyProblemCode =
  'too_many' | 'too_few' | 'required' | 'too_long' | 'duplicate_id' | 'bad_id' | 'bad_range';

export interface SurveyProblem {
  /** The offending part as a path: `survey.questions.2.options.1.id`. */
  readonly field: string;
  readonly code: SurveyProblemCode;
}

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

function idProblem(id: string): SurveyProblemCode | null {
  if (id === '') return 'required';
  if (id.length > SURVEY_LIMITS.idMax) return 'too_long';
  return ID_PATTERN.test(id) ? null : 'bad_id';
}

function textProblem(text: string, max: number): SurveyProblemCode | null {
  if (text.trim() === '') return 'required';
  return text.length > max ? 'too_long' : null;
}

function hasOptions(question: SurveyQuestion): question is SurveyQuestion & {
  readonly options: readonly SurveyOption[];
} {
  return (
    question.kind === 'single_choice' ||
    question.kind === 'multiple_choice' ||
    question.kind === 'ranking'
  );
}

/**
 * What stops a survey definition from being stored, each problem named by its field path: more
 * than 50 questions; a question or option id blank, malformed or used twice (ids are what
 * responses refer to); a blank or too long prompt or label; fewer than two or more than 30
 * options for choice and ranking questions; selection limits outside 1..number of options or
 * min above max; a scale whose ends are not whole numbers with min < max, at most 11 steps.
 */
export function surveyProblems(survey: Survey, prefix = 'survey'): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  const add = (field: string, code: SurveyProblemCode | null) => {
    if (code !== null) problems.push({ field, code });
  };
  if (survey.questions.length > SURVEY_LIMITS.maxQuestions) {
    add(`${prefix}.questions`, 'too_many');
  }
  const questionIds = new Set<string>();
  survey.questions.forEach((question, index) => {
    const at = `${prefix}.questions.${String(index)}`;
    const badId = idProblem(question.id);
    add(`${at}.id`, badId);
    if (badId === null && questionIds.has(question.id)) add(`${at}.id`, 'duplicate_id');
    questionIds.add(question.id);
    add(`${at}.prompt`, textProblem(question.prompt, SURVEY_LIMITS.promptMax));
    if (hasOptions(question)) {
      const { options } = question;
      if (options.length < SURVEY_LIMITS.minOptions) add(`${at}.options`, 'too_few');
      if (options.length > SURVEY_LIMITS.maxOptions) add(`${at}.options`, 'too_many');
      const optionIds = new Set<string>();
      options.forEach((option, optionIndex) => {
        const optionAt = `${at}.options.${String(optionIndex)}`;
        const badOptionId = idProblem(option.id);
        add(`${optionAt}.id`, badOptionId);
        if (badOptionId === null && optionIds.has(option.id)) {
          add(`${optionAt}.id`, 'duplicate_id');
        }
        optionIds.add(option.id);
        add(`${optionAt}.label`, textProblem(option.label, SURVEY_LIMITS.optionLabelMax));
      });
    }
    if (question.kind === 'multiple_choice') {
      const count = question.options.length;
      const min = question.minSelections ?? null;
      const max = question.maxSelections ?? null;
      const inRange = (n: number) => Number.isInteger(n) && n >= 1 && n <= count;
      if (min !== null && !inRange(min)) add(`${at}.minSelections`, 'bad_range');
      if (max !== null && !inRange(max)) add(`${at}.maxSelections`, 'bad_range');
      else if (min !== null && max !== null && inRange(min) && min > max) {
        add(`${at}.maxSelections`, 'bad_range');
      }
    }
    if (question.kind === 'scale') {
      const { min, max } = question;
      if (!Number.isInteger(min)) add(`${at}.min`, 'bad_range');
      if (!Number.isInteger(max) || max <= min || max - min + 1 > SURVEY_LIMITS.maxScaleSteps) {
        add(`${at}.max`, 'bad_range');
      }
      for (const end of ['minLabel', 'maxLabel'] as const) {
        const label = question[end];
        if (label !== null && label !== undefined && label.length > SURVEY_LIMITS.scaleLabelMax) {
          add(`${at}.${end}`, 'too_long');
        }
      }
    }
  });
  return problems;
}

export type ResponseProblemCode =
  | 'required'
  | 'unknown_question'
  | 'wrong_type'
  | 'unknown_option'
  | 'duplicate_option'
  | 'too_few'
  | 'too_many'
  | 'too_long'
  | 'out_of_range'
  | 'not_a_ranking';

export interface ResponseProblem {
  /** The question the problem is about (its id), or null for an answer to no question. */
  readonly questionId: string;
  /** `answers.<question id>` */
  readonly field: string;
  readonly code: ResponseProblemCode;
}

const isStringArray = (value: SurveyAnswer): value is readonly string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Whether an answer says nothing: a blank text or an empty selection (as good as left out). */
export function isBlankAnswer(answer: SurveyAnswer | undefined): boolean {
  if (answer === undefined) return true;
  if (typeof answer === 'string') return answer.trim() === '';
  if (typeof answer === 'number') return false;
  return answer.length === 0;
}

function answerProblem(question: SurveyQuestion, answer: SurveyAnswer): ResponseProblemCode | null {
  switch (question.kind) {
    case 'single_choice':
      if (typeof answer !== 'string') return 'wrong_type';
      return question.options.some((option) => option.id === answer) ? null : 'unknown_option';
    case 'multiple_choice': {
      if (!isStringArray(answer)) return 'wrong_type';
      const known = new Set(question.options.map((option) => option.id));
      if (answer.some((id) => !known.has(id))) return 'unknown_option';
      if (new Set(answer).size !== answer.length) return 'duplicate_option';
      const min = question.minSelections ?? 1;
      const max = question.maxSelections ?? question.options.length;
      if (answer.length < min) return 'too_few';
      return answer.length > max ? 'too_many' : null;
    }
    case 'short_text':
    case 'long_text': {
      if (typeof answer !== 'string') return 'wrong_type';
      const max =
        question.kind === 'short_text' ? SURVEY_LIMITS.shortTextMax : SURVEY_LIMITS.longTextMax;
      return answer.length > max ? 'too_long' : null;
    }
    case 'scale':
      if (typeof answer !== 'number' || !Number.isInteger(answer)) return 'wrong_type';
      return answer < question.min || answer > question.max ? 'out_of_range' : null;
    case 'ranking': {
      if (!isStringArray(answer)) return 'wrong_type';
      const known = new Set(question.options.map((option) => option.id));
      if (answer.some((id) => !known.has(id))) return 'unknown_option';
      // Every option once: a ranking orders them all, so it is a permutation of the options.
      const distinct = new Set(answer);
      return distinct.size === answer.length && distinct.size === known.size
        ? null
        : 'not_a_ranking';
    }
  }
}

/**
 * What is wrong with a response to a survey, each problem naming its question: a required
 * question unanswered (a blank text or empty selection counts as unanswered), an answer to a
 * question the survey does not have, an answer of the wrong type, an option the question does
 * not offer or chosen twice, fewer or more choices than the question allows, a text longer than
 * 200 (short) or 5000 (long) characters, a scale value outside its range or not whole, a ranking
 * that is not an order of all the options.
 */
export function responseProblems(survey: Survey, answers: SurveyAnswers): ResponseProblem[] {
  const problems: ResponseProblem[] = [];
  const byId = new Map(survey.questions.map((question) => [question.id, question]));
  for (const questionId of Object.keys(answers)) {
    if (!byId.has(questionId)) {
      problems.push({ questionId, field: `answers.${questionId}`, code: 'unknown_question' });
    }
  }
  for (const question of survey.questions) {
    const field = `answers.${question.id}`;
    const answer = Object.prototype.hasOwnProperty.call(answers, question.id)
      ? answers[question.id]
      : undefined;
    if (isBlankAnswer(answer)) {
      if (question.required) problems.push({ questionId: question.id, field, code: 'required' });
      continue;
    }
    const code = answerProblem(question, answer as SurveyAnswer);
    if (code !== null) problems.push({ questionId: question.id, field, code });
  }
  return problems;
}

/**
 * A response as it is stored: blank answers to optional questions dropped and texts trimmed, so
 * that results never count an empty answer as one.
 */
export function normalizeResponse(survey: Survey, answers: SurveyAnswers): SurveyAnswers {
  const normalized: Record<string, SurveyAnswer> = {};
  for (const question of survey.questions) {
    const answer = Object.prototype.hasOwnProperty.call(answers, question.id)
      ? answers[question.id]
      : undefined;
    if (answer === undefined || isBlankAnswer(answer)) continue;
    normalized[question.id] = typeof answer === 'string' ? answer.trim() : answer;
  }
  return normalized;
}
