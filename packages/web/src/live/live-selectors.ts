import type { SpeechType } from '@veche/domain';
import { isPending, latestTagged, type TrackedCommand } from './live-commands';
import type { SittingView, SpeakerEntryView, VoteView } from './sitting-view';

/*
 * What the councillor's page shows, read from the view and the commands this tab sent. Pure, so
 * the rules ("may I change my ballot?", "which result stays on screen?") are tested without a
 * browser.
 */

export const presenceTag = (checkId: string) => `presence:${checkId}`;
export const ballotTag = (voteId: string) => `ballot:${voteId}`;
export const floorTag = (requestId: string) => `floor:${requestId}`;
export const withdrawTag = (requestId: string) => `withdraw:${requestId}`;

export function memberName(view: SittingView, memberId: string): string | null {
  return view.setup.members.find((member) => member.id === memberId)?.name ?? null;
}

export function speakerName(view: SittingView, entry: SpeakerEntryView): string {
  return entry.speaker.kind === 'member'
    ? (memberName(view, entry.speaker.memberId) ?? entry.speaker.memberId)
    : entry.speaker.name;
}

export function isPresent(view: SittingView, memberId: string | null): boolean | null {
  if (memberId === null) return null;
  return view.presence[memberId]?.present ?? null;
}

export type PresenceState =
  | { readonly kind: 'confirmed' }
  | { readonly kind: 'pending'; readonly command: TrackedCommand }
  | { readonly kind: 'failed'; readonly command: TrackedCommand }
  | { readonly kind: 'none' };

/** Where this member stands in the running quorum check. */
export function presenceState(
  view: SittingView,
  memberId: string | null,
  commands: readonly TrackedCommand[],
): PresenceState {
  const check = view.quorumCheck;
  if (check === null) return { kind: 'none' };
  if (memberId !== null && check.confirmed.includes(memberId)) return { kind: 'confirmed' };
  const command = latestTagged(commands, presenceTag(check.checkId));
  if (command === undefined) return { kind: 'none' };
  if (isPending(command)) return { kind: 'pending', command };
  // Accepted but not yet in the view (the event is on its way), or already confirmed by hand.
  if (command.status === 'accepted' || command.error?.code === 'already_confirmed') {
    return { kind: 'confirmed' };
  }
  return { kind: 'failed', command };
}

export interface BallotState {
  /** The option shown as chosen: sent or recorded; null when none. */
  readonly choice: string | null;
  readonly status: 'none' | 'pending' | 'recorded' | 'failed';
  /** The command behind the status (the newest one for this vote). */
  readonly command: TrackedCommand | null;
  /** May the member (still) choose: entitled, vote running, and no recorded ballot that binds. */
  readonly canChoose: boolean;
}

function choiceOf(command: TrackedCommand): string | null {
  return command.command.type === 'vote.cast' ? command.command.choice : null;
}

/** This member's ballot in a vote, as far as this tab knows it. */
export function ballotState(
  vote: VoteView,
  memberId: string | null,
  ballotChangeAllowed: boolean,
  commands: readonly TrackedCommand[],
): BallotState {
  const mine = commands.filter((c) => c.tag === ballotTag(vote.id));
  const latest = latestTagged(mine, ballotTag(vote.id)) ?? null;
  const lastRecorded = [...mine].reverse().find((c) => c.status === 'accepted') ?? null;
  const votedHere = lastRecorded !== null;
  // After a reload this tab knows no commands, but the tally says who has voted.
  const votedSomewhere = memberId !== null && (vote.tally.voters ?? []).includes(memberId);
  const entitled = memberId === null || vote.entitled.includes(memberId);
  const recorded = votedHere || votedSomewhere;
  const mayChange = ballotChangeAllowed && !vote.tally.secret;
  const running = vote.status === 'open';
  const pending = latest !== null && isPending(latest);
  const canChoose = running && entitled && !pending && (!recorded || mayChange);
  if (latest !== null && pending) {
    return { choice: choiceOf(latest), status: 'pending', command: latest, canChoose };
  }
  if (latest !== null && (latest.status === 'rejected' || latest.status === 'not_sent')) {
    // A refused change leaves the earlier ballot standing.
    return {
      choice: lastRecorded === null ? null : choiceOf(lastRecorded),
      status: 'failed',
      command: latest,
      canChoose,
    };
  }
  if (recorded) {
    return {
      choice: lastRecorded === null ? null : choiceOf(lastRecorded),
      status: 'recorded',
      command: lastRecorded,
      canChoose,
    };
  }
  return { choice: null, status: 'none', command: null, canChoose };
}

/**
 * What stays on screen once nothing is running: the latest vote's result, or the latest quorum
 * check's, whichever came last, until the next check or vote starts.
 */
export type Outcome =
  | { readonly kind: 'vote'; readonly vote: VoteView }
  | { readonly kind: 'quorum'; readonly check: NonNullable<SittingView['lastQuorumCheck']> }
  | { readonly kind: 'none' };

function settledAt(vote: VoteView): number | null {
  return vote.result?.closedAt ?? vote.annulment?.at ?? null;
}

export function latestOutcome(view: SittingView): Outcome {
  if (view.openVoteId !== null || view.quorumCheck !== null) return { kind: 'none' };
  const lastId = view.voteOrder.at(-1);
  const vote = lastId === undefined ? undefined : view.votes[lastId];
  const voteAt = vote === undefined ? null : settledAt(vote);
  const check = view.lastQuorumCheck;
  if (vote !== undefined && voteAt !== null && (check === null || check.closedAt <= voteAt)) {
    return { kind: 'vote', vote };
  }
  if (check !== null) return { kind: 'quorum', check };
  return { kind: 'none' };
}

export interface FloorRequest {
  readonly requestId: string;
  readonly type: SpeechType;
  /** 1 for the next to speak. */
  readonly position: number;
  /** A withdrawal of it is on its way. */
  readonly withdrawing: boolean;
}

/** This member's requests in the speakers' queue, with their places. */
export function myFloorRequests(
  view: SittingView,
  memberId: string | null,
  commands: readonly TrackedCommand[],
): FloorRequest[] {
  const mine = new Set(
    commands.flatMap((c) =>
      c.command.type === 'speaker.request' && c.status === 'accepted' ? [c.command.requestId] : [],
    ),
  );
  return view.speakerQueue.flatMap((entry, index) => {
    const ours =
      mine.has(entry.requestId) ||
      (memberId !== null && entry.speaker.kind === 'member' && entry.speaker.memberId === memberId);
    if (!ours) return [];
    const withdrawal = latestTagged(commands, withdrawTag(entry.requestId));
    return [
      {
        requestId: entry.requestId,
        type: entry.type,
        position: index + 1,
        withdrawing: isPending(withdrawal),
      },
    ];
  });
}

/** Requests of this member on their way to the queue (sent, not yet in the view). */
export function pendingFloorRequests(
  view: SittingView,
  commands: readonly TrackedCommand[],
): TrackedCommand[] {
  const inQueue = new Set(view.speakerQueue.map((entry) => entry.requestId));
  return commands.filter(
    (c) =>
      c.command.type === 'speaker.request' && isPending(c) && !inQueue.has(c.command.requestId),
  );
}
