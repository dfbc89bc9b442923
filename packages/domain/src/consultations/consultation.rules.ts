/**
 * Public consultations (DESIGN.md section 4, "Consultations"; issue 7, section 2): a council
 * publishes a consultation with a period; residents answer its survey and send opinions while it
 * is ongoing; after it ends, results are published and, once a retention period has passed, the
 * residents' names and e-mail addresses are erased while their answers stay. Instants are
 * milliseconds since the epoch; the caller passes the clock.
 */

/** What the public sees of a published consultation's period. */
export const CONSULTATION_PHASES = ['planned', 'ongoing', 'finished'] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];

/** A consultation's status: an unpublished one is a draft, seen only by the office. */
export const CONSULTATION_STATUSES = ['draft', ...CONSULTATION_PHASES] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const CONSULTATION_SUBJECT_MAX = 300;
export const CONSULTATION_DESCRIPTION_MAX = 20_000;
export const OPINION_TEXT_MAX = 10_000;
export const RESIDENT_NAME_MAX = 200;
/** Days after the end until residents' names and e-mails are erased, unless a council says otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;
export const MAX_RETENTION_DAYS = 3650;

const DAY_MS = 86_400_000;

export interface ConsultationPeriod {
  /** The first instant residents may answer. */
  readonly startsAt: number;
  /** The first instant they no longer may: the period is half-open, [startsAt, endsAt). */
  readonly endsAt: number;
}

/**
 * Where the clock stands in a period: planned before its start, ongoing from its start up to
 * (not including) its end, finished from its end on. Half-open, so that at every instant exactly
 * one phase holds and "ends at 18:00" means an answer at 18:00:00 is late.
 */
export function consultationPhase(period: ConsultationPeriod, now: number): ConsultationPhase {
  if (now < period.startsAt) return 'planned';
  if (now < period.endsAt) return 'ongoing';
  return 'finished';
}

/** A consultation's status: draft while unpublished (invisible to the public), else its phase. */
export function consultationStatus(
  consultation: ConsultationPeriod & { readonly published: boolean },
  now: number,
): ConsultationStatus {
  return consultation.published ? consultationPhase(consultation, now) : 'draft';
}

export interface PeriodProblem {
  readonly field: 'startsAt' | 'endsAt';
  readonly code: 'not_after_start' | 'in_the_past';
}

/**
 * What stops a period from being saved: an end not after its start; when `now` is given (a new
 * consultation, or a changed end), an end already past, since nobody could answer.
 */
export function periodProblems(period: ConsultationPeriod, now?: number): PeriodProblem[] {
  if (period.endsAt <= period.startsAt) return [{ field: 'endsAt', code: 'not_after_start' }];
  if (now !== undefined && period.endsAt <= now) return [{ field: 'endsAt', code: 'in_the_past' }];
  return [];
}

/**
 * The survey may change only before anyone could answer it (draft or planned): once responses
 * exist, changing the questions would change what they answered.
 */
export function maySurveyChange(status: ConsultationStatus): boolean {
  return status === 'draft' || status === 'planned';
}

/** Residents answer and send opinions only while a consultation is ongoing. */
export function acceptsResponses(status: ConsultationStatus): boolean {
  return status === 'ongoing';
}

/** Results are public once a consultation has finished (the office sees them at any time). */
export function resultsArePublic(status: ConsultationStatus): boolean {
  return status === 'finished';
}

/**
 * The instant from which residents' names and e-mail addresses are due for erasure: the end of
 * the consultation plus the council's retention period in days (GDPR art. 5(1)(e), storage
 * limitation: kept no longer than the consultation's report and any complaint about it need).
 */
export function personalDataErasureDueAt(endsAt: number, retentionDays: number): number {
  if (!Number.isInteger(retentionDays) || retentionDays < 0) {
    throw new RangeError(`retention days must be a whole number of at least 0: ${retentionDays}`);
  }
  return endsAt + retentionDays * DAY_MS;
}

/** Whether the names and e-mails of a consultation's residents are due for erasure at `now`. */
export function isPersonalDataErasureDue(
  endsAt: number,
  retentionDays: number,
  now: number,
): boolean {
  return now >= personalDataErasureDueAt(endsAt, retentionDays);
}

/**
 * What a resident's own deletion request does to one of their entries: while the consultation
 * is ongoing the entry goes entirely (they may answer again); once it has finished the answers
 * are part of the published results, so only the name and e-mail go (anonymised).
 */
export function residentDeletionEffect(status: ConsultationStatus): 'delete' | 'anonymise' {
  return status === 'finished' ? 'anonymise' : 'delete';
}

/**
 * The form of an e-mail address used for "one response per resident": trimmed and lower-cased,
 * so that `Ana@Example.org` and `ana@example.org ` are one resident. (The local part is
 * case-sensitive in theory, never in practice.)
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
