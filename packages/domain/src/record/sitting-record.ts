import type { MajorityPresetId } from '../majority.presets.js';
import type { MajorityOutcome, MajorityRule } from '../majority.rules.js';
import type { VoteKind } from '../vote-tally.js';
import type { SittingMode } from '../vocabulary.js';
import {
  agendaSubtreeIds,
  applyAgendaChange,
  normalizeAgenda,
  numberAgenda,
} from '../sitting/agenda-tree.js';
import type { AgendaChange, AgendaItem, NumberedAgendaItem } from '../sitting/agenda-tree.js';
import type { SittingEvent } from '../sitting/sitting.events.js';
import type { SittingSetup } from '../sitting/sitting.state.js';
import type { SpeakerEntry, SpeechType } from '../sitting/speaker-queue.js';

/*
 * The record of a sitting: what its minutes say, folded from its log (DESIGN.md section 4,
 * "Minutes"). Pure: the same setup and log always give the same record, so the minutes of a
 * closed sitting never change and can be produced again at any time.
 */

/**
 * The server's seal of a vote's ballots, as far as the record needs it: for a named vote, each
 * member's choice (the server's `VoteSeal` has this shape and more).
 */
export interface VoteSealFacts {
  readonly type: 'vote.sealed';
  readonly voteId: string;
  readonly named:
    | readonly {
        readonly memberId: string;
        readonly choice: string;
        readonly enteredByUserId: string | null;
      }[]
    | null;
  readonly at: number;
}

/** An event of a sitting's log as stored: a domain event or a vote's seal. */
export type RecordedEvent = SittingEvent | VoteSealFacts;

/** A stretch of time; `to` is null when it lasted to the end of the log. */
export interface Interval {
  readonly from: number;
  readonly to: number | null;
}

export interface BreakRecord extends Interval {
  readonly reason: string | null;
}

export interface AttendanceRecord {
  readonly memberId: string;
  readonly name: string;
  /** When the member was present, in order and never overlapping; empty for one never present. */
  readonly intervals: readonly Interval[];
}

export interface SpeechRecord {
  readonly requestId: string;
  /** The member's name, or the resident's as given. */
  readonly speakerName: string;
  readonly memberId: string | null;
  readonly type: SpeechType;
  readonly itemId: string | null;
  readonly grantedAt: number;
  readonly endedAt: number | null;
  readonly spokeMs: number | null;
  readonly overranMs: number | null;
}

export interface NamedChoice {
  readonly memberId: string;
  readonly name: string;
  readonly choice: string;
  /** Entered by the operator for the member (a device failed). */
  readonly byProxy: boolean;
}

export interface VoteRecord {
  readonly voteId: string;
  readonly subject: string;
  readonly itemId: string | null;
  readonly kind: VoteKind;
  readonly options: readonly string[];
  readonly majority: MajorityRule;
  readonly majorityPresetId: MajorityPresetId | null;
  readonly openedAt: number;
  readonly status: 'open' | 'closed' | 'annulled';
  readonly closedAt: number | null;
  readonly counts: Readonly<Record<string, number>> | null;
  readonly entitled: number;
  readonly voted: number | null;
  readonly outcome: MajorityOutcome | null;
  /** Named votes, once sealed: every ballot, in the order of the body's members. */
  readonly named: readonly NamedChoice[] | null;
  /** Named votes: entitled members who cast no ballot; absent members of the body (names). */
  readonly notVoting: readonly string[];
  readonly absent: readonly string[];
  readonly annulment: { readonly reason: string; readonly at: number } | null;
  readonly repeatOf: string | null;
  readonly repeatedBy: string | null;
}

export interface AmendmentRecord {
  readonly change: AgendaChange;
  readonly at: number;
  /** The item's title, and its number before (remove, move) and after (insert, move). */
  readonly title: string;
  readonly numberBefore: string | null;
  readonly numberAfter: string | null;
  /** The vote the amendment followed, if any. */
  readonly basisVoteId: string | null;
}

export interface ItemRecord extends NumberedAgendaItem {
  /** Whether the sitting ever took the item, or an item under it, up. */
  readonly reached: boolean;
  /** Speeches and votes in the order they happened. */
  readonly entries: readonly ItemEntry[];
}

export type ItemEntry =
  | { readonly kind: 'speech'; readonly speech: SpeechRecord }
  | { readonly kind: 'vote'; readonly vote: VoteRecord };

export interface MinutesRecord {
  readonly sittingId: string;
  readonly number: number;
  readonly mode: SittingMode;
  readonly statutorySize: number;
  readonly status: 'draft' | 'convened' | 'open' | 'suspended' | 'closed';
  readonly openedAt: number | null;
  readonly closedAt: number | null;
  readonly breaks: readonly BreakRecord[];
  readonly attendance: readonly AttendanceRecord[];
  /** The agenda as prepared, and as adopted (after every amendment), numbered. */
  readonly initialAgenda: readonly NumberedAgendaItem[];
  readonly agenda: readonly NumberedAgendaItem[];
  readonly amendments: readonly AmendmentRecord[];
  /** Every item of the adopted agenda with its speeches and votes. */
  readonly items: readonly ItemRecord[];
  /** Speeches and votes on no item of the adopted agenda (none, or an item since removed). */
  readonly otherEntries: readonly ItemEntry[];
  /** Every vote in the order it opened. */
  readonly votes: readonly VoteRecord[];
}

interface Draft {
  status: MinutesRecord['status'];
  openedAt: number | null;
  closedAt: number | null;
  breaks: BreakRecord[];
  intervals: Map<string, Interval[]>;
  agenda: AgendaItem[];
  amendments: AmendmentRecord[];
  reached: Set<string>;
  currentItemId: string | null;
  requests: Map<string, SpeakerEntry>;
  speeches: Map<string, SpeechRecord>;
  votes: Map<string, VoteRecord>;
  /** Speeches and votes by id, in order: 's:' + request id or 'v:' + vote id. */
  order: string[];
}

function isPresentNow(draft: Draft, memberId: string): boolean {
  const list = draft.intervals.get(memberId);
  return list !== undefined && list.length > 0 && list.at(-1)!.to === null;
}

function setPresence(draft: Draft, memberId: string, present: boolean, at: number): void {
  const list = draft.intervals.get(memberId);
  if (list === undefined || isPresentNow(draft, memberId) === present) return;
  if (present) list.push({ from: at, to: null });
  else list[list.length - 1] = { from: list.at(-1)!.from, to: at };
}

/** Names of the given members in the order of the body's members. */
function inBodyOrder(
  setup: SittingSetup,
  names: ReadonlyMap<string, string>,
  ids: readonly string[],
): string[] {
  const wanted = new Set(ids);
  return setup.members
    .filter((member) => wanted.has(member.id))
    .map((member) => names.get(member.id) ?? member.name);
}

function updateVote(draft: Draft, voteId: string, change: (vote: VoteRecord) => VoteRecord): void {
  const vote = draft.votes.get(voteId);
  if (vote !== undefined) draft.votes.set(voteId, change(vote));
}

function titleOf(agenda: readonly AgendaItem[], id: string): string {
  return numberAgenda(agenda).find((item) => item.id === id)?.title ?? '';
}

function numberOf(agenda: readonly AgendaItem[], id: string): string | null {
  return numberAgenda(agenda).find((item) => item.id === id)?.number ?? null;
}

function amendment(draft: Draft, change: AgendaChange, basis: string | null, at: number) {
  const before = draft.agenda;
  const after = applyAgendaChange(before, change);
  const id = change.op === 'insert' ? change.item.id : change.itemId;
  draft.amendments.push({
    change,
    at,
    title: change.op === 'insert' ? change.item.title : titleOf(before, id),
    numberBefore: change.op === 'insert' ? null : numberOf(before, id),
    numberAfter: change.op === 'remove' ? null : numberOf(after, id),
    basisVoteId: basis,
  });
  draft.agenda = after;
}

function fold(draft: Draft, setup: SittingSetup, names: Map<string, string>, event: RecordedEvent) {
  switch (event.type) {
    case 'sitting.convened':
      draft.status = 'convened';
      return;
    case 'sitting.opened':
      draft.status = 'open';
      draft.openedAt ??= event.at;
      // The members' names under the hash chain, where the log carries them, are the ones that count.
      for (const member of event.members ?? []) names.set(member.id, member.name);
      return;
    case 'sitting.suspended':
      draft.status = 'suspended';
      draft.breaks.push({ from: event.at, to: null, reason: event.reason });
      return;
    case 'sitting.resumed': {
      draft.status = 'open';
      const last = draft.breaks.at(-1);
      if (last !== undefined && last.to === null) {
        draft.breaks[draft.breaks.length - 1] = { ...last, to: event.at };
      }
      return;
    }
    case 'sitting.closed': {
      draft.status = 'closed';
      draft.closedAt = event.at;
      const last = draft.breaks.at(-1);
      if (last !== undefined && last.to === null) {
        draft.breaks[draft.breaks.length - 1] = { ...last, to: event.at };
      }
      for (const member of setup.members) setPresence(draft, member.id, false, event.at);
      return;
    }
    case 'presence.confirmed':
      setPresence(draft, event.memberId, true, event.at);
      return;
    case 'presence.marked':
      setPresence(draft, event.memberId, event.present, event.at);
      return;
    case 'quorum.check_closed':
      for (const id of event.present) setPresence(draft, id, true, event.at);
      for (const id of event.absent) setPresence(draft, id, false, event.at);
      return;
    case 'agenda.current_set':
      draft.currentItemId = event.itemId;
      if (event.itemId !== null) draft.reached.add(event.itemId);
      return;
    case 'agenda.amended':
      amendment(draft, event.change, event.basisVoteId, event.at);
      return;
    case 'speaker.requested':
      draft.requests.set(event.entry.requestId, event.entry);
      return;
    case 'speaker.granted': {
      const entry = draft.requests.get(event.requestId);
      if (entry === undefined) return;
      const memberId = entry.speaker.kind === 'member' ? entry.speaker.memberId : null;
      draft.speeches.set(event.requestId, {
        requestId: event.requestId,
        speakerName:
          entry.speaker.kind === 'member'
            ? (names.get(entry.speaker.memberId) ?? entry.speaker.memberId)
            : entry.speaker.name,
        memberId,
        type: entry.type,
        itemId: entry.itemId ?? draft.currentItemId,
        grantedAt: event.at,
        endedAt: null,
        spokeMs: null,
        overranMs: null,
      });
      draft.order.push(`s:${event.requestId}`);
      return;
    }
    case 'speaker.ended': {
      const speech = draft.speeches.get(event.requestId);
      if (speech === undefined) return;
      draft.speeches.set(event.requestId, {
        ...speech,
        endedAt: event.at,
        spokeMs: event.spokeMs,
        overranMs: event.overranMs,
      });
      return;
    }
    case 'vote.opened':
      draft.votes.set(event.voteId, {
        voteId: event.voteId,
        subject: event.subject,
        itemId: event.itemId ?? draft.currentItemId,
        kind: event.kind,
        options: event.options,
        majority: event.majority,
        majorityPresetId: event.majorityPresetId,
        openedAt: event.at,
        status: 'open',
        closedAt: null,
        counts: null,
        entitled: event.entitled.length,
        voted: null,
        outcome: null,
        named: null,
        notVoting: [],
        absent: inBodyOrder(setup, names, event.absent),
        annulment: null,
        repeatOf: event.repeatOf,
        repeatedBy: null,
      });
      if (event.repeatOf !== null) {
        updateVote(draft, event.repeatOf, (old) => ({ ...old, repeatedBy: event.voteId }));
      }
      draft.order.push(`v:${event.voteId}`);
      return;
    case 'vote.closed':
      updateVote(draft, event.voteId, (vote) => ({
        ...vote,
        status: 'closed',
        closedAt: event.at,
        counts: event.counts,
        entitled: event.entitled,
        voted: event.voted,
        outcome: event.outcome,
      }));
      return;
    case 'vote.annulled':
      updateVote(draft, event.voteId, (vote) => ({
        ...vote,
        status: 'annulled',
        annulment: { reason: event.reason, at: event.at },
      }));
      return;
    case 'vote.sealed': {
      const sealed = event.named;
      if (sealed === null) return;
      const place = new Map(setup.members.map((member, index) => [member.id, index]));
      const rank = (id: string) => place.get(id) ?? setup.members.length;
      const named = [...sealed]
        .sort((a, b) => rank(a.memberId) - rank(b.memberId))
        .map((ballot) => ({
          memberId: ballot.memberId,
          name: names.get(ballot.memberId) ?? ballot.memberId,
          choice: ballot.choice,
          byProxy: ballot.enteredByUserId !== null,
        }));
      updateVote(draft, event.voteId, (vote) => ({ ...vote, named }));
      return;
    }
    default:
      // Quorum checks starting, ballots, queue changes and chat are not part of the minutes.
      return;
  }
}

/** Members entitled to a named vote who cast no ballot, by name in the body's order. */
function withNotVoting(
  vote: VoteRecord,
  setup: SittingSetup,
  names: ReadonlyMap<string, string>,
  entitled: ReadonlySet<string>,
) {
  if (vote.named === null) return vote;
  const voted = new Set(vote.named.map((ballot) => ballot.memberId));
  const notVoting = setup.members
    .filter((member) => entitled.has(member.id) && !voted.has(member.id))
    .map((member) => names.get(member.id) ?? member.name);
  return { ...vote, notVoting };
}

/**
 * Folds a sitting's log (with the server's seals) into its record. Events the record does not
 * know are skipped; a log that has not started gives an empty record.
 */
export function sittingRecord(
  setup: SittingSetup,
  events: readonly RecordedEvent[],
): MinutesRecord {
  const names = new Map(setup.members.map((member) => [member.id, member.name]));
  const initial = normalizeAgenda(setup.agenda ?? []);
  const draft: Draft = {
    status: setup.initialStatus ?? 'draft',
    openedAt: null,
    closedAt: null,
    breaks: [],
    intervals: new Map(setup.members.map((member) => [member.id, []])),
    agenda: initial,
    amendments: [],
    reached: new Set(),
    currentItemId: null,
    requests: new Map(),
    speeches: new Map(),
    votes: new Map(),
    order: [],
  };
  const entitledOf = new Map<string, ReadonlySet<string>>();
  for (const event of events) {
    if (event.type === 'vote.opened') entitledOf.set(event.voteId, new Set(event.entitled));
    fold(draft, setup, names, event);
  }

  const votes = [...draft.votes.values()].map((vote) =>
    withNotVoting(vote, setup, names, entitledOf.get(vote.voteId) ?? new Set()),
  );
  const voteById = new Map(votes.map((vote) => [vote.voteId, vote]));
  const entries: ItemEntry[] = draft.order.flatMap((key): ItemEntry[] => {
    const id = key.slice(2);
    if (key.startsWith('s:')) {
      const speech = draft.speeches.get(id);
      return speech === undefined ? [] : [{ kind: 'speech', speech }];
    }
    const vote = voteById.get(id);
    return vote === undefined ? [] : [{ kind: 'vote', vote }];
  });
  const itemOf = (entry: ItemEntry) =>
    entry.kind === 'speech' ? entry.speech.itemId : entry.vote.itemId;
  const agenda = numberAgenda(draft.agenda);
  const onAgenda = new Set(agenda.map((item) => item.id));

  return {
    sittingId: setup.sittingId,
    number: setup.number,
    mode: setup.mode,
    statutorySize: setup.statutorySize,
    status: draft.status,
    openedAt: draft.openedAt,
    closedAt: draft.closedAt,
    breaks: draft.breaks,
    attendance: setup.members.map((member) => ({
      memberId: member.id,
      name: names.get(member.id) ?? member.name,
      intervals: draft.intervals.get(member.id) ?? [],
    })),
    initialAgenda: numberAgenda(initial),
    agenda,
    amendments: draft.amendments,
    items: agenda.map((item) => ({
      ...item,
      // A heading is reached when any item under it is.
      reached: agendaSubtreeIds(draft.agenda, item.id).some((id) => draft.reached.has(id)),
      entries: entries.filter((entry) => itemOf(entry) === item.id),
    })),
    otherEntries: entries.filter((entry) => {
      const itemId = itemOf(entry);
      return itemId === null || !onAgenda.has(itemId);
    }),
    votes,
  };
}

/** Whether a member was ever present at the sitting. */
export function wasPresent(attendance: AttendanceRecord): boolean {
  return attendance.intervals.length > 0;
}
