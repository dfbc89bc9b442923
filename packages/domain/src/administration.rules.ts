import type { MembershipRole } from './vocabulary.js';

/**
 * Rules of a council's make-up: terms of office, and who holds which seat when (DESIGN.md
 * sections 2 and 4). Dates are ISO calendar dates (YYYY-MM-DD), which compare as text; an open
 * end (null) means "until further notice".
 */

/** A period of whole days, both ends included; `endsOn` null means it has not ended. */
export interface DateSpan {
  readonly startsOn: string;
  readonly endsOn: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30), years 1000 to 9999. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True when the two periods share at least one day. */
export function spansOverlap(a: DateSpan, b: DateSpan): boolean {
  return (
    (b.endsOn === null || a.startsOn <= b.endsOn) && (a.endsOn === null || b.startsOn <= a.endsOn)
  );
}

/** True when `inner` lies wholly within `outer` (an open-ended inner fits only an open outer). */
export function spanWithin(inner: DateSpan, outer: DateSpan): boolean {
  if (inner.startsOn < outer.startsOn) return false;
  if (outer.endsOn === null) return true;
  return inner.endsOn !== null && inner.endsOn <= outer.endsOn && inner.startsOn <= outer.endsOn;
}

export interface TermSpan extends DateSpan {
  readonly id: string;
}

/**
 * The first other term that shares a day with `candidate`, or null. A council's terms of office
 * follow one another: a councillor's mandate belongs to exactly one term on any day, and
 * sittings are numbered per term.
 */
export function overlappingTerm<T extends TermSpan>(
  candidate: TermSpan,
  terms: readonly T[],
): T | null {
  return terms.find((term) => term.id !== candidate.id && spansOverlap(candidate, term)) ?? null;
}

export interface SeatSpan extends DateSpan {
  readonly id: string;
  readonly bodyId: string;
  readonly role: MembershipRole;
}

/**
 * The other membership that already chairs the candidate's body on a day of its period, or null:
 * a body has at most one chair at a time (vice-chairs may be several).
 */
export function chairConflict<T extends SeatSpan>(
  candidate: SeatSpan,
  seats: readonly T[],
): T | null {
  if (candidate.role !== 'chair') return null;
  return (
    seats.find(
      (seat) =>
        seat.id !== candidate.id &&
        seat.bodyId === candidate.bodyId &&
        seat.role === 'chair' &&
        spansOverlap(candidate, seat),
    ) ?? null
  );
}

/** The term whose period holds the given day, or null. */
export function termOn<T extends TermSpan>(day: string, terms: readonly T[]): T | null {
  return terms.find((term) => spanWithin({ startsOn: day, endsOn: day }, term)) ?? null;
}
