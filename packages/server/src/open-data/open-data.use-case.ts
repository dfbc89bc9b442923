import { numberAgenda, toRoman, type Language, type SittingStatus } from '@veche/domain';
import type {
  NamedList,
  OpenDataAgendaItem,
  OpenDataBallot,
  OpenDataSitting,
  OpenDataVote,
  PublicVote,
  PublicVotes,
} from '@veche/protocol';
import { HttpError } from '../http/api-error.js';
import type { LiveSittingService } from '../sittings/live-sitting.service.js';
import { sittingName } from '../sittings/sitting-name.js';
import type { Repositories } from '../storage/repositories.js';
import type { SittingListing } from '../storage/repositories/sittings.repository.js';
import { chaptersVtt, recordingChapters } from './chapters-vtt.js';
import { popoloVoteEvent, type PopoloSitting, type PopoloVoteEvent } from './popolo.js';
import { namedList, publicVotes, type SittingLog } from './vote-records.js';

/** A council's open data, one list per table (docs/open-data.md). */
export interface CouncilOpenData {
  readonly sittings: OpenDataSitting[];
  readonly agendaItems: OpenDataAgendaItem[];
  readonly votes: OpenDataVote[];
  readonly ballots: OpenDataBallot[];
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * The public's open data of sittings (issue 6): votes with their arithmetic, named lists, Popolo
 * VoteEvents, recording chapters, and a council's whole record as tables. Everything is read
 * from the live service's state (the sitting's log folded) and the named lists sealed into the
 * log; a draft sitting is "not found", as an unknown one.
 */
export function openDataService(repos: Repositories, live: LiveSittingService, clock: () => Date) {
  async function publicSitting(sittingId: string): Promise<SittingListing> {
    const sitting = await repos.sittings.publicById(sittingId);
    if (sitting === null) throw new HttpError(404, 'not_found', 'No such sitting');
    return sitting;
  }

  async function logOf(sitting: SittingListing): Promise<SittingLog> {
    const { state, named } = await live.current(sitting);
    return { sittingId: sitting.id, state, named };
  }

  async function languageOf(councilId: string): Promise<Language> {
    const council = await repos.councils.findById(councilId);
    return (council?.defaultLanguage ?? 'en') as Language;
  }

  async function popoloSitting(sitting: SittingListing, log: SittingLog): Promise<PopoloSitting> {
    return {
      id: sitting.id,
      name: sittingName(await languageOf(sitting.councilId), sitting),
      bodyId: sitting.bodyId,
      bodyName: sitting.bodyName,
      startsAt: sitting.startsAt.toISOString(),
      openedAt: iso(log.state.openedAt),
      closedAt: iso(log.state.closedAt),
    };
  }

  function listOrNotFound(log: SittingLog, voteId: string, vote?: PublicVote): NamedList {
    const list = vote === undefined ? namedList(log, voteId) : namedList(log, voteId, vote);
    if (list === undefined) {
      throw new HttpError(404, 'not_found', 'No closed named vote with this id in this sitting');
    }
    return list;
  }

  return {
    async votes(sittingId: string): Promise<PublicVotes> {
      const log = await logOf(await publicSitting(sittingId));
      return { sittingId, votes: publicVotes(log) };
    },

    async namedList(sittingId: string, voteId: string): Promise<NamedList> {
      return listOrNotFound(await logOf(await publicSitting(sittingId)), voteId);
    },

    async popoloVote(sittingId: string, voteId: string, origin: string): Promise<PopoloVoteEvent> {
      const sitting = await publicSitting(sittingId);
      const log = await logOf(sitting);
      const vote = publicVotes(log).find((candidate) => candidate.id === voteId);
      if (vote === undefined) throw new HttpError(404, 'not_found', 'No closed vote with this id');
      const list = vote.kind === 'named' ? listOrNotFound(log, voteId, vote) : undefined;
      return popoloVoteEvent(await popoloSitting(sitting, log), vote, list, origin);
    },

    async popoloSitting(
      sittingId: string,
      origin: string,
    ): Promise<{ vote_events: PopoloVoteEvent[] }> {
      const sitting = await publicSitting(sittingId);
      const log = await logOf(sitting);
      const named = await popoloSitting(sitting, log);
      return {
        vote_events: publicVotes(log).map((vote) =>
          popoloVoteEvent(
            named,
            vote,
            vote.kind === 'named' ? listOrNotFound(log, vote.id, vote) : undefined,
            origin,
          ),
        ),
      };
    },

    /** The recording's chapters as WebVTT; "not found" while no recording is set. */
    async chapters(sittingId: string): Promise<string> {
      const sitting = await publicSitting(sittingId);
      if (sitting.recordingUrl === null || sitting.recordingStartedAt === null) {
        throw new HttpError(404, 'not_found', 'This sitting has no recording');
      }
      const log = await logOf(sitting);
      const rows = await repos.sittingEvents.listAfter(sitting.councilId, sitting.id, 0);
      const chapters = recordingChapters(
        log.state,
        rows.map((row) => row.payload as { type: string }),
        sitting.recordingStartedAt.getTime(),
        log.state.closedAt ?? clock().getTime(),
        await languageOf(sitting.councilId),
      );
      return chaptersVtt(chapters);
    },

    /** Every sitting of the council that is not a draft, with its agenda, votes and ballots. */
    async council(councilId: string): Promise<CouncilOpenData> {
      const council = await repos.councils.findById(councilId);
      if (council === undefined) throw new HttpError(404, 'not_found', 'No such council');
      const data: CouncilOpenData = { sittings: [], agendaItems: [], votes: [], ballots: [] };
      for (const sitting of await repos.sittings.publicOfCouncil(council.id)) {
        const log = await logOf(sitting);
        data.sittings.push({
          sitting_id: sitting.id,
          body_id: sitting.bodyId,
          body_name: sitting.bodyName,
          number: sitting.number,
          number_roman: toRoman(sitting.number),
          title: sitting.title,
          kind: sitting.kind as OpenDataSitting['kind'],
          mode: sitting.mode as OpenDataSitting['mode'],
          status: sitting.status as SittingStatus,
          starts_at: sitting.startsAt.toISOString(),
          place: sitting.place,
          opened_at: iso(log.state.openedAt),
          closed_at: iso(log.state.closedAt),
          recording_url: sitting.recordingUrl,
        });
        for (const item of numberAgenda(log.state.agenda)) {
          data.agendaItems.push({
            sitting_id: sitting.id,
            item_id: item.id,
            number: item.number,
            depth: item.depth,
            parent_id: item.parentId,
            title: item.title,
          });
        }
        for (const vote of publicVotes(log)) {
          const outcome = vote.outcome;
          data.votes.push({
            sitting_id: sitting.id,
            vote_id: vote.id,
            position: vote.position,
            item_id: vote.itemId,
            item_number: vote.itemNumber,
            subject: vote.subject,
            kind: vote.kind,
            rule_preset: vote.rule.presetId,
            rule_base: vote.rule.base,
            rule_comparison: vote.rule.comparison,
            rule_num: vote.rule.num,
            rule_den: vote.rule.den,
            opened_at: vote.openedAt,
            closed_at: vote.closedAt,
            for: vote.counts['for'] ?? 0,
            against: vote.counts['against'] ?? 0,
            abstain: vote.counts['abstain'] ?? 0,
            voted: vote.voted,
            entitled: vote.entitled,
            absent: vote.absent,
            passed: outcome?.passed ?? null,
            base_size: outcome?.baseSize ?? null,
            required: outcome?.required.text ?? null,
            minimum_for: outcome?.minimumFor ?? null,
            result_text: outcome?.text ?? null,
          });
          if (vote.kind !== 'named') continue;
          for (const ballot of listOrNotFound(log, vote.id, vote).ballots) {
            data.ballots.push({
              sitting_id: sitting.id,
              vote_id: vote.id,
              member_id: ballot.memberId,
              member_name: ballot.name,
              choice: ballot.choice,
              entered_by_operator: ballot.enteredByOperator,
            });
          }
        }
      }
      return data;
    },
  };
}

export type OpenDataService = ReturnType<typeof openDataService>;
