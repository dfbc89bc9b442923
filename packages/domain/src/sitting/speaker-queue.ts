/**
 * The speakers' queue (DESIGN.md section 4, "Speakers"): members ask for the floor; residents whose
 * speech request the office approved join the queue of their agenda item.
 */
export const SPEECH_TYPES = ['formal_motion', 'ad_vocem', 'normal'] as const;
export type SpeechType = (typeof SPEECH_TYPES)[number];

export type Speaker =
  | { readonly kind: 'member'; readonly memberId: string }
  | { readonly kind: 'resident'; readonly requestId: string; readonly name: string };

export interface SpeakerEntry {
  readonly requestId: string;
  readonly speaker: Speaker;
  readonly type: SpeechType;
  readonly itemId: string | null;
  readonly requestedAt: number;
}

export interface CurrentSpeaker extends SpeakerEntry {
  readonly grantedAt: number;
  readonly limitMs: number;
  /** grantedAt + limitMs + every extension. */
  readonly endsAt: number;
}

/**
 * Formal motions jump the queue and go first, first come first served among themselves
 * (DESIGN.md section 4). A reply ad vocem comes next, since it answers a speech just made;
 * ordinary requests wait in the order they came.
 */
const RANK: Readonly<Record<SpeechType, number>> = { formal_motion: 0, ad_vocem: 1, normal: 2 };

/** The rank of a speech type: lower speaks sooner. */
export function speechRank(type: SpeechType): number {
  return RANK[type];
}

/** Inserts a request behind every entry of the same or higher priority (stable, FIFO per rank). */
export function enqueueSpeaker(
  queue: readonly SpeakerEntry[],
  entry: SpeakerEntry,
): SpeakerEntry[] {
  const rank = RANK[entry.type];
  const at = queue.findIndex((queued) => RANK[queued.type] > rank);
  return at === -1 ? [...queue, entry] : [...queue.slice(0, at), entry, ...queue.slice(at)];
}

/** Same speaker, for refusing a second pending request of the same type. */
export function sameSpeaker(a: Speaker, b: Speaker): boolean {
  if (a.kind === 'member' && b.kind === 'member') return a.memberId === b.memberId;
  if (a.kind === 'resident' && b.kind === 'resident') return a.requestId === b.requestId;
  return false;
}

/** The member id behind a speaker, or null for a resident. */
export function speakerMemberId(speaker: Speaker): string | null {
  return speaker.kind === 'member' ? speaker.memberId : null;
}
