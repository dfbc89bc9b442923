import { toRoman, type SittingMode, type SittingStatus } from '@veche/domain';
import { SITTING_RECORD_FORMAT, type RecordBallots, type SittingRecord } from '@veche/protocol';
import type { Repositories } from '../storage/repositories.js';
import { openBallotSummary } from '../sittings/ballot-seal.js';
import type { LiveSittingService, LoggedEvent } from '../sittings/live-sitting.service.js';
import { publishedEvent } from '../sittings/published-event.js';
import { PUBLIC_VIEWER } from '../sittings/state-view.js';

/**
 * The public record of a sitting that is not a draft (null otherwise): its log as the public reads
 * it (chat redacted, every hash kept), the members the log names, and for each open or secret vote
 * what its seal digests (who took part and the counts; never a secret choice's voter). With it
 * anyone can recompute the chain and every seal (`verifyRecord`, `npx veche verify`).
 */
export async function sittingRecord(
  repos: Repositories,
  live: LiveSittingService,
  sittingId: string,
  now: Date,
): Promise<SittingRecord | null> {
  const listing = await repos.sittings.publicById(sittingId);
  const row = listing === null ? undefined : await repos.sittings.locate(sittingId);
  if (listing === null || row === undefined) return null;
  const setup = await live.setup(row);
  const rows = await repos.sittingEvents.listAfter(row.councilId, row.id, 0);

  const kinds = new Map<string, string>();
  const ballots: RecordBallots[] = [];
  for (const event of rows) {
    const payload = event.payload as LoggedEvent;
    if (payload.type === 'vote.opened') kinds.set(payload.voteId, payload.kind);
    if (payload.type !== 'vote.sealed' || payload.named !== null) continue;
    if (kinds.get(payload.voteId) === 'secret') {
      ballots.push({
        voteId: payload.voteId,
        kind: 'secret',
        participants: await repos.ballots.secretParticipants(row.id, payload.voteId),
        counts: await repos.ballots.secretCounts(row.id, payload.voteId),
      });
    } else {
      const summary = openBallotSummary(await repos.ballots.forVote(row.id, payload.voteId));
      ballots.push({ voteId: payload.voteId, kind: 'open', ...summary });
    }
  }
  const last = rows.at(-1);
  return {
    format: SITTING_RECORD_FORMAT,
    exportedAt: now.toISOString(),
    sitting: {
      id: listing.id,
      councilId: row.councilId,
      councilName: listing.councilName,
      bodyName: listing.bodyName,
      number: listing.number,
      numberRoman: toRoman(listing.number),
      title: listing.title,
      startsAt: listing.startsAt.toISOString(),
      timeZone: listing.timeZone,
      place: listing.place,
      mode: listing.mode as SittingMode,
      status: listing.status as SittingStatus,
    },
    members: setup.members.map((member) => ({ id: member.id, name: member.name })),
    events: rows.map((event) => publishedEvent(event, PUBLIC_VIEWER)),
    ballots,
    head: last === undefined ? null : { seq: last.seq, hash: last.hash },
  };
}
