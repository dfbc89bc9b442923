import { CONSULTATION_DESCRIPTION_MAX, CONSULTATION_SUBJECT_MAX } from '@veche/domain';
import type { Consultation, CreateConsultationRequest } from '@veche/protocol';
import type { Messages } from '../i18n/resources';
import { clockOf, instantOnClock } from '../preparation/council-clock';
import {
  builderProblems,
  fromSurvey,
  problemsByField,
  toSurvey,
  type DraftSurvey,
} from './survey-builder';

/*
 * The consultation editor's fields as typed (the period as dates and times on the council's
 * clock) and their conversion to the API's request, with the problems the office can be told
 * before anything is sent, by field path.
 */

export interface ConsultationDraft {
  readonly subject: string;
  readonly description: string;
  readonly startDate: string;
  readonly startTime: string;
  readonly endDate: string;
  readonly endTime: string;
  readonly survey: DraftSurvey;
}

const minutes = (time: string) => time.slice(0, 5);

/** A saved consultation as the editor shows it, or an empty one (no period yet). */
export function draftOf(consultation: Consultation | null, timeZone: string): ConsultationDraft {
  if (consultation === null) {
    return {
      subject: '',
      description: '',
      startDate: '',
      startTime: '08:00',
      endDate: '',
      endTime: '23:59',
      survey: [],
    };
  }
  const start = clockOf(consultation.startsAt, timeZone);
  const end = clockOf(consultation.endsAt, timeZone);
  return {
    subject: consultation.subject,
    description: consultation.description,
    startDate: start.date,
    startTime: minutes(start.time),
    endDate: end.date,
    endTime: minutes(end.time),
    survey: fromSurvey(consultation.survey),
  };
}

export type FormCheck =
  | { readonly ok: true; readonly request: CreateConsultationRequest }
  | { readonly ok: false; readonly problems: ReadonlyMap<string, string> };

/**
 * The request the draft makes, or its problems: a blank or too long subject, a description
 * over its limit, a start or end that is not a date and time, an end not after the start, and
 * the domain's survey problems. `agendaItemId` is the draft resolution chosen in the picker.
 */
export function checkDraft(
  draft: ConsultationDraft,
  timeZone: string,
  agendaItemId: string | null = null,
): FormCheck {
  const problems = new Map<string, string>();
  const subject = draft.subject.trim();
  if (subject === '') problems.set('subject', 'required');
  else if (subject.length > CONSULTATION_SUBJECT_MAX) problems.set('subject', 'too_long');
  if (draft.description.trim().length > CONSULTATION_DESCRIPTION_MAX) {
    problems.set('description', 'too_long');
  }
  const startsAt = instantOnClock(draft.startDate, draft.startTime, timeZone);
  const endsAt = instantOnClock(draft.endDate, draft.endTime, timeZone);
  if (startsAt === null) problems.set('startsAt', 'unreadable');
  if (endsAt === null) problems.set('endsAt', 'unreadable');
  if (startsAt !== null && endsAt !== null && Date.parse(endsAt) <= Date.parse(startsAt)) {
    problems.set('endsAt', 'end_before_start');
  }
  for (const [field, code] of builderProblems(draft.survey)) problems.set(field, code);
  if (problems.size > 0 || startsAt === null || endsAt === null) return { ok: false, problems };
  return {
    ok: true,
    request: {
      subject,
      description: draft.description.trim(),
      startsAt,
      endsAt,
      agendaItemId,
      survey: toSurvey(draft.survey),
    },
  };
}

/** What the office reads for a consultation's status: `consultations.status.<key>`. */
export function statusKey(consultation: Pick<Consultation, 'status'>): string {
  return consultation.status;
}

/** The list's order: drafts first, then planned, ongoing and finished; within each by start. */
export function sortedConsultations(consultations: readonly Consultation[]): Consultation[] {
  const rank = { draft: 0, planned: 1, ongoing: 2, finished: 3 } as const;
  return [...consultations].sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.status === 'finished'
        ? Date.parse(b.startsAt) - Date.parse(a.startsAt)
        : Date.parse(a.startsAt) - Date.parse(b.startsAt)),
  );
}

/** Whether the survey may still change: a draft, or published but not yet started. */
export function surveyEditable(consultation: Pick<Consultation, 'status'> | null): boolean {
  return (
    consultation === null || consultation.status === 'draft' || consultation.status === 'planned'
  );
}

/**
 * A refusal's problems by field: the survey's issues each at its field, a refused period at its
 * end (`period_invalid`'s reason), anything else at the field it names.
 */
export function refusalProblems(refusal: {
  readonly code: string;
  readonly field?: string | undefined;
  readonly issues: readonly { readonly field: string; readonly code: string }[];
  readonly facts?: Readonly<Record<string, unknown>>;
}): ReadonlyMap<string, string> {
  if (refusal.code === 'survey_invalid') return problemsByField(refusal.issues);
  if (refusal.code === 'period_invalid') {
    const reason = refusal.facts?.reason === 'in_the_past' ? 'in_the_past' : 'end_before_start';
    return new Map([[refusal.field ?? 'endsAt', reason]]);
  }
  if (refusal.code === 'validation_failed') {
    return problemsByField(
      refusal.issues.map((issue) => ({ field: issue.field, code: 'invalid' })),
    );
  }
  return new Map();
}

export type ProblemCode = keyof Messages['consultations']['problems'];

/*
 * The words' keys are camelCase: i18next reads a key ending in `_few` or `_many` as a plural
 * form, which `too_few` and `too_many` would be taken for.
 */
const PROBLEM_KEYS: Readonly<Record<string, ProblemCode>> = {
  required: 'required',
  too_long: 'tooLong',
  too_many: 'tooMany',
  too_few: 'tooFew',
  duplicate_id: 'duplicateId',
  bad_id: 'badId',
  bad_range: 'badRange',
  unreadable: 'unreadable',
  end_before_start: 'endBeforeStart',
  in_the_past: 'inThePast',
  invalid: 'invalid',
};

/** The words for a problem's code: `consultations.problems.<key>`; an unknown one is `invalid`. */
export function problemCode(code: string): ProblemCode {
  return PROBLEM_KEYS[code] ?? 'invalid';
}

export type RefusalCode = keyof Messages['consultations']['editor']['refusals'];

/** A refusal the editor has its own words for, or null. */
export function refusalCode(code: string): RefusalCode | null {
  return code === 'consultation_started' ||
    code === 'not_found' ||
    code === 'not_a_draft_resolution'
    ? code
    : null;
}
