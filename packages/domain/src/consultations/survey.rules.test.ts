// The survey's rules and its results share the generators of valid surveys and responses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { surveyResults } from './survey-results.js';
import { SAMPLE_SURVEY } from './survey.fixtures.js';
import type { Survey, SurveyAnswer, SurveyQuestion } from './survey.rules.js';
import {
  normalizeResponse,
  responseProblems,
  SURVEY_LIMITS,
  surveyProblems,
} from './survey.rules.js';

const optionsOf = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `o${String(i)}`, label: `Option ${String(i)}` }));

/** Any valid question; its id is set by the survey. */
const questionArb: fc.Arbitrary<SurveyQuestion> = fc.oneof(
  fc
    .record({ n: fc.integer({ min: 2, max: 8 }), required: fc.boolean() })
    .map(({ n, required }) => ({
      id: '',
      kind: 'single_choice' as const,
      prompt: 'Q',
      required,
      options: optionsOf(n),
    })),
  fc
    .record({ n: fc.integer({ min: 2, max: 8 }), required: fc.boolean(), a: fc.nat(), b: fc.nat() })
    .map(({ n, required, a, b }) => {
      const lo = (a % n) + 1;
      const hi = lo + (b % (n - lo + 1));
      return {
        id: '',
        kind: 'multiple_choice' as const,
        prompt: 'Q',
        required,
        options: optionsOf(n),
        minSelections: lo,
        maxSelections: hi,
      };
    }),
  fc
    .record({
      kind: fc.constantFrom('short_text' as const, 'long_text' as const),
      required: fc.boolean(),
    })
    .map(({ kind, required }) => ({ id: '', kind, prompt: 'Q', required })),
  fc
    .record({
      min: fc.integer({ min: -5, max: 5 }),
      steps: fc.integer({ min: 1, max: 10 }),
      required: fc.boolean(),
    })
    .map(({ min, steps, required }) => ({
      id: '',
      kind: 'scale' as const,
      prompt: 'Q',
      required,
      min,
      max: min + steps,
    })),
  fc
    .record({ n: fc.integer({ min: 2, max: 6 }), required: fc.boolean() })
    .map(({ n, required }) => ({
      id: '',
      kind: 'ranking' as const,
      prompt: 'Q',
      required,
      options: optionsOf(n),
    })),
);

const surveyArb: fc.Arbitrary<Survey> = fc
  .array(questionArb, { minLength: 1, maxLength: 8 })
  .map((questions) => ({ questions: questions.map((q, i) => ({ ...q, id: `q${String(i)}` })) }));

/** A valid answer to a question (for a required one never blank). */
function answerArb(question: SurveyQuestion): fc.Arbitrary<SurveyAnswer> {
  switch (question.kind) {
    case 'single_choice':
      return fc.constantFrom(...question.options.map((o) => o.id));
    case 'multiple_choice':
      return fc.shuffledSubarray(
        question.options.map((o) => o.id),
        {
          minLength: question.minSelections ?? 1,
          maxLength: question.maxSelections ?? question.options.length,
        },
      );
    case 'short_text':
    case 'long_text':
      return fc
        .string({
          minLength: 1,
          maxLength: question.kind === 'short_text' ? SURVEY_LIMITS.shortTextMax : 300,
        })
        .map((s) =>
          (s.trim() === '' ? `x${s}` : s).slice(
            0,
            question.kind === 'short_text' ? SURVEY_LIMITS.shortTextMax : 300,
          ),
        );
    case 'scale':
      return fc.integer({ min: question.min, max: question.max });
    case 'ranking':
      return fc.shuffledSubarray(
        question.options.map((o) => o.id),
        { minLength: question.options.length, maxLength: question.options.length },
      );
  }
}

/** A valid response: every required question answered, optional ones sometimes. */
function responseArb(survey: Survey): fc.Arbitrary<Record<string, SurveyAnswer>> {
  return fc
    .tuple(
      ...survey.questions.map((q) =>
        q.required
          ? answerArb(q).map((a) => [q.id, a] as const)
          : fc.option(answerArb(q)).map((a) => [q.id, a] as const),
      ),
    )
    .map((pairs) => {
      const answers: Record<string, SurveyAnswer> = {};
      for (const [id, answer] of pairs) if (answer !== null) answers[id] = answer;
      return answers;
    });
}

describe('survey definition', () => {
  it('accepts a survey with one question of every kind', () => {
    expect(surveyProblems(SAMPLE_SURVEY)).toEqual([]);
  });

  it('accepts every generated survey', () => {
    fc.assert(
      fc.property(surveyArb, (survey) => {
        expect(surveyProblems(survey)).toEqual([]);
      }),
    );
  });

  const base = SAMPLE_SURVEY.questions;
  const withQuestion = (index: number, change: object): Survey => ({
    questions: base.map((q, i) => (i === index ? { ...q, ...change } : q)),
  });

  it.each([
    [
      'a duplicate question id',
      withQuestion(1, { id: 'park' }),
      'survey.questions.1.id',
      'duplicate_id',
    ],
    ['a blank question id', withQuestion(1, { id: '' }), 'survey.questions.1.id', 'required'],
    ['an id with a space', withQuestion(1, { id: 'a b' }), 'survey.questions.1.id', 'bad_id'],
    ['a blank prompt', withQuestion(2, { prompt: '  ' }), 'survey.questions.2.prompt', 'required'],
    [
      'a long prompt',
      withQuestion(2, { prompt: 'x'.repeat(1001) }),
      'survey.questions.2.prompt',
      'too_long',
    ],
    [
      'one option',
      withQuestion(0, { options: [{ id: 'a', label: 'A' }] }),
      'survey.questions.0.options',
      'too_few',
    ],
    [
      '31 options',
      withQuestion(0, { options: optionsOf(31) }),
      'survey.questions.0.options',
      'too_many',
    ],
    [
      'a duplicate option id',
      withQuestion(5, {
        options: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ],
      }),
      'survey.questions.5.options.1.id',
      'duplicate_id',
    ],
    [
      'a blank option label',
      withQuestion(0, {
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: '' },
        ],
      }),
      'survey.questions.0.options.1.label',
      'required',
    ],
    [
      'min selections 0',
      withQuestion(1, { minSelections: 0 }),
      'survey.questions.1.minSelections',
      'bad_range',
    ],
    [
      'max selections above options',
      withQuestion(1, { maxSelections: 5 }),
      'survey.questions.1.maxSelections',
      'bad_range',
    ],
    [
      'min above max',
      withQuestion(1, { minSelections: 3, maxSelections: 2 }),
      'survey.questions.1.maxSelections',
      'bad_range',
    ],
    [
      'a scale with max = min',
      withQuestion(4, { min: 3, max: 3 }),
      'survey.questions.4.max',
      'bad_range',
    ],
    [
      'a scale of 12 steps',
      withQuestion(4, { min: 0, max: 11 }),
      'survey.questions.4.max',
      'bad_range',
    ],
    [
      'a fractional scale end',
      withQuestion(4, { min: 0.5 }),
      'survey.questions.4.min',
      'bad_range',
    ],
    [
      'a long scale label',
      withQuestion(4, { maxLabel: 'x'.repeat(101) }),
      'survey.questions.4.maxLabel',
      'too_long',
    ],
  ])('names %s', (_name, survey, field, code) => {
    expect(surveyProblems(survey)).toEqual([{ field, code }]);
  });

  it('refuses more than 50 questions', () => {
    const questions = Array.from({ length: 51 }, (_, i) => ({
      id: `q${String(i)}`,
      kind: 'short_text' as const,
      prompt: 'Q',
      required: false,
    }));
    expect(surveyProblems({ questions })).toEqual([
      { field: 'survey.questions', code: 'too_many' },
    ]);
    expect(surveyProblems({ questions: questions.slice(0, 50) })).toEqual([]);
  });
});

describe('response', () => {
  const valid = {
    park: 'yes',
    uses: ['trees', 'benches'],
    name: 'Green Square',
    comments: 'More shade, please.',
    importance: 4,
    priorities: ['market', 'green', 'parking'],
  };

  it('accepts a complete valid response and one with only the required answers', () => {
    expect(responseProblems(SAMPLE_SURVEY, valid)).toEqual([]);
    expect(responseProblems(SAMPLE_SURVEY, { park: 'no', importance: 1 })).toEqual([]);
  });

  it.each([
    ['a required question left out', { importance: 3 }, 'park', 'required'],
    ['a required choice blank', { ...valid, park: '' }, 'park', 'required'],
    ['an unknown option', { ...valid, park: 'maybe' }, 'park', 'unknown_option'],
    ['a number for a choice', { ...valid, park: 1 }, 'park', 'wrong_type'],
    ['too many choices', { ...valid, uses: ['trees', 'benches', 'fountain'] }, 'uses', 'too_many'],
    ['a choice twice', { ...valid, uses: ['trees', 'trees'] }, 'uses', 'duplicate_option'],
    ['an unknown choice', { ...valid, uses: ['pool'] }, 'uses', 'unknown_option'],
    ['a 201-character short text', { ...valid, name: 'x'.repeat(201) }, 'name', 'too_long'],
    [
      'a 5001-character long text',
      { ...valid, comments: 'x'.repeat(5001) },
      'comments',
      'too_long',
    ],
    ['a scale below its range', { ...valid, importance: 0 }, 'importance', 'out_of_range'],
    ['a scale above its range', { ...valid, importance: 6 }, 'importance', 'out_of_range'],
    ['a fractional scale value', { ...valid, importance: 2.5 }, 'importance', 'wrong_type'],
    [
      'a ranking missing an option',
      { ...valid, priorities: ['market', 'green'] },
      'priorities',
      'not_a_ranking',
    ],
    [
      'a ranking with an option twice',
      { ...valid, priorities: ['market', 'green', 'green'] },
      'priorities',
      'not_a_ranking',
    ],
    [
      'a ranking with an unknown option',
      { ...valid, priorities: ['market', 'green', 'zoo'] },
      'priorities',
      'unknown_option',
    ],
    ['an answer to no question', { ...valid, extra: 'hello' }, 'extra', 'unknown_question'],
  ])('names %s', (_name, answers, questionId, code) => {
    expect(responseProblems(SAMPLE_SURVEY, answers)).toEqual([
      { questionId, field: `answers.${questionId}`, code },
    ]);
  });

  it('accepts a short text of exactly 200 and a long text of exactly 5000 characters', () => {
    expect(
      responseProblems(SAMPLE_SURVEY, {
        ...valid,
        name: 'x'.repeat(200),
        comments: 'y'.repeat(5000),
      }),
    ).toEqual([]);
  });

  it('accepts every valid generated response to every generated survey', () => {
    fc.assert(
      fc.property(
        surveyArb.chain((survey) => fc.tuple(fc.constant(survey), responseArb(survey))),
        ([survey, answers]) => {
          expect(responseProblems(survey, answers)).toEqual([]);
        },
      ),
    );
  });

  const ranking: Survey = {
    questions: [
      { id: 'r', kind: 'ranking', prompt: 'Order', required: true, options: optionsOf(5) },
    ],
  };
  const ids = optionsOf(5).map((o) => o.id);

  it('accepts every permutation of the options as a ranking', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(ids, { minLength: 5, maxLength: 5 }), (order) => {
        expect(responseProblems(ranking, { r: order })).toEqual([]);
      }),
    );
  });

  it('refuses every list of the options that is not a permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 8 }), (order) => {
        const isPermutation = order.length === 5 && new Set(order).size === 5;
        fc.pre(!isPermutation);
        expect(responseProblems(ranking, { r: order })).toEqual([
          { questionId: 'r', field: 'answers.r', code: 'not_a_ranking' },
        ]);
      }),
    );
  });

  it('stores a response without blank optional answers and with trimmed texts', () => {
    expect(
      normalizeResponse(SAMPLE_SURVEY, {
        park: 'yes',
        importance: 2,
        name: '  Plac ',
        comments: ' ',
        uses: [],
      }),
    ).toEqual({ park: 'yes', importance: 2, name: 'Plac' });
  });
});

// survey-results.ts

const verified = (answers: object) => ({ answers: answers as never, verified: true });

describe('survey results', () => {
  const responses = [
    verified({
      park: 'yes',
      uses: ['trees', 'benches'],
      importance: 5,
      name: 'Zielony',
      priorities: ['green', 'market', 'parking'],
    }),
    verified({
      park: 'yes',
      uses: ['trees'],
      importance: 4,
      priorities: ['green', 'parking', 'market'],
    }),
    verified({
      park: 'no',
      importance: 1,
      comments: 'Keep the market',
      priorities: ['parking', 'market', 'green'],
    }),
    { answers: { park: 'no', importance: 1 }, verified: false },
  ];
  const results = surveyResults(SAMPLE_SURVEY, responses);
  const question = (id: string) => results.questions.find((q) => q.questionId === id);

  it('counts only verified responses', () => {
    expect(results.responses).toBe(3);
  });

  it('counts each option of a single choice', () => {
    expect(question('park')).toMatchObject({
      kind: 'single_choice',
      answered: 3,
      options: [
        { optionId: 'yes', count: 2 },
        { optionId: 'no', count: 1 },
        { optionId: 'unsure', count: 0 },
      ],
    });
  });

  it('counts each option chosen in a multiple choice', () => {
    expect(question('uses')).toMatchObject({
      answered: 2,
      options: [
        { optionId: 'trees', count: 2 },
        { optionId: 'benches', count: 1 },
        { optionId: 'playground', count: 0 },
        { optionId: 'fountain', count: 0 },
      ],
    });
  });

  it('gives a scale its distribution and mean', () => {
    expect(question('importance')).toMatchObject({
      answered: 3,
      distribution: [
        { value: 1, count: 1 },
        { value: 2, count: 0 },
        { value: 3, count: 0 },
        { value: 4, count: 1 },
        { value: 5, count: 1 },
      ],
      mean: 10 / 3,
    });
  });

  it("gives a ranking each option's mean place and Borda points", () => {
    expect(question('priorities')).toMatchObject({
      answered: 3,
      options: [
        { optionId: 'green', averagePosition: 5 / 3, bordaPoints: 4 },
        { optionId: 'parking', averagePosition: 2, bordaPoints: 3 },
        { optionId: 'market', averagePosition: 7 / 3, bordaPoints: 2 },
      ],
    });
  });

  it('lists text answers', () => {
    expect(question('name')).toMatchObject({ answered: 1, texts: ['Zielony'] });
    expect(question('comments')).toMatchObject({ answered: 1, texts: ['Keep the market'] });
  });

  it('has no mean or place with no answers', () => {
    const empty = surveyResults(SAMPLE_SURVEY, []);
    expect(empty.responses).toBe(0);
    expect(empty.questions.find((q) => q.questionId === 'importance')).toMatchObject({
      mean: null,
    });
    expect(empty.questions.find((q) => q.questionId === 'priorities')).toMatchObject({
      options: [{ averagePosition: null, bordaPoints: 0 }, {}, {}],
    });
  });

  const surveyWithResponses = surveyArb.chain((survey) =>
    fc.tuple(
      fc.constant(survey),
      fc.array(fc.tuple(responseArb(survey), fc.boolean()), { maxLength: 12 }),
    ),
  );

  it('counts per option exactly the verified responses choosing it', () => {
    fc.assert(
      fc.property(surveyWithResponses, ([survey, generated]) => {
        const responses = generated.map(([answers, isVerified]) => ({
          answers,
          verified: isVerified,
        }));
        const counted = responses.filter((r) => r.verified);
        const results = surveyResults(survey, responses);
        expect(results.responses).toBe(counted.length);
        for (const result of results.questions) {
          const answers = counted
            .map((r) => r.answers[result.questionId])
            .filter((a) => a !== undefined);
          expect(result.answered).toBe(answers.length);
          if (result.kind === 'single_choice' || result.kind === 'multiple_choice') {
            for (const option of result.options) {
              const choosing = answers.filter((a) =>
                Array.isArray(a) ? a.includes(option.optionId) : a === option.optionId,
              ).length;
              expect(option.count).toBe(choosing);
            }
          }
          if (result.kind === 'scale') {
            expect(result.distribution.reduce((sum, d) => sum + d.count, 0)).toBe(answers.length);
          }
          if (result.kind === 'ranking') {
            const n = result.options.length;
            // Every ranking hands out 0 + 1 + ... + (n - 1) Borda points.
            expect(result.options.reduce((sum, o) => sum + o.bordaPoints, 0)).toBe(
              (answers.length * n * (n - 1)) / 2,
            );
          }
        }
      }),
    );
  });
});
