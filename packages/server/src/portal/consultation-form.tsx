import { RESIDENT_NAME_MAX, SURVEY_LIMITS, type ResponseProblemCode } from '@veche/domain';
import type { SurveyAnswersMessage, SurveyMessage, SurveyQuestionMessage } from '@veche/protocol';
import type { PageContext } from './portal-layout.js';
import type { PortalKey } from './portal-texts.js';

/*
 * The survey as a plain HTML form, shared by a consultation's page (a new response) and the
 * e-mailed link's page (editing it). Each question's controls are named by its place (`q0`,
 * `q0-1` for an option), not by its id, so that any id the office chose makes a valid name; the
 * route reads them back into answers with `answersFromForm`.
 */

/** The form's raw values by control name, as sent (and sent back to refill the form). */
export type FormValues = Readonly<Record<string, string>>;

/** A field of a consultation's forms and what is wrong with it, as the page words it. */
export interface FormProblem {
  /** `name`, `email`, `consent`, `text`, `attachment`, `form`, or a question's `q<index>`. */
  readonly field: string;
  readonly key: PortalKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Scales longer than this are a number field rather than a row of radio buttons. */
const SCALE_RADIOS_MAX = 11;

const optionName = (index: number, option: number) => `q${String(index)}-${String(option)}`;
const questionName = (index: number) => `q${String(index)}`;

/** The element a problem's link in the summary leads to. */
export function anchorOf(field: string, survey: SurveyMessage | null, prefix = 'c'): string {
  const match = /^q(\d+)$/.exec(field);
  if (match === null || survey === null) return `${prefix}-${field}`;
  const index = Number(match[1]);
  const question = survey.questions[index];
  if (question === undefined) return 'c-form';
  const scaleAsRadios =
    question.kind === 'scale' && question.max - question.min + 1 <= SCALE_RADIOS_MAX;
  const grouped =
    question.kind === 'single_choice' ||
    question.kind === 'multiple_choice' ||
    question.kind === 'ranking' ||
    scaleAsRadios;
  return grouped ? `c-${optionName(index, 0)}` : `c-${questionName(index)}`;
}

/**
 * The answers a submitted form gives, and the rankings that are not orders (a place given twice
 * or left out), which the form itself must name since the answer cannot carry them.
 */
export function answersFromForm(
  survey: SurveyMessage,
  values: FormValues,
): { answers: SurveyAnswersMessage; unordered: number[] } {
  const answers: Record<string, string | number | string[]> = {};
  const unordered: number[] = [];
  survey.questions.forEach((question, index) => {
    const value = (values[questionName(index)] ?? '').trim();
    switch (question.kind) {
      case 'single_choice':
      case 'short_text':
      case 'long_text':
        if (value !== '') answers[question.id] = value;
        return;
      case 'scale':
        // A value that is not a whole number stays a text, which the domain calls the wrong type.
        if (value !== '') answers[question.id] = /^-?\d+$/.test(value) ? Number(value) : value;
        return;
      case 'multiple_choice': {
        const chosen = question.options
          .filter((_option, option) => (values[optionName(index, option)] ?? '') !== '')
          .map((option) => option.id);
        if (chosen.length > 0) answers[question.id] = chosen;
        return;
      }
      case 'ranking': {
        const places = question.options.map((option, at) => ({
          id: option.id,
          place: Number(values[optionName(index, at)] ?? ''),
        }));
        const given = places.filter((entry) => entry.place > 0);
        if (given.length === 0) return;
        const distinct = new Set(given.map((entry) => entry.place));
        if (given.length !== places.length || distinct.size !== given.length) {
          unordered.push(index);
          return;
        }
        answers[question.id] = [...places].sort((a, b) => a.place - b.place).map((e) => e.id);
        return;
      }
    }
  });
  return { answers, unordered };
}

/** A stored response as the form's values, to refill the form for editing. */
export function formFromAnswers(
  survey: SurveyMessage,
  answers: SurveyAnswersMessage,
): Record<string, string> {
  const values: Record<string, string> = {};
  survey.questions.forEach((question, index) => {
    const answer = answers[question.id];
    if (answer === undefined) return;
    if (question.kind === 'multiple_choice' && Array.isArray(answer)) {
      question.options.forEach((option, at) => {
        if (answer.includes(option.id)) values[optionName(index, at)] = 'on';
      });
    } else if (question.kind === 'ranking' && Array.isArray(answer)) {
      question.options.forEach((option, at) => {
        const place = answer.indexOf(option.id);
        if (place >= 0) values[optionName(index, at)] = String(place + 1);
      });
    } else if (!Array.isArray(answer)) {
      values[questionName(index)] = String(answer);
    }
  });
  return values;
}

const PROBLEM_KEYS: Readonly<Record<ResponseProblemCode, PortalKey>> = {
  required: 'consult.problem.required',
  too_few: 'consult.problem.tooFew',
  too_many: 'consult.problem.tooMany',
  too_long: 'consult.problem.tooLong',
  out_of_range: 'consult.problem.outOfRange',
  not_a_ranking: 'consult.problem.notARanking',
  unknown_question: 'consult.problem.invalid',
  wrong_type: 'consult.problem.invalid',
  unknown_option: 'consult.problem.invalid',
  duplicate_option: 'consult.problem.invalid',
};

/** The domain's problem with an answer as the form words it, on the question's field. */
export function questionProblem(
  survey: SurveyMessage,
  questionId: string,
  code: string,
): FormProblem {
  const index = survey.questions.findIndex((question) => question.id === questionId);
  const key = PROBLEM_KEYS[code as ResponseProblemCode] ?? 'consult.problem.invalid';
  return { field: index < 0 ? 'form' : questionName(index), key };
}

/** How each problem is shown: on its field, and in the summary naming the field. */
export function problemTools(
  context: PageContext,
  problems: readonly FormProblem[],
  survey: SurveyMessage | null,
  /** Ids of the form's controls start with it, so that two forms on a page never share one. */
  prefix = 'c',
) {
  const { t } = context;
  const problemOf = (field: string) => problems.find((problem) => problem.field === field);
  const errorId = (field: string) => `${prefix}-${field}-error`;
  const described = (field: string, hint?: string) => {
    const ids = [hint, problemOf(field) ? errorId(field) : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  };
  const invalid = (field: string) => (problemOf(field) ? true : undefined);
  const ErrorOf = ({ field }: { field: string }) => {
    const problem = problemOf(field);
    return problem ? (
      <span id={errorId(field)} className="warning">
        {t(problem.key, problem.params)}
      </span>
    ) : null;
  };
  const labelOf = (field: string, labels: Readonly<Record<string, string>>): string | null => {
    const match = /^q(\d+)$/.exec(field);
    if (match !== null && survey !== null) {
      const question = survey.questions[Number(match[1])];
      return question === undefined
        ? null
        : t('consult.questionNumbered', { number: Number(match[1]) + 1, prompt: question.prompt });
    }
    return labels[field] ?? null;
  };
  const Summary = ({
    heading,
    labels,
  }: {
    heading: string;
    labels: Readonly<Record<string, string>>;
  }) =>
    problems.length === 0 ? null : (
      <div className="problems" role="alert" aria-labelledby="problems-heading">
        <h2 id="problems-heading">{heading}</h2>
        <ul>
          {problems.map((problem) => {
            const label = labelOf(problem.field, labels);
            const text = t(problem.key, problem.params);
            return (
              <li key={problem.field}>
                <a href={`#${anchorOf(problem.field, survey, prefix)}`}>
                  {label === null ? text : `${label}: ${text}`}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    );
  return { prefix, problemOf, described, invalid, ErrorOf, Summary };
}

type Tools = ReturnType<typeof problemTools>;

function RequiredMark({ context, required }: { context: PageContext; required: boolean }) {
  return (
    <span className="marker"> {context.t(required ? 'consult.required' : 'consult.optional')}</span>
  );
}

/** One question's controls. */
function QuestionField({
  context,
  question,
  index,
  values,
  tools,
}: {
  context: PageContext;
  question: SurveyQuestionMessage;
  index: number;
  values: FormValues;
  tools: Tools;
}) {
  const { t } = context;
  const name = questionName(index);
  const field = name;
  const hintId = `c-${name}-hint`;
  const { described, invalid, ErrorOf } = tools;
  const prompt = (
    <>
      {question.prompt}
      <RequiredMark context={context} required={question.required} />
    </>
  );
  switch (question.kind) {
    case 'short_text':
    case 'long_text': {
      const max =
        question.kind === 'short_text' ? SURVEY_LIMITS.shortTextMax : SURVEY_LIMITS.longTextMax;
      const common = {
        id: `c-${name}`,
        name,
        maxLength: max,
        required: question.required,
        defaultValue: values[name],
        'aria-invalid': invalid(field),
        'aria-describedby': described(field),
      };
      return (
        <div className="question">
          <label htmlFor={`c-${name}`}>{prompt}</label>
          {question.kind === 'short_text' ? (
            <input type="text" {...common} />
          ) : (
            <textarea rows={6} {...common} />
          )}
          <ErrorOf field={field} />
        </div>
      );
    }
    case 'scale': {
      const ends =
        question.minLabel || question.maxLabel
          ? t('consult.hint.scale', {
              min: question.min,
              minLabel: question.minLabel ?? String(question.min),
              max: question.max,
              maxLabel: question.maxLabel ?? String(question.max),
            })
          : t('consult.hint.scaleBare', { min: question.min, max: question.max });
      if (question.max - question.min + 1 > SCALE_RADIOS_MAX) {
        return (
          <div className="question">
            <label htmlFor={`c-${name}`}>{prompt}</label>
            <input
              id={`c-${name}`}
              name={name}
              type="number"
              min={question.min}
              max={question.max}
              step={1}
              required={question.required}
              defaultValue={values[name]}
              aria-invalid={invalid(field)}
              aria-describedby={described(field, hintId)}
            />
            <span id={hintId} className="meta">
              {ends}
            </span>
            <ErrorOf field={field} />
          </div>
        );
      }
      const points: number[] = [];
      for (let value = question.min; value <= question.max; value += 1) points.push(value);
      return (
        <fieldset className="question choices" aria-describedby={described(field, hintId)}>
          <legend>{prompt}</legend>
          <span id={hintId} className="meta">
            {ends}
          </span>
          <div className="scale">
            {points.map((value, at) => (
              <label key={value} className="choice">
                <input
                  id={`c-${optionName(index, at)}`}
                  type="radio"
                  name={name}
                  value={String(value)}
                  required={question.required}
                  defaultChecked={values[name] === String(value)}
                  aria-invalid={invalid(field)}
                />
                {value === question.min && question.minLabel
                  ? `${String(value)} (${question.minLabel})`
                  : value === question.max && question.maxLabel
                    ? `${String(value)} (${question.maxLabel})`
                    : String(value)}
              </label>
            ))}
          </div>
          <ErrorOf field={field} />
        </fieldset>
      );
    }
    case 'single_choice':
      return (
        <fieldset className="question choices" aria-describedby={described(field)}>
          <legend>{prompt}</legend>
          {question.options.map((option, at) => (
            <label key={option.id} className="choice">
              <input
                id={`c-${optionName(index, at)}`}
                type="radio"
                name={name}
                value={option.id}
                required={question.required}
                defaultChecked={values[name] === option.id}
                aria-invalid={invalid(field)}
              />
              {option.label}
            </label>
          ))}
          <ErrorOf field={field} />
        </fieldset>
      );
    case 'multiple_choice': {
      const min = question.minSelections ?? null;
      const max = question.maxSelections ?? null;
      const hint =
        min !== null || max !== null
          ? t('consult.hint.between', {
              min: min ?? 1,
              max: max ?? question.options.length,
            })
          : t('consult.hint.any');
      return (
        <fieldset className="question choices" aria-describedby={described(field, hintId)}>
          <legend>{prompt}</legend>
          <span id={hintId} className="meta">
            {hint}
          </span>
          {question.options.map((option, at) => (
            <label key={option.id} className="choice">
              <input
                id={`c-${optionName(index, at)}`}
                type="checkbox"
                name={optionName(index, at)}
                value="on"
                defaultChecked={(values[optionName(index, at)] ?? '') !== ''}
                aria-invalid={invalid(field)}
              />
              {option.label}
            </label>
          ))}
          <ErrorOf field={field} />
        </fieldset>
      );
    }
    case 'ranking':
      return (
        <fieldset className="question" aria-describedby={described(field, hintId)}>
          <legend>{prompt}</legend>
          <span id={hintId} className="meta">
            {t('consult.hint.ranking', { count: question.options.length })}
          </span>
          {question.options.map((option, at) => (
            <p key={option.id} className="rank">
              <label htmlFor={`c-${optionName(index, at)}`}>{option.label}</label>
              <select
                id={`c-${optionName(index, at)}`}
                name={optionName(index, at)}
                required={question.required}
                defaultValue={values[optionName(index, at)] ?? ''}
                aria-invalid={invalid(field)}
              >
                <option value="">{t('consult.rankNone')}</option>
                {question.options.map((_other, place) => (
                  <option key={place} value={String(place + 1)}>
                    {t('consult.rankPlace', { place: place + 1 })}
                  </option>
                ))}
              </select>
            </p>
          ))}
          <ErrorOf field={field} />
        </fieldset>
      );
  }
}

/** Every question of the survey, in order. */
export function SurveyFields({
  context,
  survey,
  values,
  tools,
}: {
  context: PageContext;
  survey: SurveyMessage;
  values: FormValues;
  tools: Tools;
}) {
  return (
    <>
      {survey.questions.map((question, index) => (
        <QuestionField
          key={question.id}
          context={context}
          question={question}
          index={index}
          values={values}
          tools={tools}
        />
      ))}
    </>
  );
}

/** The resident's name, e-mail (optional: not asked again when editing) and consent. */
export function ResidentFields({
  context,
  values,
  tools,
  withEmail,
  emailHint,
}: {
  context: PageContext;
  values: FormValues;
  tools: Tools;
  withEmail: boolean;
  emailHint: string;
}) {
  const { t } = context;
  const { described, invalid, ErrorOf, prefix } = tools;
  const id = (field: string) => `${prefix}-${field}`;
  return (
    <>
      <p>
        <label htmlFor={id('name')}>{t('speak.name')}</label>
        <input
          id={id('name')}
          name="name"
          type="text"
          autoComplete="name"
          maxLength={RESIDENT_NAME_MAX}
          required
          defaultValue={values.name}
          aria-invalid={invalid('name')}
          aria-describedby={described('name')}
        />
        <ErrorOf field="name" />
      </p>
      {withEmail && (
        <p>
          <label htmlFor={id('email')}>{t('speak.email')}</label>
          <input
            id={id('email')}
            name="email"
            type="email"
            autoComplete="email"
            maxLength={254}
            required
            defaultValue={values.email}
            aria-invalid={invalid('email')}
            aria-describedby={described('email', id('email-hint'))}
          />
          <span id={id('email-hint')} className="meta">
            {emailHint}
          </span>
          <ErrorOf field="email" />
        </p>
      )}
      <p>
        <label className="choice" htmlFor={id('consent')}>
          <input
            id={id('consent')}
            name="consent"
            type="checkbox"
            value="yes"
            defaultChecked={values.consent === 'yes'}
          />
          {t('consult.consent')}
        </label>
      </p>
    </>
  );
}

/** The honeypot, hidden from eyes and screen readers alike, which only programs fill in. */
export function Honeypot({ context, idPrefix }: { context: PageContext; idPrefix: string }) {
  return (
    <div hidden>
      <label htmlFor={`${idPrefix}-website`}>{context.t('speak.honeypot')}</label>
      <input
        id={`${idPrefix}-website`}
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
      />
    </div>
  );
}
