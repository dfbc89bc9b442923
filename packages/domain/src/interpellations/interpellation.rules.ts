import { isIsoDate } from '../administration.rules.js';

/**
 * Interpellations and questions (DESIGN.md section 4): a councillor files one, addressed to the
 * mayor; the answer is due within 14 days (PL, ustawa o samorządzie gminnym, art. 24 ust. 6);
 * both are published. Dates are the council's calendar days, `YYYY-MM-DD`, which compare as
 * text; the caller turns the clock into the council's local date.
 */

export const INTERPELLATION_KINDS = ['interpellation', 'question'] as const;
export type InterpellationKind = (typeof INTERPELLATION_KINDS)[number];

export const INTERPELLATION_STATUSES = ['filed', 'answered'] as const;
export type InterpellationStatus = (typeof INTERPELLATION_STATUSES)[number];

/** Days the addressee has to answer in Poland (art. 24 ust. 6 of the municipal act). */
export const PL_ANSWER_DAYS = 14;

export const INTERPELLATION_SUBJECT_MAX = 300;
export const INTERPELLATION_TEXT_MAX = 20_000;
export const INTERPELLATION_ADDRESSEE_MAX = 200;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day number (civil_from_days), the inverse of `dayNumber`. */
function dateOfDay(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `date` plus `days` calendar days; `date` must be a real `YYYY-MM-DD` date. */
export function addCalendarDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return dateOfDay(dayNumber(year, month, day) + days);
}

/**
 * The last day on which the answer is on time: the filing day (the council's local date) plus
 * `answerDays` calendar days, 14 in Poland. Counted as the civil code counts a period in days
 * (art. 111 § 2 k.c.: the day of the event is not counted), so filed on 1 March, due 15 March.
 */
export function answerDeadline(filedOn: string, answerDays: number = PL_ANSWER_DAYS): string {
  if (!Number.isInteger(answerDays) || answerDays < 1) {
    throw new RangeError(`answer days must be a positive whole number: ${answerDays}`);
  }
  return addCalendarDays(filedOn, answerDays);
}

/**
 * Overdue: no answer yet and the deadline has passed (today, the council's local date, is
 * after it). An answer, even a late one, ends the flag; the dates stay on record.
 */
export function isOverdue(deadline: string, answeredOn: string | null, today: string): boolean {
  return answeredOn === null && today > deadline;
}

/** Whether the answer came after the deadline (shown beside a published answer). */
export function answeredLate(deadline: string, answeredOn: string): boolean {
  return answeredOn > deadline;
}

/** Status from the record: an answer makes it answered; a corrected answer keeps it so. */
export function interpellationStatus(answerText: string | null): InterpellationStatus {
  return answerText === null ? 'filed' : 'answered';
}

/**
 * Who may add files: the author to the question until it is answered (the filed text is what
 * the addressee answers), the office to the answer at any time (an answer may be corrected).
 */
export function mayAttach(
  role: 'question' | 'answer',
  actor: { readonly isAuthor: boolean; readonly isOffice: boolean },
  status: InterpellationStatus,
): boolean {
  return role === 'question' ? actor.isAuthor && status === 'filed' : actor.isOffice;
}
