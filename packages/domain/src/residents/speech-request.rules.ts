import { addCalendarDays } from '../interpellations/interpellation.rules.js';
import type { SittingStatus } from '../vocabulary.js';

/**
 * Residents' requests to speak at a sitting (DESIGN.md section 4, "Residents' speech requests";
 * the Kyustendil seed: requests by 27 September for a sitting on 30 September).
 *
 * A request is filed through the public portal and counts only once its e-mail address is
 * verified (`unverified` -> `pending`); the office then approves or rejects it with a reason.
 */
export const SPEECH_REQUEST_STATUSES = ['unverified', 'pending', 'approved', 'rejected'] as const;
export type SpeechRequestStatus = (typeof SPEECH_REQUEST_STATUSES)[number];

export const SPEECH_REQUEST_NAME_MAX = 120;
export const SPEECH_REQUEST_SUMMARY_MAX = 1000;
export const SPEECH_REQUEST_REASON_MAX = 1000;
/** An attachment is a short statement or a picture, not a library: 5 MiB. */
export const SPEECH_REQUEST_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** Requests one address may file in a day, over all sittings of an installation. */
export const SPEECH_REQUESTS_PER_ADDRESS_PER_DAY = 5;

/**
 * The last calendar day (the council's local date) on which a request to speak is on time: the
 * sitting's local date minus the council's `deadlineDays`. A request made at any moment of that
 * day counts, so with 3 days a sitting on 30 September takes requests until the end of 27
 * September, as in Kyustendil. With 0 days requests are taken until the end of the sitting's day
 * before it opens.
 */
export function speechRequestLastDay(sittingDate: string, deadlineDays: number): string {
  if (!Number.isInteger(deadlineDays) || deadlineDays < 0) {
    throw new RangeError(`deadline days must be a whole number, 0 or more: ${deadlineDays}`);
  }
  return addCalendarDays(sittingDate, -deadlineDays);
}

/** Why the portal does not take a request for a sitting now, or null when it does. */
export type SpeechRequestsClosed = 'not_convened' | 'deadline_passed';

/**
 * Whether a resident may file a request now: only for a convened sitting (published, not yet
 * open; a draft is not public and an open sitting is too late), and only up to the last day,
 * compared on the council's local dates (`today`).
 */
export function speechRequestsClosed(
  status: SittingStatus,
  today: string,
  lastDay: string,
): SpeechRequestsClosed | null {
  if (status !== 'convened') return 'not_convened';
  return today > lastDay ? 'deadline_passed' : null;
}

export type SpeechRequestReview =
  { readonly decision: 'approve' } | { readonly decision: 'reject'; readonly reason: string };

export type ReviewRefusal = 'not_verified' | 'already_reviewed' | 'reason_required';

/**
 * The office decides once on a verified request: an unverified one may be someone else's
 * address and does not count yet, and a decision already sent to the resident by e-mail is
 * not changed silently. A rejection always carries its reason, which the resident is told.
 */
export function reviewRefusal(
  status: SpeechRequestStatus,
  review: SpeechRequestReview,
): ReviewRefusal | null {
  if (status === 'unverified') return 'not_verified';
  if (status !== 'pending') return 'already_reviewed';
  if (review.decision === 'reject' && review.reason.trim() === '') return 'reason_required';
  return null;
}

/** The status a review leaves a request in. */
export function reviewedStatus(review: SpeechRequestReview): SpeechRequestStatus {
  return review.decision === 'approve' ? 'approved' : 'rejected';
}

/**
 * An e-mail address as the one-per-address rules compare it: trimmed and lower-cased. The local
 * part is case-sensitive in theory, but no mail provider residents use treats it so, and a rule
 * that `Ana@x.bg` and `ana@x.bg` are two residents would be trivial to get around.
 */
export function normalizedEmail(address: string): string {
  return address.trim().toLowerCase();
}
