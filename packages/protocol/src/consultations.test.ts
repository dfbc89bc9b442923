import { responseProblems, SAMPLE_SURVEY, surveyProblems, type Survey } from '@veche/domain';
import { describe, expect, it } from 'vitest';
import {
  createConsultationRequestSchema,
  submitOpinionRequestSchema,
  submitResponseRequestSchema,
  surveySchema,
} from './consultations.js';

describe('consultation messages', () => {
  it('carry a survey the domain judges as it is', () => {
    const survey: Survey = surveySchema.parse(SAMPLE_SURVEY);
    expect(survey).toEqual(SAMPLE_SURVEY);
    expect(surveyProblems(survey)).toEqual([]);
  });

  it('name a question of an unknown kind and a bad period', () => {
    const result = createConsultationRequestSchema.safeParse({
      subject: 'Park',
      description: '',
      startsAt: '2026-03-01',
      endsAt: '2026-03-31T16:00:00Z',
      survey: { questions: [{ id: 'a', kind: 'essay', prompt: 'Q', required: true }] },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['startsAt', 'survey.questions.0.kind']));
  });

  it('read a response with every kind of answer, and the honeypot', () => {
    const request = submitResponseRequestSchema.parse({
      name: 'Ana',
      email: 'ana@example.org',
      answers: {
        park: 'yes',
        uses: ['trees'],
        importance: 4,
        priorities: ['green', 'parking', 'market'],
      },
      website: '',
    });
    expect(request.consentToPublishName).toBe(false);
    expect(responseProblems(SAMPLE_SURVEY, request.answers)).toEqual([]);
  });

  it('read an opinion from form fields', () => {
    expect(
      submitOpinionRequestSchema.parse({
        name: 'Ana',
        email: 'ana@example.org',
        text: 'More trees',
        consentToPublishName: 'true',
      }).consentToPublishName,
    ).toBe(true);
    expect(
      submitOpinionRequestSchema.safeParse({ name: 'Ana', email: 'no', text: 'x' }).success,
    ).toBe(false);
  });
});
