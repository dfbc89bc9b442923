import {
  SURVEY_LIMITS,
  surveyProblems,
  type SurveyProblem,
  type SurveyQuestionKind,
} from '@veche/domain';
import type { SurveyMessage, SurveyQuestionMessage } from '@veche/protocol';

/*
 * The survey builder's state and its operations, kept apart from React so that each is a plain
 * function with a test. Numbers are kept as the text typed in their fields (an empty limit means
 * none); every question keeps the parts of all kinds, so switching kind and back loses nothing.
 * Question and option ids are made here, never typed: they are what responses refer to, and the
 * office has no reason to see them.
 */

export interface DraftOption {
  readonly id: string;
  readonly label: string;
}

export interface DraftQuestion {
  readonly id: string;
  readonly kind: SurveyQuestionKind;
  readonly prompt: string;
  readonly required: boolean;
  readonly options: readonly DraftOption[];
  readonly minSelections: string;
  readonly maxSelections: string;
  readonly min: string;
  readonly max: string;
  readonly minLabel: string;
  readonly maxLabel: string;
}

export type DraftSurvey = readonly DraftQuestion[];

/** Whether a kind has options to choose or rank. */
export function kindHasOptions(kind: SurveyQuestionKind): boolean {
  return kind === 'single_choice' || kind === 'multiple_choice' || kind === 'ranking';
}

/** The first of `prefix1`, `prefix2`, ... that no item uses. */
function freshId(prefix: string, taken: readonly { readonly id: string }[]): string {
  const used = new Set(taken.map((item) => item.id));
  let n = taken.length + 1;
  while (used.has(`${prefix}${String(n)}`)) n += 1;
  return `${prefix}${String(n)}`;
}

/** A new question of a kind: a choice starts with two empty options, a scale runs 1 to 5. */
export function newQuestion(kind: SurveyQuestionKind, survey: DraftSurvey): DraftQuestion {
  return {
    id: freshId('q', survey),
    kind,
    prompt: '',
    required: true,
    options: kindHasOptions(kind)
      ? [
          { id: 'o1', label: '' },
          { id: 'o2', label: '' },
        ]
      : [],
    minSelections: '',
    maxSelections: '',
    min: '1',
    max: '5',
    minLabel: '',
    maxLabel: '',
  };
}

/** Adds a question at the end. */
export function addQuestion(survey: DraftSurvey, kind: SurveyQuestionKind): DraftSurvey {
  return [...survey, newQuestion(kind, survey)];
}

export function removeQuestion(survey: DraftSurvey, index: number): DraftSurvey {
  return survey.filter((_, at) => at !== index);
}

function moved<T>(items: readonly T[], index: number, by: -1 | 1): readonly T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/** Moves a question one place up (-1) or down (1); at either end nothing changes. */
export function moveQuestion(survey: DraftSurvey, index: number, by: -1 | 1): DraftSurvey {
  return moved(survey, index, by);
}

export type QuestionPatch = Partial<Omit<DraftQuestion, 'id' | 'kind' | 'options'>>;

export function updateQuestion(
  survey: DraftSurvey,
  index: number,
  patch: QuestionPatch,
): DraftSurvey {
  return survey.map((question, at) => (at === index ? { ...question, ...patch } : question));
}

/**
 * Changes a question's kind. Its prompt, options and limits stay; a kind with options that had
 * none gets the two a new choice starts with.
 */
export function changeKind(
  survey: DraftSurvey,
  index: number,
  kind: SurveyQuestionKind,
): DraftSurvey {
  return survey.map((question, at) => {
    if (at !== index) return question;
    const options =
      kindHasOptions(kind) && question.options.length === 0
        ? newQuestion(kind, []).options
        : question.options;
    return { ...question, kind, options };
  });
}

function withOptions(
  survey: DraftSurvey,
  index: number,
  change: (options: readonly DraftOption[]) => readonly DraftOption[],
): DraftSurvey {
  return survey.map((question, at) =>
    at === index ? { ...question, options: change(question.options) } : question,
  );
}

export function addOption(survey: DraftSurvey, index: number): DraftSurvey {
  return withOptions(survey, index, (options) => [
    ...options,
    { id: freshId('o', options), label: '' },
  ]);
}

export function removeOption(survey: DraftSurvey, index: number, option: number): DraftSurvey {
  return withOptions(survey, index, (options) => options.filter((_, at) => at !== option));
}

export function moveOption(
  survey: DraftSurvey,
  index: number,
  option: number,
  by: -1 | 1,
): DraftSurvey {
  return withOptions(survey, index, (options) => moved(options, option, by));
}

export function renameOption(
  survey: DraftSurvey,
  index: number,
  option: number,
  label: string,
): DraftSurvey {
  return withOptions(survey, index, (options) =>
    options.map((item, at) => (at === option ? { ...item, label } : item)),
  );
}

/** A typed number: empty is none (null), anything not a number is NaN (which the rules refuse). */
function numberOf(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

const labelOf = (text: string) => (text.trim() === '' ? null : text.trim());

/** One question in the API's shape: only the parts of its kind, texts trimmed. */
export function toQuestion(question: DraftQuestion): SurveyQuestionMessage {
  const base = { id: question.id, prompt: question.prompt.trim(), required: question.required };
  const options = question.options.map((option) => ({
    id: option.id,
    label: option.label.trim(),
  }));
  switch (question.kind) {
    case 'single_choice':
    case 'ranking':
      return { ...base, kind: question.kind, options };
    case 'multiple_choice':
      return {
        ...base,
        kind: 'multiple_choice',
        options,
        minSelections: numberOf(question.minSelections),
        maxSelections: numberOf(question.maxSelections),
      };
    case 'short_text':
    case 'long_text':
      return { ...base, kind: question.kind };
    case 'scale':
      return {
        ...base,
        kind: 'scale',
        // A missing end is NaN, refused by the rules like any other unreadable one.
        min: numberOf(question.min) ?? Number.NaN,
        max: numberOf(question.max) ?? Number.NaN,
        minLabel: labelOf(question.minLabel),
        maxLabel: labelOf(question.maxLabel),
      };
  }
}

/** The survey in the API's shape. */
export function toSurvey(survey: DraftSurvey): SurveyMessage {
  return { questions: survey.map(toQuestion) };
}

const textOf = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** A stored survey as the builder edits it. */
export function fromSurvey(survey: SurveyMessage): DraftSurvey {
  return survey.questions.map((question) => {
    const draft: DraftQuestion = {
      ...newQuestion(question.kind, []),
      id: question.id,
      prompt: question.prompt,
      required: question.required,
      options: [],
    };
    switch (question.kind) {
      case 'single_choice':
      case 'ranking':
        return { ...draft, options: question.options };
      case 'multiple_choice':
        return {
          ...draft,
          options: question.options,
          minSelections: textOf(question.minSelections),
          maxSelections: textOf(question.maxSelections),
        };
      case 'short_text':
      case 'long_text':
        return draft;
      case 'scale':
        return {
          ...draft,
          min: String(question.min),
          max: String(question.max),
          minLabel: question.minLabel ?? '',
          maxLabel: question.maxLabel ?? '',
        };
    }
  });
}

/**
 * Where a problem is shown: its field path as the builder's fields are named. Ids are made by
 * the builder, so a problem with one (only a survey edited elsewhere could have it) is shown at
 * what the office can change: the question's prompt or the option's label.
 */
export function problemField(field: string): string {
  const option = /^(survey\.questions\.\d+\.options\.\d+)\.id$/.exec(field);
  if (option?.[1] !== undefined) return `${option[1]}.label`;
  const question = /^(survey\.questions\.\d+)\.id$/.exec(field);
  if (question?.[1] !== undefined) return `${question[1]}.prompt`;
  return field;
}

/** The problems by the field that shows them; the first problem of a field is the one shown. */
export function problemsByField(
  problems: readonly { readonly field: string; readonly code: string }[],
): ReadonlyMap<string, string> {
  const byField = new Map<string, string>();
  for (const problem of problems) {
    const field = problemField(problem.field);
    if (!byField.has(field)) byField.set(field, problem.code);
  }
  return byField;
}

/** The domain's problems of the survey being built, by field. */
export function builderProblems(survey: DraftSurvey): ReadonlyMap<string, string> {
  const problems: SurveyProblem[] = surveyProblems(toSurvey(survey));
  return problemsByField(problems);
}

/** The DOM id of a field path: `survey.questions.0.prompt` is `survey-questions-0-prompt`. */
export function fieldId(field: string): string {
  return field.replace(/\./g, '-');
}

/** Whether another question may be added (the rules allow 50). */
export function mayAddQuestion(survey: DraftSurvey): boolean {
  return survey.length < SURVEY_LIMITS.maxQuestions;
}

export function mayAddOption(question: DraftQuestion): boolean {
  return question.options.length < SURVEY_LIMITS.maxOptions;
}
