import type { MajorityPresetId } from '../majority.presets.js';
import type { QuorumResult } from '../quorum.rules.js';
import type { VoteState } from '../vote-tally.js';
import type { QuorumRuleKind, SittingMode, SittingStatus } from '../vocabulary.js';
import { normalizeAgenda } from './agenda-tree.js';
import type { AgendaItem, AgendaItemInput } from './agenda-tree.js';
import type { ChatMessage } from './chat.js';
import type { CurrentSpeaker, SpeakerEntry } from './speaker-queue.js';

export interface SittingMember {
  readonly id: string;
  readonly name: string;
}

/** What the server knows about a sitting before its log starts; the log never changes it. */
export interface SittingSetup {
  readonly sittingId: string;
  /** The sitting's number within the body's term, shown in Roman numerals. */
  readonly number: number;
  readonly mode: SittingMode;
  readonly statutorySize: number;
  readonly quorumRule: QuorumRuleKind;
  /** The body's current members; fewer than the statutory size when seats are vacant. */
  readonly members: readonly SittingMember[];
  readonly agenda?: readonly AgendaItemInput[];
  /** Council setting: may a member change a cast (non-secret) ballot before the close? */
  readonly ballotChangeAllowed: boolean;
  /**
   * Council setting: the majority preset a new vote starts from (the console's default; every
   * vote still names its own). Absent from setups frozen before the setting was recorded.
   */
  readonly majorityPresetId?: MajorityPresetId | null;
  /** Speaking time when the agenda item sets none. */
  readonly defaultSpeakingLimitMs: number;
  /** Where the log starts; a sitting prepared elsewhere may start its log already convened. */
  readonly initialStatus?: 'draft' | 'convened';
}

export interface PresenceEntry {
  readonly present: boolean;
  /** When the member last arrived or left; null if never recorded. */
  readonly since: number | null;
}

export interface QuorumCheckState {
  readonly checkId: string;
  readonly startedAt: number;
  readonly endsAt: number;
  /** Members who confirmed or were marked present during this check (sorted). */
  readonly confirmed: readonly string[];
}

export interface QuorumCheckRecord {
  readonly checkId: string;
  readonly closedAt: number;
  readonly present: readonly string[];
  readonly result: QuorumResult;
}

/**
 * The live sitting, folded from its event log (DESIGN.md section 5). Plain JSON data only, so that
 * the server can store snapshots and send them to clients as they are.
 */
export interface SittingState {
  readonly setup: SittingSetup;
  readonly status: SittingStatus;
  readonly openedAt: number | null;
  readonly closedAt: number | null;
  readonly suspendedAt: number | null;
  readonly presence: Readonly<Record<string, PresenceEntry>>;
  readonly quorumCheck: QuorumCheckState | null;
  readonly lastQuorumCheck: QuorumCheckRecord | null;
  readonly agenda: readonly AgendaItem[];
  readonly currentItemId: string | null;
  readonly speakerQueue: readonly SpeakerEntry[];
  readonly currentSpeaker: CurrentSpeaker | null;
  readonly votes: Readonly<Record<string, VoteState>>;
  /** Vote ids in the order they opened. */
  readonly voteOrder: readonly string[];
  readonly openVoteId: string | null;
  /**
   * Every chat message, in the order sent. Not bounded: a sitting has at most a few thousand, and
   * snapshots must carry each reader's whole conversation (the server filters it per reader).
   */
  readonly chat: readonly ChatMessage[];
}

/**
 * The state before the first event. Throws a RangeError on a setup that could never run a sitting
 * (no statutory size, more members than seats, duplicate ids): that is a bug upstream, not a command.
 */
export function initialSittingState(setup: SittingSetup): SittingState {
  if (!Number.isSafeInteger(setup.statutorySize) || setup.statutorySize < 1) {
    throw new RangeError('statutorySize must be a whole number >= 1');
  }
  if (setup.members.length > setup.statutorySize) {
    throw new RangeError('a body cannot have more members than its statutory size');
  }
  if (new Set(setup.members.map((member) => member.id)).size !== setup.members.length) {
    throw new RangeError('member ids must be unique');
  }
  if (!Number.isSafeInteger(setup.defaultSpeakingLimitMs) || setup.defaultSpeakingLimitMs < 1) {
    throw new RangeError('defaultSpeakingLimitMs must be a whole number >= 1');
  }
  // fromEntries defines own properties, so even an id like "__proto__" stays plain data.
  const presence: Record<string, PresenceEntry> = Object.fromEntries(
    setup.members.map((member) => [member.id, { present: false, since: null }]),
  );
  return {
    setup,
    status: setup.initialStatus ?? 'draft',
    openedAt: null,
    closedAt: null,
    suspendedAt: null,
    presence,
    quorumCheck: null,
    lastQuorumCheck: null,
    agenda: normalizeAgenda(setup.agenda ?? []),
    currentItemId: null,
    speakerQueue: [],
    currentSpeaker: null,
    votes: {},
    voteOrder: [],
    openVoteId: null,
    chat: [],
  };
}

export function isMember(state: SittingState, memberId: string): boolean {
  return Object.hasOwn(state.presence, memberId);
}

export function isPresent(state: SittingState, memberId: string): boolean {
  return isMember(state, memberId) && state.presence[memberId]?.present === true;
}

/** Ids of the members present now, sorted. */
export function presentMembers(state: SittingState): string[] {
  return Object.keys(state.presence)
    .filter((id) => state.presence[id]?.present === true)
    .sort();
}

/** Ids of the body's members not present now, sorted. */
export function absentMembers(state: SittingState): string[] {
  return Object.keys(state.presence)
    .filter((id) => state.presence[id]?.present !== true)
    .sort();
}
