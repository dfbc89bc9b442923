import type { SittingEvent } from './sitting.events.js';
import { rejection } from './sitting.rejections.js';
import type { Rejection, RejectionCode, RejectionFacts } from './sitting.rejections.js';
import type { SittingState } from './sitting.state.js';
import type { CurrentSpeaker } from './speaker-queue.js';

/** What `decide` answers: the events to append, or why nothing happens. */
export type Decision =
  | { readonly ok: true; readonly events: readonly SittingEvent[] }
  | { readonly ok: false; readonly rejection: Rejection };

export function accept(...events: SittingEvent[]): Decision {
  return { ok: true, events };
}

export function refuse<K extends RejectionCode>(code: K, facts: RejectionFacts[K]): Decision {
  return { ok: false, rejection: rejection(code, facts) };
}

/** Most commands act only while the sitting is open (not suspended, not closed). */
export function refuseUnlessOpen(state: SittingState): Decision | null {
  return state.status === 'open' ? null : refuse('sitting_not_open', { status: state.status });
}

/** Durations and extensions must be whole, positive milliseconds. */
export function refuseUnlessPositive(field: string, value: number): Decision | null {
  return Number.isSafeInteger(value) && value > 0
    ? null
    : refuse('invalid_argument', { field, reason: 'must be a whole number of milliseconds > 0' });
}

export function refuseIfBlank(field: string, value: string): Decision | null {
  return typeof value === 'string' && value.trim() !== ''
    ? null
    : refuse('invalid_argument', { field, reason: 'must not be empty' });
}

/** The event that takes the floor back from the current speaker. */
export function speakerEndedEvent(
  speaker: CurrentSpeaker,
  reason: 'ended' | 'suspended' | 'closed',
  now: number,
): SittingEvent {
  return {
    type: 'speaker.ended',
    requestId: speaker.requestId,
    spokeMs: Math.max(0, now - speaker.grantedAt),
    overranMs: Math.max(0, now - speaker.endsAt),
    reason,
    at: now,
  };
}
