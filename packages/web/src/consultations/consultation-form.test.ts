import type { Consultation } from '@veche/protocol';
import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  draftOf,
  problemCode,
  refusalCode,
  refusalProblems,
  sortedConsultations,
  surveyEditable,
  type ConsultationDraft,
} from './consultation-form';
import { addQuestion, updateQuestion } from './survey-builder';

const ZONE = 'Europe/Warsaw';

const draft = (patch: Partial<ConsultationDraft> = {}): ConsultationDraft => ({
  ...draftOf(null, ZONE),
  subject: 'Park on Kościuszki street',
  startDate: '2026-12-01',
  startTime: '08:00',
  endDate: '2026-12-15',
  endTime: '23:59',
  ...patch,
});

const consultation = (patch: Partial<Consultation>): Consultation => ({
  id: 'c1',
  councilId: 'k1',
  subject: 'Subject',
  description: '',
  startsAt: '2026-12-01T07:00:00.000Z',
  endsAt: '2026-12-15T22:59:00.000Z',
  published: false,
  publishedAt: null,
  status: 'draft',
  agendaItemId: null,
  survey: { questions: [] },
  documents: [],
  responseCount: 0,
  opinionCount: 0,
  personalDataErasureDueAt: '2027-03-15T22:59:00.000Z',
  personalDataErasedAt: null,
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...patch,
});

describe('the consultation form', () => {
  it('turns the period on the council clock into instants (winter in Warsaw: UTC+1)', () => {
    const checked = checkDraft(draft({ description: '  Why  ' }), ZONE);
    expect(checked).toEqual({
      ok: true,
      request: {
        subject: 'Park on Kościuszki street',
        description: 'Why',
        startsAt: '2026-12-01T07:00:00.000Z',
        endsAt: '2026-12-15T22:59:00.000Z',
        agendaItemId: null,
        survey: { questions: [] },
      },
    });
  });

  it('reads a saved consultation back on the council clock, to the minute', () => {
    const read = draftOf(consultation({ subject: 'S' }), ZONE);
    expect([read.startDate, read.startTime, read.endDate, read.endTime]).toEqual([
      '2026-12-01',
      '08:00',
      '2026-12-15',
      '23:59',
    ]);
  });

  it('names each problem by its field, the survey included', () => {
    const survey = updateQuestion(addQuestion([], 'short_text'), 0, { prompt: ' ' });
    const checked = checkDraft(
      draft({ subject: ' ', startDate: '2026-13-01', endDate: '', survey }),
      ZONE,
    );
    expect(checked).toEqual({
      ok: false,
      problems: new Map([
        ['subject', 'required'],
        ['startsAt', 'unreadable'],
        ['endsAt', 'unreadable'],
        ['survey.questions.0.prompt', 'required'],
      ]),
    });
    const backwards = checkDraft(draft({ endDate: '2026-12-01', endTime: '07:00' }), ZONE);
    expect(backwards).toEqual({ ok: false, problems: new Map([['endsAt', 'end_before_start']]) });
    const long = checkDraft(draft({ subject: 'x'.repeat(301) }), ZONE);
    expect(long.ok ? null : long.problems.get('subject')).toBe('too_long');
  });

  it('maps the server refusals to fields', () => {
    expect(
      refusalProblems({
        code: 'survey_invalid',
        issues: [{ field: 'survey.questions.1.options.0.id', code: 'duplicate_id' }],
      }),
    ).toEqual(new Map([['survey.questions.1.options.0.label', 'duplicate_id']]));
    expect(
      refusalProblems({
        code: 'period_invalid',
        field: 'endsAt',
        issues: [],
        facts: { reason: 'in_the_past' },
      }),
    ).toEqual(new Map([['endsAt', 'in_the_past']]));
    expect(refusalProblems({ code: 'stale_version', field: 'version', issues: [] }).size).toBe(0);
  });

  it('lists drafts, planned, ongoing, then finished ones (latest first)', () => {
    const list = sortedConsultations([
      consultation({ id: 'f1', status: 'finished', startsAt: '2026-01-01T00:00:00.000Z' }),
      consultation({ id: 'f2', status: 'finished', startsAt: '2026-02-01T00:00:00.000Z' }),
      consultation({ id: 'o', status: 'ongoing' }),
      consultation({ id: 'p', status: 'planned' }),
      consultation({ id: 'd', status: 'draft' }),
    ]);
    expect(list.map((item) => item.id)).toEqual(['d', 'p', 'o', 'f2', 'f1']);
  });

  it('lets the survey change only before the start', () => {
    expect(surveyEditable(null)).toBe(true);
    expect(surveyEditable({ status: 'draft' })).toBe(true);
    expect(surveyEditable({ status: 'planned' })).toBe(true);
    expect(surveyEditable({ status: 'ongoing' })).toBe(false);
    expect(surveyEditable({ status: 'finished' })).toBe(false);
  });
});

describe('the words of problems and refusals', () => {
  it('gives each problem code its message key, and an unknown one the generic key', () => {
    expect(problemCode('too_few')).toBe('tooFew');
    expect(problemCode('bad_range')).toBe('badRange');
    expect(problemCode('required')).toBe('required');
    expect(problemCode('something_new')).toBe('invalid');
  });

  it('knows the refusals the editor words itself', () => {
    expect(refusalCode('consultation_started')).toBe('consultation_started');
    expect(refusalCode('not_found')).toBe('not_found');
    expect(refusalCode('forbidden')).toBeNull();
  });
});
