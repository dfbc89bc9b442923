import { SURVEY_QUESTION_KINDS, type SurveyQuestionKind } from '@veche/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '../forms/fields.component';
import {
  addOption,
  addQuestion,
  changeKind,
  fieldId,
  kindHasOptions,
  mayAddOption,
  mayAddQuestion,
  moveOption,
  moveQuestion,
  removeOption,
  removeQuestion,
  renameOption,
  updateQuestion,
  type DraftQuestion,
  type DraftSurvey,
} from './survey-builder';

interface Props {
  survey: DraftSurvey;
  onChange: (survey: DraftSurvey) => void;
  /** Translated problems by field path (`survey.questions.0.prompt`); empty until a save. */
  problemOf: (field: string) => string | null;
}

/** The DOM id of a field of the survey. */
export const surveyFieldId = (field: string) => `consultation-${fieldId(field)}`;

/**
 * The survey builder: questions in order, each a group with its prompt, kind, whether it must
 * be answered, and what its kind needs (options, selection limits, a scale's ends). Every
 * button names the question or option it acts on; after an addition the focus goes to what was
 * added, after a removal to what follows it, after a move it stays on the moved item's button.
 */
export function SurveyBuilder({ survey, onChange, problemOf }: Props) {
  const { t } = useTranslation();
  const [newKind, setNewKind] = useState<SurveyQuestionKind>('single_choice');
  // Where the focus goes once the change is drawn (the element may not exist before).
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });
  const setFocusId = (id: string) => {
    pendingFocus.current = id;
  };

  const at = (index: number) => `survey.questions.${String(index)}`;
  const kindOptions = SURVEY_QUESTION_KINDS.map((kind) => ({
    value: kind,
    label: t(`consultations.kinds.${kind}`),
  }));

  const add = () => {
    onChange(addQuestion(survey, newKind));
    setFocusId(surveyFieldId(`${at(survey.length)}.prompt`));
  };

  const remove = (index: number) => {
    const rest = removeQuestion(survey, index);
    onChange(rest);
    setFocusId(
      rest.length === 0
        ? 'consultation-new-question-kind'
        : `consultation-question-${String(Math.min(index, rest.length - 1))}-heading`,
    );
  };

  const move = (index: number, by: -1 | 1) => {
    onChange(moveQuestion(survey, index, by));
    const target = index + by;
    const edge = by === -1 ? target === 0 : target === survey.length - 1;
    // At an end its own button is disabled: the focus goes to the other one.
    const direction = edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    setFocusId(`consultation-question-${String(target)}-${direction}`);
  };

  return (
    <div className="survey-builder">
      {survey.length === 0 && <p className="empty">{t('consultations.builder.none')}</p>}
      <ol className="survey-builder__questions">
        {survey.map((question, index) => (
          <li key={question.id}>
            <QuestionEditor
              question={question}
              index={index}
              count={survey.length}
              problemOf={problemOf}
              kindOptions={kindOptions}
              onPatch={(patch) => onChange(updateQuestion(survey, index, patch))}
              onKind={(kind) => onChange(changeKind(survey, index, kind))}
              onMove={(by) => move(index, by)}
              onRemove={() => remove(index)}
              onAddOption={() => {
                onChange(addOption(survey, index));
                setFocusId(
                  surveyFieldId(`${at(index)}.options.${String(question.options.length)}.label`),
                );
              }}
              onRemoveOption={(option) => {
                const next = removeOption(survey, index, option);
                onChange(next);
                const left = next[index]?.options.length ?? 0;
                setFocusId(
                  left === 0
                    ? `consultation-question-${String(index)}-add-option`
                    : surveyFieldId(
                        `${at(index)}.options.${String(Math.min(option, left - 1))}.label`,
                      ),
                );
              }}
              onMoveOption={(option, by) => {
                onChange(moveOption(survey, index, option, by));
                setFocusId(surveyFieldId(`${at(index)}.options.${String(option + by)}.label`));
              }}
              onRenameOption={(option, label) =>
                onChange(renameOption(survey, index, option, label))
              }
            />
          </li>
        ))}
      </ol>
      {problemOf('survey.questions') !== null && (
        <p className="field__error" role="alert">
          {problemOf('survey.questions')}
        </p>
      )}
      <div className="survey-builder__add">
        <SelectField
          id="consultation-new-question-kind"
          label={t('consultations.builder.newKind')}
          value={newKind}
          onChange={(value) => setNewKind(value as SurveyQuestionKind)}
          error={null}
          options={kindOptions}
        />
        <button
          type="button"
          className="button button--quiet"
          disabled={!mayAddQuestion(survey)}
          onClick={add}
        >
          {t('consultations.builder.addQuestion')}
        </button>
      </div>
    </div>
  );
}

interface QuestionProps {
  question: DraftQuestion;
  index: number;
  count: number;
  problemOf: (field: string) => string | null;
  kindOptions: readonly { value: string; label: string }[];
  onPatch: (patch: Partial<DraftQuestion>) => void;
  onKind: (kind: SurveyQuestionKind) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onAddOption: () => void;
  onRemoveOption: (option: number) => void;
  onMoveOption: (option: number, by: -1 | 1) => void;
  onRenameOption: (option: number, label: string) => void;
}

function QuestionEditor({
  question,
  index,
  count,
  problemOf,
  kindOptions,
  onPatch,
  onKind,
  onMove,
  onRemove,
  onAddOption,
  onRemoveOption,
  onMoveOption,
  onRenameOption,
}: QuestionProps) {
  const { t } = useTranslation();
  const number = index + 1;
  const path = `survey.questions.${String(index)}`;
  const base = `consultation-question-${String(index)}`;
  const optionsProblem = problemOf(`${path}.options`);
  const field = (name: string) => ({
    id: surveyFieldId(`${path}.${name}`),
    error: problemOf(`${path}.${name}`),
  });

  return (
    <fieldset className="survey-question">
      <legend id={`${base}-heading`} tabIndex={-1}>
        {t('consultations.builder.questionLegend', {
          number,
          kind: t(`consultations.kinds.${question.kind}`),
        })}
      </legend>
      <InputField
        {...field('prompt')}
        label={t('consultations.builder.prompt', { number })}
        value={question.prompt}
        onChange={(prompt) => onPatch({ prompt })}
      />
      <SelectField
        id={`${base}-kind`}
        label={t('consultations.builder.kind', { number })}
        value={question.kind}
        onChange={(kind) => onKind(kind as SurveyQuestionKind)}
        error={null}
        options={kindOptions}
      />
      <label className="consultations__check" htmlFor={`${base}-required`}>
        <input
          id={`${base}-required`}
          type="checkbox"
          checked={question.required}
          onChange={(event) => onPatch({ required: event.target.checked })}
        />
        <span>{t('consultations.builder.required', { number })}</span>
      </label>

      {kindHasOptions(question.kind) && (
        <fieldset
          className="survey-question__options"
          aria-describedby={optionsProblem === null ? undefined : `${base}-options-error`}
        >
          <legend>{t('consultations.builder.optionsLegend', { number })}</legend>
          {optionsProblem !== null && (
            <p id={`${base}-options-error`} className="field__error">
              <span className="field__error-icon" aria-hidden="true">
                !
              </span>
              {optionsProblem}
            </p>
          )}
          <ol className="survey-question__option-list">
            {question.options.map((option, optionIndex) => {
              const optionNumber = optionIndex + 1;
              const names = { number, option: optionNumber };
              return (
                <li key={option.id} className="survey-option">
                  <InputField
                    {...field(`options.${String(optionIndex)}.label`)}
                    label={t('consultations.builder.optionLabel', names)}
                    value={option.label}
                    onChange={(label) => onRenameOption(optionIndex, label)}
                  />
                  <div className="survey-option__actions">
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('consultations.builder.optionUpNamed', names)}
                      disabled={optionIndex === 0}
                      onClick={() => onMoveOption(optionIndex, -1)}
                    >
                      {t('consultations.builder.up')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('consultations.builder.optionDownNamed', names)}
                      disabled={optionIndex === question.options.length - 1}
                      onClick={() => onMoveOption(optionIndex, 1)}
                    >
                      {t('consultations.builder.down')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('consultations.builder.removeOptionNamed', names)}
                      onClick={() => onRemoveOption(optionIndex)}
                    >
                      {t('consultations.builder.remove')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <button
            id={`${base}-add-option`}
            type="button"
            className="button button--quiet"
            disabled={!mayAddOption(question)}
            onClick={onAddOption}
          >
            {t('consultations.builder.addOptionNamed', { number })}
          </button>
        </fieldset>
      )}

      {question.kind === 'multiple_choice' && (
        <div className="survey-question__pair">
          <InputField
            {...field('minSelections')}
            type="number"
            label={t('consultations.builder.minSelections', { number })}
            hint={t('consultations.builder.selectionsHint')}
            value={question.minSelections}
            onChange={(minSelections) => onPatch({ minSelections })}
          />
          <InputField
            {...field('maxSelections')}
            type="number"
            label={t('consultations.builder.maxSelections', { number })}
            hint={t('consultations.builder.selectionsHint')}
            value={question.maxSelections}
            onChange={(maxSelections) => onPatch({ maxSelections })}
          />
        </div>
      )}

      {question.kind === 'scale' && (
        <div className="survey-question__pair">
          <InputField
            {...field('min')}
            type="number"
            label={t('consultations.builder.scaleMin', { number })}
            value={question.min}
            onChange={(min) => onPatch({ min })}
          />
          <InputField
            {...field('max')}
            type="number"
            label={t('consultations.builder.scaleMax', { number })}
            hint={t('consultations.builder.scaleHint')}
            value={question.max}
            onChange={(max) => onPatch({ max })}
          />
          <InputField
            {...field('minLabel')}
            label={t('consultations.builder.scaleMinLabel', { number })}
            value={question.minLabel}
            onChange={(minLabel) => onPatch({ minLabel })}
          />
          <InputField
            {...field('maxLabel')}
            label={t('consultations.builder.scaleMaxLabel', { number })}
            value={question.maxLabel}
            onChange={(maxLabel) => onPatch({ maxLabel })}
          />
        </div>
      )}

      <div className="survey-question__actions">
        <button
          id={`${base}-up`}
          type="button"
          className="button button--quiet"
          aria-label={t('consultations.builder.questionUpNamed', { number })}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          {t('consultations.builder.up')}
        </button>
        <button
          id={`${base}-down`}
          type="button"
          className="button button--quiet"
          aria-label={t('consultations.builder.questionDownNamed', { number })}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          {t('consultations.builder.down')}
        </button>
        <button
          type="button"
          className="button button--danger"
          aria-label={t('consultations.builder.removeQuestionNamed', { number })}
          onClick={onRemove}
        >
          {t('consultations.builder.remove')}
        </button>
      </div>
    </fieldset>
  );
}
