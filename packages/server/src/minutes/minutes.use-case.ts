import {
  LANGUAGES,
  sittingRecord,
  type Language,
  type RecordedEvent,
  type SittingMode,
  type MinutesRecord,
  type SittingSetup,
  type VoteRecord,
} from '@veche/domain';
import { createHash } from 'node:crypto';
import { HttpError } from '../http/api-error.js';
import type { LiveSittingService } from '../sittings/live-sitting.service.js';
import type { Repositories } from '../storage/repositories.js';
import { localDateIn } from '../time/zoned-time.js';
import type { MinutesHeader } from './minutes-document.js';

/** Bumped when the documents' layout or words change, so that an old ETag no longer matches. */
const LAYOUT_VERSION = 1;

/** A sitting's record with what its documents need besides: the header, the day, a fingerprint. */
export interface LoadedRecord {
  readonly header: MinutesHeader;
  readonly record: MinutesRecord;
  /** The log's last event, whose hash pins the end of the chain. */
  readonly head: { readonly seq: number; readonly hash: string };
  /** The sitting's day in the council's time zone (YYYY-MM-DD), for file names. */
  readonly day: string;
  /** Changes whenever the log or the header does: the base of each document's ETag. */
  readonly fingerprint: string;
}

const notFound = () => new HttpError(404, 'not_found', 'No such sitting, or it has not started');

/**
 * The record of a sitting for its public documents: only a sitting that is not a draft and whose
 * log has started (a sitting not yet begun has no minutes); otherwise "not found".
 */
export async function loadSittingRecord(
  repos: Repositories,
  live: LiveSittingService,
  sittingId: string,
): Promise<LoadedRecord> {
  const sitting = await repos.sittings.publicById(sittingId);
  if (sitting === null) throw notFound();
  const rows = await repos.sittingEvents.listAfter(sitting.councilId, sitting.id, 0);
  if (rows.length === 0) throw notFound();
  const council = await repos.councils.findById(sitting.councilId);
  if (council === undefined) throw notFound();
  // The log froze its setup when it started; the service reads it the same way.
  const setup = (sitting.logSetup as SittingSetup | null) ?? (await live.setup(sitting));
  const record = sittingRecord(
    setup,
    rows.map((row) => row.payload as RecordedEvent),
  );
  const language: Language = (LANGUAGES as readonly string[]).includes(council.defaultLanguage)
    ? (council.defaultLanguage as Language)
    : 'en';
  const resolutions = await repos.resolutions.forSitting(sitting.councilId, sitting.id);
  const header: MinutesHeader = {
    resolutions: resolutions.map(({ voteId, number, adopted }) => ({ voteId, number, adopted })),
    councilName: council.name,
    bodyName: sitting.bodyName,
    number: sitting.number,
    title: sitting.title,
    startsAt: sitting.startsAt,
    place: sitting.place,
    mode: sitting.mode as SittingMode,
    timeZone: council.timeZone,
    language,
  };
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ LAYOUT_VERSION, header, last: rows.at(-1)!.hash }))
    .digest('hex')
    .slice(0, 32);
  const last = rows.at(-1)!;
  return {
    header,
    record,
    head: { seq: last.seq, hash: last.hash },
    day: localDateIn(sitting.startsAt, council.timeZone),
    fingerprint,
  };
}

/** A closed named vote of the record: its named list is public from the moment it closes. */
export function closedNamedVote(record: MinutesRecord, voteId: string): VoteRecord {
  const vote = record.votes.find((candidate) => candidate.voteId === voteId);
  if (vote?.status !== 'closed' || vote.kind !== 'named' || vote.named === null) {
    throw new HttpError(404, 'not_found', 'No such closed named vote in this sitting');
  }
  return vote;
}
