import type { SpeechRequest } from '@veche/protocol';
import { clockOf } from './council-clock';

/** The requests about one agenda item; `number` null: the item is no longer on the agenda. */
export interface SpeechRequestGroup {
  readonly itemId: string;
  readonly number: string | null;
  readonly title: string;
  readonly requests: readonly SpeechRequest[];
}

/** "2.10" after "2.9": the agenda's numbers compared part by part, as numbers. */
function compareNumbers(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return a.localeCompare(b);
}

/**
 * A sitting's requests to speak by agenda item, in the agenda's order; the items removed from
 * the agenda come last (their requests stay on record and the office still sees them). Within
 * an item, the requests keep the order they were filed in: first come, first heard.
 */
export function speechRequestGroups(requests: readonly SpeechRequest[]): SpeechRequestGroup[] {
  const byItem = new Map<string, SpeechRequest[]>();
  for (const request of requests) {
    const mine = byItem.get(request.itemId);
    if (mine === undefined) byItem.set(request.itemId, [request]);
    else mine.push(request);
  }
  const groups = [...byItem].map(([itemId, mine]) => {
    const sorted = [...mine].sort((a, b) => Date.parse(a.filedAt) - Date.parse(b.filedAt));
    // Every request of an item carries the item as it is now; the newest says it best.
    const newest = sorted[sorted.length - 1] ?? mine[0];
    return {
      itemId,
      number: newest?.itemNumber ?? null,
      title: newest?.itemTitle ?? '',
      requests: sorted,
    };
  });
  return groups.sort((a, b) => {
    if (a.number === null || b.number === null) {
      if (a.number !== b.number) return a.number === null ? 1 : -1;
      return a.title.localeCompare(b.title);
    }
    return compareNumbers(a.number, b.number);
  });
}

/** How many requests wait for the office's decision (verified, not yet decided). */
export function waitingForDecision(requests: readonly SpeechRequest[]): number {
  return requests.filter((request) => request.status === 'pending').length;
}

/** The words for a request's state: `preparation.speechRequests.status.<key>`. */
export type SpeechRequestStatusKey =
  'unverified' | 'pending' | 'approvedQueued' | 'approvedNotQueued' | 'rejected';

/**
 * What the office reads as a request's status. An approved request says whether its speaker is
 * in the item's queue yet, since that is what the operator checks during the sitting.
 */
export function speechRequestStatusKey(request: SpeechRequest): SpeechRequestStatusKey {
  switch (request.status) {
    case 'unverified':
      return 'unverified';
    case 'pending':
      return 'pending';
    case 'approved':
      return request.queued ? 'approvedQueued' : 'approvedNotQueued';
    case 'rejected':
      return 'rejected';
  }
}

/**
 * Whether the council's last day for requests (its local date) is over at `now`, read on the
 * council's clock: requests are taken all through the last day, wherever the office sits.
 */
export function lastDayPassed(lastDay: string, now: number, timeZone: string): boolean {
  let today: string;
  try {
    today = clockOf(new Date(now).toISOString(), timeZone).date;
  } catch {
    // An unknown zone name: UTC is a day off at most, better than no answer.
    today = new Date(now).toISOString().slice(0, 10);
  }
  return today > lastDay;
}

/** When a request was filed, in the reader's language, on the council's clock. */
export function formatFiledAt(filedAt: string, timeZone: string, language: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone }).format(new Date(filedAt));
  } catch {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(
      new Date(filedAt),
    );
  }
}
