import type { SurveyMessage, SurveyQuestionMessage } from '@veche/protocol';
import { useTranslation } from 'react-i18next';

interface Props {
  survey: SurveyMessage;
  /** Tells the preview's fields apart from the builder's on the same page. */
  idPrefix: string;
}

/**
 * The survey as residents will see it, read only: each question a group named by its prompt,
 * with the controls of its kind (disabled, so nothing is filled in by mistake).
 */
export function SurveyPreview({ survey, idPrefix }: Props) {
  const { t } = useTranslation();
  if (survey.questions.length === 0) {
    return <p className="empty">{t('consultations.preview.empty')}</p>;
  }
  return (
    <form className="survey-preview" aria-label={t('consultations.preview.formLabel')}>
      <ol className="survey-preview__questions">
        {survey.questions.map((question, index) => (
          <li key={question.id}>
            <PreviewQuestion
              question={question}
              id={`${idPrefix}-${String(index)}`}
              number={index + 1}
            />
          </li>
        ))}
      </ol>
    </form>
  );
}

function PreviewQuestion({
  question,
  id,
  number,
}: {
  question: SurveyQuestionMessage;
  id: string;
  number: number;
}) {
  const { t } = useTranslation();
  const prompt =
    question.prompt.trim() === '' ? t('consultations.preview.noPrompt') : question.prompt;
  const mark = question.required
    ? t('consultations.preview.required')
    : t('consultations.preview.optional');
  const title = `${String(number)}. ${prompt} (${mark})`;

  if (question.kind === 'short_text' || question.kind === 'long_text') {
    return (
      <div className="field">
        <label htmlFor={id}>{title}</label>
        {question.kind === 'short_text' ? (
          <input id={id} type="text" disabled />
        ) : (
          <textarea id={id} rows={4} disabled />
        )}
      </div>
    );
  }

  let hint: string | null = null;
  let body;
  switch (question.kind) {
    case 'single_choice':
    case 'multiple_choice':
      body = question.options.map((option) => (
        <label key={option.id} className="consultations__check">
          <input
            type={question.kind === 'single_choice' ? 'radio' : 'checkbox'}
            name={id}
            disabled
          />
          <span>{option.label}</span>
        </label>
      ));
      if (question.kind === 'multiple_choice') {
        const min = question.minSelections ?? null;
        const max = question.maxSelections ?? null;
        hint =
          min !== null && max !== null
            ? t('consultations.preview.chooseBetween', { min, max })
            : min !== null
              ? t('consultations.preview.chooseAtLeast', { min })
              : max !== null
                ? t('consultations.preview.chooseAtMost', { max })
                : t('consultations.preview.chooseAny');
      }
      break;
    case 'scale': {
      const steps: number[] = [];
      if (Number.isInteger(question.min) && Number.isInteger(question.max)) {
        for (let value = question.min; value <= question.max && steps.length < 11; value++) {
          steps.push(value);
        }
      }
      hint =
        question.minLabel || question.maxLabel
          ? t('consultations.preview.scaleEnds', {
              min: question.min,
              minLabel: question.minLabel ?? '',
              max: question.max,
              maxLabel: question.maxLabel ?? '',
            })
          : null;
      body = (
        <div className="survey-preview__scale">
          {steps.map((value) => (
            <label key={value} className="consultations__check">
              <input type="radio" name={id} disabled />
              <span>{value}</span>
            </label>
          ))}
        </div>
      );
      break;
    }
    case 'ranking':
      hint = t('consultations.preview.rankHint');
      body = (
        <ol className="survey-preview__ranking">
          {question.options.map((option, index) => (
            <li key={option.id}>
              <label className="consultations__rank" htmlFor={`${id}-${option.id}`}>
                <span>{option.label}</span>
                <select id={`${id}-${option.id}`} disabled defaultValue={String(index + 1)}>
                  {question.options.map((_, place) => (
                    <option key={place} value={String(place + 1)}>
                      {String(place + 1)}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          ))}
        </ol>
      );
      break;
  }

  return (
    <fieldset
      className="survey-preview__question"
      aria-describedby={hint === null ? undefined : `${id}-hint`}
    >
      <legend>{title}</legend>
      {hint !== null && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {body}
    </fieldset>
  );
}
