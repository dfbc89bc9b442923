import {
  authorize,
  decide,
  evolveAll,
  initialSittingState,
  type Authorization,
  type Rejection,
  type SittingActor,
  type SittingCommand,
  type SittingEvent,
  type SittingSetup,
  type SittingState,
} from '@veche/domain';
import { inTransaction, type Repositories } from '../storage/repositories.js';
import { SequenceConflictError } from '../storage/repositories/sitting-events.repository.js';
import type { SittingRow } from '../storage/repositories/sittings.repository.js';
import { hasPgCode, UNIQUE_VIOLATION, type StorageContext } from '../storage/storage-context.js';
import { ballotBox, type BallotWrite } from './ballot-box.js';
import { recordResolutionsAtClose } from './resolutions-at-close.js';
import {
  sealOpenBallots,
  sealSecretBallots,
  type NamedBallot,
  type VoteSeal,
} from './ballot-seal.js';
import { buildSittingSetup } from './sitting-setup.js';
import type { EventBus } from '../realtime/event-bus.js';

/** An event as the log stores it: a domain event, or the server's seal of a vote's ballots. */
export type LoggedEvent = SittingEvent | VoteSeal;

export type CommandOutcome =
  | { readonly accepted: true; readonly seq: number; readonly events: readonly LoggedEvent[] }
  | { readonly accepted: false; readonly rejection: Rejection };

export type CommandResult =
  | { readonly kind: 'done'; readonly outcome: CommandOutcome; readonly replayed: boolean }
  | {
      readonly kind: 'forbidden';
      readonly rejection: Extract<Authorization, { ok: false }>['rejection'];
    }
  | { readonly kind: 'id_reused' };

interface LogState {
  readonly setup: SittingSetup;
  /** The state folded from the log alone; ballots of an open vote live in the ballot box. */
  readonly state: SittingState;
  readonly lastSeq: number;
  /** Each closed named vote's ballots, from its seal: public once it closes. */
  readonly named: NamedChoices;
  /** The sitting's version this was built from: preparation moves it until the sitting opens. */
  readonly version: number;
}

/** Closed named votes' ballots (choice, and who entered it if not the member), by vote id. */
export type NamedChoices = Readonly<Record<string, readonly NamedBallot[]>>;

/** The named lists that these events seal, added to those known. */
function withSealedNames(named: NamedChoices, events: readonly LoggedEvent[]): NamedChoices {
  let next = named;
  for (const event of events) {
    if (!isSeal(event) || event.named === null) continue;
    next = { ...next, [event.voteId]: event.named };
  }
  return next;
}

/** How many sittings' folded logs a process keeps; others are folded again when needed. */
const CACHED_SITTINGS = 500;

/** Conflicting writers retry; past this the sitting is too contended to go on. */
const MAX_ATTEMPTS = 8;

export class ContentionError extends Error {
  constructor(sittingId: string) {
    super(`sitting ${sittingId} is changing too fast to apply the command; try again`);
    this.name = 'ContentionError';
  }
}

const isSeal = (event: LoggedEvent): event is VoteSeal => event.type === 'vote.sealed';

/** A person, or the server itself (closing at a deadline), which no permission check applies to. */
export type Actor = SittingActor | 'system';
const userIdOf = (actor: Actor): string | null => (actor === 'system' ? null : actor.userId);

interface Submitted {
  readonly commandId: string;
  readonly actor: Actor;
  readonly command: SittingCommand;
}
/** A command the domain accepted, with its events, about to be appended. */
interface Decided extends Submitted {
  readonly events: readonly SittingEvent[];
}
/** A command the domain refused, whose refusal is recorded under its id. */
interface Refused extends Submitted {
  readonly rejection: Rejection;
}
/** A command waiting for its turn in its sitting. */
interface Waiting extends Submitted {
  readonly resolve: (result: CommandResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Commands that many members send at the same moment (everyone confirming presence when a
 * quorum check starts) and that depend on the log alone: those waiting together are decided one
 * after another on the same state and appended in one transaction.
 */
const GROUPED: ReadonlySet<SittingCommand['type']> = new Set([
  'presence.confirm',
  'presence.mark',
  'speaker.request',
  'speaker.withdraw',
]);
/** At most this many waiting commands are appended together. */
const MAX_GROUP = 256;

/** Resolves after the event loop has handled the input that is waiting (setImmediate). */
const afterPendingInput = () => new Promise<void>((resolve) => setImmediate(resolve));

function fold(state: SittingState, events: readonly LoggedEvent[]): SittingState {
  return evolveAll(
    state,
    events.filter((event): event is SittingEvent => !isSeal(event)),
  );
}

/**
 * Runs commands against live sittings (DESIGN.md section 5): the state is the domain's `evolve`
 * folded over the sitting's log, cached per process and brought up to date from the database
 * before every command, so several server processes can serve one sitting. Accepted events are
 * appended with optimistic concurrency on the sequence number; ballots go to the ballot box.
 * Every outcome is recorded under the client's command id, so a retry acts once.
 */
export function liveSittingService(storage: StorageContext, repos: Repositories, bus: EventBus) {
  /** Folded logs by sitting, most recently used last; bounded, so it cannot grow without end. */
  const cache = new Map<string, LogState>();
  /**
   * Ballots this process has written, per sitting and vote: what lets a ballot be decided
   * without reading the ballot box. Never trusted alone: the box's keys and vote lock decide.
   */
  const written = new Map<string, Map<string, SittingEvent[]>>();
  const seenBallotIds = new Set<string>();
  const rememberBallot = (sittingId: string, events: readonly SittingEvent[]) => {
    const first = events[0];
    if (first === undefined || !('voteId' in first)) return;
    const key = `${sittingId}|${first.voteId}`;
    // A secret ballot is remembered only as participation: never its choice beside its member.
    const kept = events.filter((event) => event.type !== 'vote.secret_choice_recorded');
    const byMember = written.get(key) ?? new Map<string, SittingEvent[]>();
    written.set(key, byMember);
    for (const event of kept) {
      if (!('memberId' in event)) continue;
      byMember.set(event.memberId, [...(byMember.get(event.memberId) ?? []), event]);
    }
    if (written.size > CACHED_SITTINGS) written.delete(written.keys().next().value!);
  };

  /**
   * The quick way for a ballot, taken by nearly all of them: decided on the cached state and
   * this process's own ballots, without reading anything, then written by the ballot box. Any
   * refusal or conflict returns undefined, and the ballot takes the careful way (fresh state,
   * the member's stored ballot, the command id's first outcome), so a stale cache can cost a
   * retry but never a wrong answer; the box refuses ballots of a vote that has closed.
   */
  async function castQuickly(
    sitting: SittingRow,
    commandId: string,
    actor: Actor,
    command: Extract<SittingCommand, { type: 'vote.cast' }>,
  ): Promise<CommandResult | undefined> {
    const cached = cache.get(sitting.id);
    // A command id seen before is a retry: only the careful way returns its first outcome.
    if (cached === undefined || actor === 'system' || seenBallotIds.has(commandId))
      return undefined;
    seenBallotIds.add(commandId);
    if (seenBallotIds.size > 100_000) seenBallotIds.delete(seenBallotIds.values().next().value!);
    const mine = written.get(`${sitting.id}|${command.voteId}`)?.get(command.memberId) ?? [];
    const state = fold(cached.state, mine);
    if (!authorize(actor, command, state).ok) return undefined;
    const decision = decide(state, command, storage.clock().getTime());
    if (!decision.ok) return undefined;
    const outcome = await castBallot(sitting, cached, commandId, actor, decision.events);
    return outcome === 'conflict' ? undefined : { kind: 'done', outcome, replayed: false };
  }

  /** Each sitting's log-appending commands waiting for their turn in this process. */
  const waiting = new Map<string, Waiting[]>();
  const remember = (sittingId: string, entry: LogState) => {
    cache.delete(sittingId);
    cache.set(sittingId, entry);
    if (cache.size > CACHED_SITTINGS) cache.delete(cache.keys().next().value!);
  };
  const box = ballotBox(storage);

  async function logState(sitting: SittingRow): Promise<LogState> {
    let entry = cache.get(sitting.id);
    // The office changed the agenda or details of a sitting not yet open: start again from them.
    if (entry !== undefined && entry.version < sitting.version) entry = undefined;
    if (entry === undefined) {
      const setup =
        (sitting.logSetup as SittingSetup | null) ?? (await buildSittingSetup(repos, sitting));
      entry = {
        setup,
        state: initialSittingState(setup),
        lastSeq: 0,
        named: {},
        version: sitting.version,
      };
    }
    const rows = await repos.sittingEvents.listAfter(sitting.councilId, sitting.id, entry.lastSeq);
    if (rows.length > 0) {
      if (entry.lastSeq === 0) {
        // Another process started the log: its frozen setup is the one that counts.
        const fresh = await repos.sittings.locate(sitting.id);
        const setup = fresh?.logSetup as SittingSetup;
        entry = {
          setup,
          state: initialSittingState(setup),
          lastSeq: 0,
          named: {},
          version: fresh?.version ?? sitting.version,
        };
      }
      const events = rows.map((row) => row.payload as LoggedEvent);
      entry = {
        ...entry,
        state: fold(entry.state, events),
        lastSeq: rows.at(-1)!.seq,
        named: withSealedNames(entry.named, events),
      };
    }
    remember(sitting.id, entry);
    return entry;
  }

  /**
   * Adds the open vote's ballots to the state. For a ballot only the voter's own earlier ballot
   * matters; any other command (closing above all) sees them all.
   */
  async function withBallots(
    sitting: SittingRow,
    state: SittingState,
    /** Only this member's ballot (deciding their ballot), or null for every ballot. */
    voter: string | null,
    source: Repositories = repos,
  ): Promise<SittingState> {
    const voteId = state.openVoteId;
    const vote = voteId === null ? undefined : state.votes[voteId];
    if (voteId === null || vote === undefined) return state;
    const events: SittingEvent[] = [];
    if (vote.kind === 'secret') {
      const participants =
        voter === null
          ? await source.ballots.secretParticipants(sitting.id, voteId)
          : (await source.ballots.hasSecretParticipation(sitting.id, voteId, voter))
            ? [voter]
            : [];
      for (const memberId of participants) {
        events.push({ type: 'vote.participation_recorded', voteId, memberId, at: vote.openedAt });
      }
      if (voter === null) {
        const counts = await source.ballots.secretCounts(sitting.id, voteId);
        for (const [choice, count] of Object.entries(counts)) {
          for (let n = 0; n < count; n++) {
            events.push({ type: 'vote.secret_choice_recorded', voteId, choice });
          }
        }
      }
    } else {
      const rows =
        voter === null
          ? await source.ballots.forVote(sitting.id, voteId)
          : [await source.ballots.forMember(sitting.id, voteId, voter)].filter(
              (row) => row !== undefined,
            );
      for (const row of rows) {
        events.push({
          type: 'vote.cast_recorded',
          voteId,
          memberId: row.memberId,
          choice: row.choice,
          previousChoice: null,
          enteredBy:
            row.enteredByUserId === null
              ? null
              : { operatorId: row.enteredByUserId, reason: row.proxyReason ?? '' },
          at: row.castAt.getTime(),
        });
      }
    }
    return fold(state, events);
  }

  async function replay(
    sitting: SittingRow,
    commandId: string,
    actor: Actor,
  ): Promise<CommandResult | undefined> {
    const prior = await repos.sittingCommands.find(sitting.id, commandId);
    if (prior === undefined) return undefined;
    if (prior.actorUserId !== userIdOf(actor)) return { kind: 'id_reused' };
    return { kind: 'done', outcome: prior.outcome as CommandOutcome, replayed: true };
  }

  async function recordRejection(
    sitting: SittingRow,
    commandId: string,
    actor: Actor,
    command: SittingCommand,
    rejection: Rejection,
  ): Promise<CommandResult> {
    const outcome: CommandOutcome = { accepted: false, rejection };
    try {
      await repos.sittingCommands.record({
        councilId: sitting.councilId,
        sittingId: sitting.id,
        commandId,
        actorUserId: userIdOf(actor),
        type: command.type,
        outcome,
      });
    } catch (error) {
      // The same command id arrived twice at once: the first record is the answer.
      if (!hasPgCode(error, UNIQUE_VIOLATION)) throw error;
      return (
        (await replay(sitting, commandId, actor)) ?? { kind: 'done', outcome, replayed: false }
      );
    }
    return { kind: 'done', outcome, replayed: false };
  }

  /**
   * Appends the accepted events of one command, or of several decided one after another on the
   * same state (a burst of presence confirmations), in one transaction; refusals decided with
   * them are recorded in it too. A closing vote is sealed with its ballots in the same append.
   * Resolves with each accepted command's outcome, in order.
   */
  async function append(
    sitting: SittingRow,
    log: LogState,
    accepted: readonly Decided[],
    refused: readonly Refused[],
    decisionState: SittingState,
    now: number,
  ): Promise<CommandOutcome[]> {
    const outcomes = await inTransaction(storage, async (tx) => {
      const results: CommandOutcome[] = [];
      const logged: { actor: Actor; event: LoggedEvent }[] = [];
      for (const entry of accepted) {
        const events = await sealed(tx, entry);
        logged.push(...events.map((event) => ({ actor: entry.actor, event })));
        results.push({ accepted: true, seq: log.lastSeq + logged.length, events });
      }
      // The setup is frozen with the first event (a burst of refusals appends none).
      if (log.lastSeq === 0 && logged.length > 0)
        await tx.sittings.freezeLogSetup(sitting.councilId, sitting.id, log.setup);
      await tx.sittingEvents.append(
        sitting.councilId,
        sitting.id,
        log.lastSeq,
        logged.map(({ actor, event }) => ({
          type: event.type,
          payload: event,
          actorUserId: userIdOf(actor),
          // Secret choices never reach the log; every logged event has its time.
          at: new Date('at' in event ? event.at : storage.clock().getTime()),
        })),
      );
      const record = (entry: Decided | Refused, outcome: CommandOutcome) => ({
        councilId: sitting.councilId,
        sittingId: sitting.id,
        commandId: entry.commandId,
        actorUserId: userIdOf(entry.actor),
        type: entry.command.type,
        outcome,
      });
      await tx.sittingCommands.recordAll([
        ...accepted.map((entry, index) => record(entry, results[index]!)),
        ...refused.map((entry) => record(entry, { accepted: false, rejection: entry.rejection })),
      ]);
      const next = fold(
        log.state,
        logged.map(({ event }) => event),
      );
      if (next.status !== log.state.status) {
        await tx.sittings.setStatus(sitting.councilId, sitting.id, next.status);
      }
      return results;
    });
    const events = outcomes.flatMap((outcome) => (outcome.accepted ? outcome.events : []));
    remember(sitting.id, {
      version: log.version,
      setup: log.setup,
      state: fold(log.state, events),
      lastSeq: log.lastSeq + events.length,
      named: withSealedNames(log.named, events),
    });
    if (events.length > 0) {
      bus.publish({
        kind: 'appended',
        councilId: sitting.councilId,
        sittingId: sitting.id,
        events: events.map((event, index) => ({ seq: log.lastSeq + 1 + index, event })),
      });
    }
    return outcomes;

    /** A command's events as logged: a closing vote gets its seal right after the close. */
    async function sealed(tx: Repositories, entry: Decided): Promise<LoggedEvent[]> {
      let decided = entry.events;
      let state = decisionState;
      const { command } = entry;
      if (command.type === 'vote.close') {
        // Under the vote's exclusive lock, with the ballots as committed now: every ballot
        // acknowledged before this point is counted, and none can be written after it.
        await tx.sittingEvents.lockVote(sitting.id, command.voteId, 'exclusive');
        state = await withBallots(sitting, log.state, null, tx);
        const again = decide(state, command, now);
        if (!again.ok) throw new SequenceConflictError(sitting.id, log.lastSeq);
        decided = again.events;
      }
      const events: LoggedEvent[] = [];
      for (const event of decided) {
        events.push(event);
        if (event.type === 'sitting.closed') {
          await recordResolutionsAtClose(tx, sitting, state, event.at);
        }
        if (event.type !== 'vote.closed') continue;
        const vote = state.votes[event.voteId];
        if (vote?.kind === 'secret') {
          const participants = await tx.ballots.secretParticipants(sitting.id, event.voteId);
          const counts = await tx.ballots.secretCounts(sitting.id, event.voteId);
          events.push(sealSecretBallots(event.voteId, participants, counts, event.at));
        } else {
          const rows = await tx.ballots.forVote(sitting.id, event.voteId);
          events.push(sealOpenBallots(event.voteId, vote?.kind === 'named', rows, event.at));
        }
      }
      return events;
    }
  }

  /**
   * Puts a ballot in the box; it is acknowledged only once its batch has committed. `conflict`:
   * the member's ballot changed meanwhile, so the caller decides again.
   */
  async function castBallot(
    sitting: SittingRow,
    log: LogState,
    commandId: string,
    actor: Actor,
    decided: readonly SittingEvent[],
  ): Promise<CommandOutcome | 'conflict'> {
    const place = { councilId: sitting.councilId, sittingId: sitting.id };
    let write: BallotWrite | null = null;
    let secretMember: string | null = null;
    let voteId: string | null = null;
    // A secret ballot's record says only that it was accepted: storing its events beside the
    // voter's id would link member and choice.
    const secret = decided.some((event) => event.type === 'vote.participation_recorded');
    const outcome: CommandOutcome = {
      accepted: true,
      seq: log.lastSeq,
      events: secret ? [] : decided,
    };
    const command = {
      ...place,
      commandId,
      actorUserId: userIdOf(actor),
      type: 'vote.cast',
      outcome,
    };
    for (const event of decided) {
      if (event.type === 'vote.cast_recorded') {
        voteId = event.voteId;
        const ballot = {
          ...place,
          voteId: event.voteId,
          memberId: event.memberId,
          choice: event.choice,
          enteredByUserId: event.enteredBy?.operatorId ?? null,
          proxyReason: event.enteredBy?.reason ?? null,
          castAt: new Date(event.at),
        };
        write = { kind: event.previousChoice === null ? 'first' : 'change', ballot, command };
      } else if (event.type === 'vote.participation_recorded') {
        secretMember = event.memberId;
      } else if (event.type === 'vote.secret_choice_recorded' && secretMember !== null) {
        voteId = event.voteId;
        write = {
          kind: 'secret',
          ballot: { ...place, voteId: event.voteId, memberId: secretMember, choice: event.choice },
          command,
        };
      }
    }
    if (write === null || voteId === null) throw new Error('a ballot decision without a ballot');
    // Conflict or closed meanwhile: the caller decides again on the state as it now is.
    if ((await box.write(write)) !== 'written') return 'conflict';
    rememberBallot(sitting.id, decided);
    bus.publish({ kind: 'ballot', sittingId: sitting.id, voteId });
    return outcome;
  }

  return {
    /** The sitting's current state (log plus the open vote's ballots) and last sequence number. */
    async current(
      sitting: SittingRow,
    ): Promise<{ state: SittingState; seq: number; named: NamedChoices }> {
      const log = await logState(sitting);
      const state = await withBallots(sitting, log.state, null);
      return { state, seq: log.lastSeq, named: log.named };
    },

    /**
     * The deadlines that have passed in a sitting at `now`: the open vote's, the quorum check's.
     * Read from the log alone (deadlines are events), without touching the ballot box.
     */
    async passedDeadlines(
      sitting: SittingRow,
      now: number,
    ): Promise<{ commandId: string; command: SittingCommand }[]> {
      const { state } = await logState(sitting);
      const due: { commandId: string; command: SittingCommand }[] = [];
      const vote = state.openVoteId === null ? undefined : state.votes[state.openVoteId];
      // Every process that notices a deadline uses the same id, so the close happens once: one
      // append wins, and the id's key turns every other attempt into that first outcome. Client
      // ids cannot collide: the protocol allows no ':' in them.
      if (vote !== undefined && vote.deadlineAt <= now) {
        due.push({
          commandId: `deadline:vote:${vote.id}`,
          command: { type: 'vote.close', voteId: vote.id, by: 'system' },
        });
      }
      if (state.quorumCheck !== null && state.quorumCheck.endsAt <= now) {
        due.push({
          commandId: `deadline:quorum:${state.quorumCheck.checkId}`,
          command: { type: 'quorum.close', by: 'system' },
        });
      }
      return due;
    },

    /**
     * The state folded from the log alone, without the open vote's ballots: enough to know the
     * status, the current item and the speaker queue, cheaper than `current` (no ballot read).
     */
    async fromLog(sitting: SittingRow): Promise<{ state: SittingState; seq: number }> {
      const log = await logState(sitting);
      return { state: log.state, seq: log.lastSeq };
    },

    /** Waits until every ballot queued so far is written (before the database closes). */
    drain: () => box.drain(),

    /** The setup the sitting's log runs on (frozen, or as it would be frozen now). */
    async setup(sitting: SittingRow): Promise<SittingSetup> {
      return (await logState(sitting)).setup;
    },

    async execute(
      sitting: SittingRow,
      commandId: string,
      actor: Actor,
      command: SittingCommand,
    ): Promise<CommandResult> {
      // Commands that append to the log wait their turn per sitting in this process: a burst
      // (every member confirming presence at once) would otherwise race for the same sequence
      // number and mostly retry. Ballots do not append, so they go straight to the ballot box.
      if (command.type === 'vote.cast') {
        const quick = await castQuickly(sitting, commandId, actor, command);
        return quick ?? run(sitting, commandId, actor, command);
      }
      return new Promise<CommandResult>((resolve, reject) => {
        const entry: Waiting = { commandId, actor, command, resolve, reject };
        const queue = waiting.get(sitting.id);
        if (queue !== undefined) {
          queue.push(entry);
          return;
        }
        waiting.set(sitting.id, [entry]);
        void takeTurns(sitting);
      });
    },
  };

  /** Runs a sitting's waiting commands in order, those of a burst together, until none wait. */
  async function takeTurns(sitting: SittingRow): Promise<void> {
    const queue = waiting.get(sitting.id) ?? [];
    while (queue.length > 0) {
      // Let the messages that have arrived meanwhile join the queue first. The embedded
      // database answers within the same tick, so without this pause every command of a burst
      // would run alone before the next client's message was even read.
      await afterPendingInput();
      const head = queue[0]!;
      let count = 1;
      if (GROUPED.has(head.command.type)) {
        while (
          count < Math.min(queue.length, MAX_GROUP) &&
          GROUPED.has(queue[count]!.command.type)
        ) {
          count++;
        }
      }
      const group = queue.splice(0, count);
      try {
        const results =
          group.length === 1
            ? [await run(sitting, head.commandId, head.actor, head.command)]
            : await runGroup(sitting, group);
        group.forEach((entry, index) => entry.resolve(results[index]!));
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    waiting.delete(sitting.id);
  }

  /**
   * Several commands that waited together: retries answered from their records, the rest decided
   * one after another on the same state and appended (with the refusals) in one transaction.
   */
  async function runGroup(
    sitting: SittingRow,
    group: readonly Submitted[],
  ): Promise<CommandResult[]> {
    const results: (CommandResult | undefined)[] = group.map(() => undefined);
    const prior = new Map(
      (
        await repos.sittingCommands.findMany(
          sitting.id,
          group.map((entry) => entry.commandId),
        )
      ).map((row) => [row.commandId, row]),
    );
    const fresh: number[] = [];
    /** The same id twice in one group: the later one is a retry, answered after the first. */
    const repeated: number[] = [];
    const ids = new Set<string>();
    group.forEach((entry, index) => {
      const row = prior.get(entry.commandId);
      if (row !== undefined) {
        results[index] =
          row.actorUserId === userIdOf(entry.actor)
            ? { kind: 'done', outcome: row.outcome as CommandOutcome, replayed: true }
            : { kind: 'id_reused' };
      } else if (ids.has(entry.commandId)) {
        repeated.push(index);
      } else {
        ids.add(entry.commandId);
        fresh.push(index);
      }
    });
    let appended = fresh.length === 0;
    for (let attempt = 1; !appended && attempt <= MAX_ATTEMPTS; attempt++) {
      const log = await logState(sitting);
      const now = storage.clock().getTime();
      let state = log.state;
      const accepted: { index: number; decided: Decided }[] = [];
      const refused: { index: number; refused: Refused }[] = [];
      for (const index of fresh) {
        const entry = group[index]!;
        if (entry.actor !== 'system') {
          const permission = authorize(entry.actor, entry.command, state);
          if (!permission.ok) {
            results[index] = { kind: 'forbidden', rejection: permission.rejection };
            continue;
          }
        }
        const decision = decide(state, entry.command, now);
        if (!decision.ok) {
          refused.push({ index, refused: { ...entry, rejection: decision.rejection } });
          continue;
        }
        state = fold(state, decision.events);
        accepted.push({ index, decided: { ...entry, events: decision.events } });
      }
      try {
        const outcomes = await append(
          sitting,
          log,
          accepted.map((item) => item.decided),
          refused.map((item) => item.refused),
          state,
          now,
        );
        accepted.forEach(({ index }, k) => {
          results[index] = { kind: 'done', outcome: outcomes[k]!, replayed: false };
        });
        for (const { index, refused: entry } of refused) {
          const outcome: CommandOutcome = { accepted: false, rejection: entry.rejection };
          results[index] = { kind: 'done', outcome, replayed: false };
        }
        appended = true;
      } catch (error) {
        if (error instanceof SequenceConflictError) continue;
        if (!hasPgCode(error, UNIQUE_VIOLATION)) throw error;
        // One of the ids was recorded meanwhile (the same command retried through another
        // process): each takes the careful way on its own, which finds its first outcome.
        for (const index of fresh) {
          const entry = group[index]!;
          results[index] = await run(sitting, entry.commandId, entry.actor, entry.command);
        }
        appended = true;
      }
    }
    if (!appended) throw new ContentionError(sitting.id);
    for (const index of repeated) {
      const entry = group[index]!;
      results[index] = await run(sitting, entry.commandId, entry.actor, entry.command);
    }
    return results.map((result) => result!);
  }

  async function run(
    sitting: SittingRow,
    commandId: string,
    actor: Actor,
    command: SittingCommand,
  ): Promise<CommandResult> {
    const earlier = await replay(sitting, commandId, actor);
    if (earlier !== undefined) return earlier;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const log = await logState(sitting);
      const state = await withBallots(
        sitting,
        log.state,
        command.type === 'vote.cast' ? command.memberId : null,
      );
      if (actor !== 'system') {
        const permission = authorize(actor, command, state);
        if (!permission.ok) return { kind: 'forbidden', rejection: permission.rejection };
      }
      const now = storage.clock().getTime();
      const decision = decide(state, command, now);
      if (!decision.ok) {
        // The server's own closes are not recorded when refused (say, the vote was extended
        // just now on a process whose clock runs behind): the next pass tries again.
        if (actor === 'system') {
          return {
            kind: 'done',
            outcome: { accepted: false, rejection: decision.rejection },
            replayed: false,
          };
        }
        return recordRejection(sitting, commandId, actor, command, decision.rejection);
      }
      try {
        const outcome =
          command.type === 'vote.cast'
            ? await castBallot(sitting, log, commandId, actor, decision.events)
            : (
                await append(
                  sitting,
                  log,
                  [{ commandId, actor, command, events: decision.events }],
                  [],
                  state,
                  now,
                )
              )[0]!;
        if (outcome === 'conflict') continue;
        return { kind: 'done', outcome, replayed: false };
      } catch (error) {
        if (error instanceof SequenceConflictError) continue;
        if (!hasPgCode(error, UNIQUE_VIOLATION)) throw error;
        // Either this command id was recorded meanwhile (a concurrent retry), or another
        // process put this member's ballot in the box first: look again and decide again.
        const raced = await replay(sitting, commandId, actor);
        if (raced !== undefined) return raced;
      }
    }
    throw new ContentionError(sitting.id);
  }
}

export type LiveSittingService = ReturnType<typeof liveSittingService>;
