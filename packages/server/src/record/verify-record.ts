import { sittingRecordSchema, type RecordEvent, type SittingRecord } from '@veche/protocol';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { ballotDigest } from '../sittings/ballot-seal.js';
import { verifyChain, type PublishedChainedEvent } from '../storage/event-chain.js';

/*
 * Checks a sitting's public record (`sittingRecord`) as anyone can: the hash chain of its log, the
 * end of the chain, the members' names against those the opening event recorded, and each vote's
 * seal against what it digests. No database and no trust in the server that sent it: the command
 * line (`npx veche verify`) and the portal's page both run this.
 */

export type RecordProblemCode =
  /** The text is not JSON, or not a sitting record (the field is named). */
  | 'not_a_record'
  /** An event's sequence, link or hash does not match. */
  | 'chain_broken'
  /** The record's head is not its last event. */
  | 'head_mismatch'
  /** The members listed are not those the opening event recorded. */
  | 'members_mismatch'
  /** A seal does not match what it digests, or its counts are not the vote's. */
  | 'seal_mismatch'
  /** An open or secret vote's seal has no participants and counts in the record. */
  | 'ballots_missing';

export interface RecordProblem {
  readonly code: RecordProblemCode;
  /** The first event that does not match, when the problem lies in one. */
  readonly seq: number | null;
  readonly eventType: string | null;
  /** What does not match, in English (the portal words it per language from the code). */
  readonly detail: string;
}

export type RecordVerdict =
  | {
      readonly ok: true;
      readonly sittingId: string;
      readonly events: number;
      /** Events checked by their links only (chat the public may not read). */
      readonly redacted: number;
      readonly votes: { readonly named: number; readonly open: number; readonly secret: number };
      /** Whether the opening event recorded the members (logs from before it did not). */
      readonly membersVouched: boolean;
      readonly head: { readonly seq: number; readonly hash: string } | null;
    }
  | { readonly ok: false; readonly problem: RecordProblem };

const fail = (
  code: RecordProblemCode,
  detail: string,
  event?: Pick<RecordEvent, 'seq' | 'type'>,
): RecordVerdict => ({
  ok: false,
  problem: {
    code,
    detail,
    // A record that failed its schema may hold anything here: keep only what reads as a place.
    seq: Number.isSafeInteger(event?.seq) ? event!.seq : null,
    eventType: typeof event?.type === 'string' ? event.type : null,
  },
});

/** Verifies a record given as text (a file, a download). */
export function verifyRecordText(text: string): RecordVerdict {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('not_a_record', `not JSON: ${(error as Error).message}`);
  }
  const parsed = sittingRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    const eventAt = issue.path[0] === 'events' ? issue.path[1] : undefined;
    const event =
      typeof eventAt === 'number' ? (json as { events: RecordEvent[] }).events[eventAt] : undefined;
    return fail(
      'not_a_record',
      `${path === '' ? 'the record' : path}: ${issue.message}`,
      event !== undefined && typeof event === 'object' ? event : undefined,
    );
  }
  try {
    return verifyRecord(parsed.data);
  } catch (error) {
    // Whatever is wrong with it, a record that cannot be checked does not verify.
    return fail('not_a_record', `cannot be checked: ${(error as Error).message}`);
  }
}

/*
 * What the checks read of the events they check. The chain covers every byte of these, but
 * anyone can recompute a chain over content of their own making, so the content is parsed as
 * strictly as the record itself.
 */
const countsSchema = z.record(z.string(), z.number().int().min(0));
const openedPayload = z.object({ voteId: z.string(), kind: z.string() });
const closedPayload = z.object({ voteId: z.string(), counts: countsSchema, voted: z.number() });
const sealPayload = z.object({
  voteId: z.string(),
  ballots: z.number().int().min(0),
  digest: z.string(),
  named: z
    .array(
      // Loose: the digest covers each entry whole, whatever else it carries.
      z.looseObject({ memberId: z.string(), choice: z.string() }),
    )
    .nullable(),
});
const openingPayload = z.object({
  members: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});

/** Only a chat message is ever withheld from the public (state-view's `mayReadEvent`). */
const WITHHELD_TYPES: ReadonlySet<string> = new Set(['chat.sent']);

/** A tally by choice; a choice named like an Object property ("__proto__") stays a plain key. */
function tally(choices: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const choice of choices) counts[choice] = (counts[choice] ?? 0) + 1;
  return counts;
}

/** The options actually chosen: a closed vote lists every option, a seal only those chosen. */
const chosen = (counts: Readonly<Record<string, number>>): string =>
  canonicalize(Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0))) ?? '';

export function verifyRecord(record: SittingRecord): RecordVerdict {
  const events = record.events;
  const withheld = events.find(
    (event) => event.redacted === true && !WITHHELD_TYPES.has(event.type),
  );
  if (withheld !== undefined) {
    // Withholding any other event would hide it from the checks below (its content is unread).
    return fail('chain_broken', 'only a chat message may be withheld', withheld);
  }
  const chained: PublishedChainedEvent[] = events.map((event) =>
    event.redacted === true
      ? { ...event, payload: null, actorUserId: null, at: new Date(event.at), redacted: true }
      : { ...event, at: new Date(event.at) },
  );
  const chain = verifyChain(record.sitting.id, chained);
  if (!chain.ok) {
    const broken = events.find((event) => event.seq === chain.brokenAtSeq);
    return fail('chain_broken', chain.reason, broken ?? { seq: chain.brokenAtSeq, type: '' });
  }

  const last = events.at(-1);
  if (
    (last === undefined && record.head !== null) ||
    (last !== undefined && (record.head?.seq !== last.seq || record.head.hash !== last.hash))
  ) {
    return fail('head_mismatch', 'the head is not the last event of the log', last);
  }

  const opening = events.find((event) => event.type === 'sitting.opened');
  const openingParsed = opening === undefined ? null : openingPayload.safeParse(opening.payload);
  if (openingParsed !== null && !openingParsed.success) {
    return fail('not_a_record', 'the opening event is malformed', opening);
  }
  const recorded = openingParsed?.data.members;
  if (recorded !== undefined && canonicalize(recorded) !== canonicalize(record.members)) {
    return fail(
      'members_mismatch',
      'the members differ from those recorded at the opening',
      opening,
    );
  }

  const kinds = new Map<string, string>();
  const closed = new Map<string, z.infer<typeof closedPayload>>();
  const ballots = new Map(record.ballots.map((entry) => [entry.voteId, entry]));
  if (ballots.size !== record.ballots.length) {
    return fail('seal_mismatch', 'a vote\u2019s participants and counts are given twice');
  }
  const used = new Set<string>();
  const votes = { named: 0, open: 0, secret: 0 };
  for (const event of events) {
    if (event.redacted === true) continue;
    if (event.type === 'vote.opened') {
      const opened = openedPayload.safeParse(event.payload);
      if (!opened.success) return fail('not_a_record', 'a vote\u2019s opening is malformed', event);
      kinds.set(opened.data.voteId, opened.data.kind);
    }
    if (event.type === 'vote.closed') {
      const close = closedPayload.safeParse(event.payload);
      if (!close.success) return fail('not_a_record', 'a vote\u2019s close is malformed', event);
      closed.set(close.data.voteId, close.data);
    }
    if (event.type !== 'vote.sealed') continue;
    const parsedSeal = sealPayload.safeParse(event.payload);
    if (!parsedSeal.success) return fail('not_a_record', 'a vote\u2019s seal is malformed', event);
    const seal = parsedSeal.data;
    const close = closed.get(seal.voteId);
    if (close === undefined) return fail('seal_mismatch', 'a seal without its close', event);
    if (seal.named !== null) {
      if (ballotDigest({ voteId: seal.voteId, ballots: seal.named }) !== seal.digest) {
        return fail('seal_mismatch', 'the named list does not match its digest', event);
      }
      const counts = tally(seal.named.map((ballot) => ballot.choice));
      if (
        seal.named.length !== seal.ballots ||
        close.voted !== seal.ballots ||
        chosen(counts) !== chosen(close.counts)
      ) {
        return fail('seal_mismatch', 'the named list does not add up to the counts', event);
      }
      votes.named++;
      continue;
    }
    const entry = ballots.get(seal.voteId);
    used.add(seal.voteId);
    if (entry === undefined) {
      return fail('ballots_missing', `no participants and counts for vote ${seal.voteId}`, event);
    }
    const { participants, counts } = entry;
    if (ballotDigest({ voteId: seal.voteId, participants, counts }) !== seal.digest) {
      return fail('seal_mismatch', 'the participants and counts do not match the digest', event);
    }
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    if (
      participants.length !== seal.ballots ||
      total !== seal.ballots ||
      close.voted !== seal.ballots ||
      chosen(counts) !== chosen(close.counts) ||
      (kinds.get(seal.voteId) === 'secret') !== (entry.kind === 'secret')
    ) {
      return fail('seal_mismatch', 'the participants and counts do not add up', event);
    }
    votes[entry.kind]++;
  }

  if (used.size !== ballots.size) {
    return fail('seal_mismatch', 'participants and counts are given for a vote with no such seal');
  }
  return {
    ok: true,
    sittingId: record.sitting.id,
    events: events.length,
    redacted: chain.redacted ?? 0,
    votes,
    membersVouched: recorded !== undefined,
    head: record.head,
  };
}
