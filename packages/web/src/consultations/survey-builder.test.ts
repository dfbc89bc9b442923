import { SURVEY_QUESTION_KINDS, surveyProblems } from '@veche/domain';
import { surveySchema } from '@veche/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addOption,
  addQuestion,
  builderProblems,
  changeKind,
  fieldId,
  fromSurvey,
  moveOption,
  moveQuestion,
  problemField,
  problemsByField,
  removeOption,
  removeQuestion,
  renameOption,
  toSurvey,
  updateQuestion,
  type DraftSurvey,
} from './survey-builder';

const filled = (survey: DraftSurvey): DraftSurvey =>
  survey.map((question, index) => ({
    ...question,
    prompt: `Question ${String(index + 1)}`,
    options: question.options.map((option) => ({ ...option, label: `Option ${option.id}` })),
  }));

describe('the survey builder', () => {
  it('adds questions with fresh ids, choices with two options, scales from 1 to 5', () => {
    const survey = addQuestion(addQuestion([], 'single_choice'), 'scale');
    expect(survey.map((question) => question.id)).toEqual(['q1', 'q2']);
    expect(survey[0]?.options.map((option) => option.id)).toEqual(['o1', 'o2']);
    expect(survey[1]?.options).toEqual([]);
    expect([survey[1]?.min, survey[1]?.max]).toEqual(['1', '5']);
    expect(survey.every((question) => question.required)).toBe(true);
  });

  it('never reuses the id of a question still there after a removal', () => {
    const three = addQuestion(
      addQuestion(addQuestion([], 'short_text'), 'short_text'),
      'long_text',
    );
    const two = removeQuestion(three, 0);
    expect(two.map((question) => question.id)).toEqual(['q2', 'q3']);
    expect(addQuestion(two, 'ranking').map((question) => question.id)).toEqual(['q2', 'q3', 'q4']);
  });

  it('moves a question up and down, and not past either end', () => {
    const survey = addQuestion(addQuestion(addQuestion([], 'short_text'), 'scale'), 'ranking');
    expect(moveQuestion(survey, 2, -1).map((question) => question.id)).toEqual(['q1', 'q3', 'q2']);
    expect(moveQuestion(survey, 0, 1).map((question) => question.id)).toEqual(['q2', 'q1', 'q3']);
    expect(moveQuestion(survey, 0, -1)).toBe(survey);
    expect(moveQuestion(survey, 2, 1)).toBe(survey);
  });

  it('adds, renames, moves and removes options of one question only', () => {
    let survey = addQuestion(addQuestion([], 'multiple_choice'), 'single_choice');
    survey = addOption(survey, 0);
    survey = renameOption(survey, 0, 2, 'Trams');
    expect(survey[0]?.options).toEqual([
      { id: 'o1', label: '' },
      { id: 'o2', label: '' },
      { id: 'o3', label: 'Trams' },
    ]);
    survey = moveOption(survey, 0, 2, -1);
    expect(survey[0]?.options.map((option) => option.id)).toEqual(['o1', 'o3', 'o2']);
    survey = removeOption(survey, 0, 0);
    expect(survey[0]?.options.map((option) => option.id)).toEqual(['o3', 'o2']);
    expect(addOption(survey, 0)[0]?.options.map((option) => option.id)).toEqual(['o3', 'o2', 'o4']);
    expect(survey[1]?.options.map((option) => option.id)).toEqual(['o1', 'o2']);
  });

  it('keeps prompt and options through a change of kind, and gives options to a text turned choice', () => {
    let survey = updateQuestion(addQuestion([], 'ranking'), 0, { prompt: 'Order these' });
    survey = renameOption(survey, 0, 0, 'Parks');
    const asText = changeKind(survey, 0, 'long_text');
    expect(asText[0]?.kind).toBe('long_text');
    expect(toSurvey(asText).questions[0]).toEqual({
      id: 'q1',
      kind: 'long_text',
      prompt: 'Order these',
      required: true,
    });
    const back = changeKind(asText, 0, 'single_choice');
    expect(back[0]?.options[0]).toEqual({ id: 'o1', label: 'Parks' });
    const fromText = changeKind(addQuestion([], 'short_text'), 0, 'multiple_choice');
    expect(fromText[0]?.options).toHaveLength(2);
  });

  it('converts each kind to the API shape: trimmed texts, limits as numbers or null', () => {
    let survey: DraftSurvey = [];
    for (const kind of SURVEY_QUESTION_KINDS) survey = addQuestion(survey, kind);
    survey = filled(survey);
    survey = updateQuestion(survey, 1, {
      minSelections: ' 1 ',
      maxSelections: '',
      required: false,
    });
    survey = updateQuestion(survey, 4, { min: '0', max: '10', minLabel: ' Bad ', maxLabel: '' });
    survey = updateQuestion(survey, 2, { prompt: '  Your name?  ' });
    const api = toSurvey(survey);
    expect(surveySchema.safeParse(api).success).toBe(true);
    expect(api.questions[1]).toMatchObject({
      kind: 'multiple_choice',
      required: false,
      minSelections: 1,
      maxSelections: null,
    });
    expect(api.questions[2]).toEqual({
      id: 'q3',
      kind: 'short_text',
      prompt: 'Your name?',
      required: true,
    });
    expect(api.questions[4]).toMatchObject({
      kind: 'scale',
      min: 0,
      max: 10,
      minLabel: 'Bad',
      maxLabel: null,
    });
    expect(surveyProblems(api)).toEqual([]);
  });

  it('reads back what it wrote (fromSurvey after toSurvey), for any mix of kinds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SURVEY_QUESTION_KINDS), { maxLength: 8 }),
        (kinds) => {
          const survey = filled(
            kinds.reduce<DraftSurvey>((built, kind) => addQuestion(built, kind), []),
          );
          const api = toSurvey(survey);
          expect(toSurvey(fromSurvey(api))).toEqual(api);
        },
      ),
    );
  });

  it('reports the domain problems at the fields the office can change', () => {
    let survey = addQuestion(addQuestion([], 'multiple_choice'), 'scale');
    survey = updateQuestion(survey, 0, { prompt: 'Which?', maxSelections: '3' });
    survey = renameOption(survey, 0, 0, 'A');
    survey = updateQuestion(survey, 1, { prompt: 'How much?', min: '5', max: '5' });
    expect(builderProblems(survey)).toEqual(
      new Map([
        ['survey.questions.0.options.1.label', 'required'],
        ['survey.questions.0.maxSelections', 'bad_range'],
        ['survey.questions.1.max', 'bad_range'],
      ]),
    );
    expect(
      builderProblems(updateQuestion(survey, 1, { min: '' })).get('survey.questions.1.min'),
    ).toBe('bad_range');
  });

  it('shows an id problem at the prompt or label, and keeps the first problem of a field', () => {
    expect(problemField('survey.questions.3.id')).toBe('survey.questions.3.prompt');
    expect(problemField('survey.questions.3.options.12.id')).toBe(
      'survey.questions.3.options.12.label',
    );
    expect(problemField('survey.questions.3.min')).toBe('survey.questions.3.min');
    expect(
      problemsByField([
        { field: 'survey.questions.0.id', code: 'duplicate_id' },
        { field: 'survey.questions.0.prompt', code: 'required' },
      ]),
    ).toEqual(new Map([['survey.questions.0.prompt', 'duplicate_id']]));
    expect(fieldId('survey.questions.0.options.1.label')).toBe(
      'survey-questions-0-options-1-label',
    );
  });
});
