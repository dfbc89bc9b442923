import {
  numberAgenda,
  type MajorityOutcome,
  type MajorityPresetId,
  type MajorityRule,
  type NumberedAgendaItem,
  type SittingState,
  type VoteKind,
  type VoteStatus,
} from '@veche/domain';
import type { Interpellation, SittingDocument } from '@veche/protocol';
import { publicDocuments } from '../documents/documents.use-case.js';
import { recordingChapters, type Chapter } from '../open-data/chapters-vtt.js';
import { isLanguage } from './portal-texts.js';
import { publicInterpellations } from '../interpellations/interpellations.use-case.js';
import type { LiveSittingService, NamedChoices } from '../sittings/live-sitting.service.js';
import type { Repositories } from '../storage/repositories.js';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import type {
  PortalMembership,
  PortalPerson,
  PortalStatistics,
  SearchHit,
} from '../storage/repositories/portal.repository.js';
import type { ResolutionListing } from '../storage/repositories/resolutions.repository.js';
import type { SittingListing } from '../storage/repositories/sittings.repository.js';
import type { StorageContext } from '../storage/storage-context.js';
import { wallClockIn } from '../time/zoned-time.js';

/*
 * What each page of the public portal shows, read from the repositories and, for everything
 * that happened in a sitting, from the live sitting service's folded log (`current()`): the
 * same state the live pages see, so the portal can never tell a different result. Only public
 * data: a draft sitting, a private document or an unknown id is `null` (the page answers 404).
 */

/** How many upcoming sittings the landing page lists. */
const UPCOMING_LIMIT = 30;
/** How many entries of the register one page lists. */
const REGISTER_LIMIT = 500;
/** How many hits a search shows. */
const SEARCH_LIMIT = 50;

/** A vote as published once it has a result (or was annulled). */
export interface PortalVote {
  readonly id: string;
  readonly subject: string;
  readonly kind: VoteKind;
  readonly status: VoteStatus;
  readonly options: readonly string[];
  readonly majority: MajorityRule;
  readonly majorityPresetId: MajorityPresetId | null;
  /** Null while the vote runs, or when it was annulled before it closed. */
  readonly counts: Readonly<Record<string, number>> | null;
  readonly voted: number;
  readonly entitled: number;
  readonly outcome: MajorityOutcome | null;
  readonly annulmentReason: string | null;
}

export interface NamedEntry {
  readonly memberId: string;
  readonly name: string;
  /** An option, or `not_voting` (entitled, no ballot). */
  readonly choice: string;
  readonly enteredByOperator: boolean;
}

export interface LandingPage {
  readonly councils: readonly CouncilRow[];
  readonly upcoming: readonly SittingListing[];
  readonly statistics: PortalStatistics;
}

export interface CouncilPage {
  readonly council: CouncilRow;
  readonly upcoming: readonly SittingListing[];
  readonly past: readonly SittingListing[];
  readonly councillors: readonly PortalPerson[];
}

export interface SittingPage {
  readonly council: CouncilRow;
  readonly sitting: SittingListing;
  readonly agenda: readonly NumberedAgendaItem[];
  readonly documents: readonly SittingDocument[];
  /** Null when the sitting's log has not started: nothing has happened in it yet. */
  readonly votes: readonly PortalVote[] | null;
  /** The recording's chapters (times from its start), when a recording is set and the log started. */
  readonly chapters: readonly Chapter[] | null;
}

export interface VotePage {
  readonly council: CouncilRow;
  readonly sitting: SittingListing;
  readonly vote: PortalVote;
  /** Named votes only, once closed; in the order of the body's members. */
  readonly named: readonly NamedEntry[] | null;
  /** Members of the body not present when the vote opened. */
  readonly absent: readonly { readonly id: string; readonly name: string }[];
}

export interface PersonVote {
  readonly sitting: SittingListing;
  readonly vote: PortalVote;
  /** An option, `not_voting` or `absent`. */
  readonly choice: string;
  /** The year of the sitting on the council's calendar. */
  readonly year: number;
}

export interface PersonPage {
  readonly council: CouncilRow;
  readonly person: PortalPerson;
  readonly memberships: readonly PortalMembership[];
  readonly attendance: { readonly attended: number; readonly total: number };
  /** Every named vote the person was a member for, newest first. */
  readonly votes: readonly PersonVote[];
}

export interface RegisterPage {
  readonly council: CouncilRow;
  readonly resolutions: readonly ResolutionListing[];
  /** How many entries match the filters (the page shows at most REGISTER_LIMIT). */
  readonly total: number;
  /** What the filters offer: the council's terms and bodies, and the years with entries. */
  readonly terms: readonly { readonly id: string; readonly name: string }[];
  readonly bodies: readonly { readonly id: string; readonly name: string }[];
  readonly years: readonly number[];
}

export interface RegisterFilters {
  readonly term?: string | undefined;
  readonly body?: string | undefined;
  readonly year?: number | undefined;
  readonly outcome?: 'adopted' | 'rejected' | undefined;
  readonly q?: string | undefined;
}

export interface SearchPage {
  readonly council: CouncilRow;
  readonly hits: readonly SearchHit[];
}

function voteOf(state: SittingState, voteId: string): PortalVote | null {
  if (!Object.hasOwn(state.votes, voteId)) return null;
  const vote = state.votes[voteId]!;
  const result = vote.result;
  return {
    id: vote.id,
    subject: vote.subject,
    kind: vote.kind,
    status: vote.status,
    options: vote.options,
    majority: vote.majority,
    majorityPresetId: vote.majorityPresetId,
    counts: result?.counts ?? null,
    voted: result?.voted ?? 0,
    entitled: result?.entitled ?? vote.entitled.length,
    outcome: result?.outcome ?? null,
    annulmentReason: vote.annulment?.reason ?? null,
  };
}

/** Votes that are over (closed or annulled), in the order they opened. */
function finishedVotes(state: SittingState): PortalVote[] {
  return state.voteOrder
    .map((id) => voteOf(state, id))
    .filter((vote): vote is PortalVote => vote !== null && vote.status !== 'open');
}

/** Each member's choice in a closed named vote, from the vote's seal in the log. */
function namedList(state: SittingState, named: NamedChoices, voteId: string): NamedEntry[] | null {
  const vote = state.votes[voteId];
  const sealed = named[voteId];
  if (vote === undefined || vote.kind !== 'named' || sealed === undefined) return null;
  const ballots = new Map(sealed.map((ballot) => [ballot.memberId, ballot]));
  const entitled = new Set(vote.entitled);
  return state.setup.members
    .filter((member) => entitled.has(member.id))
    .map((member) => {
      const ballot = ballots.get(member.id);
      return {
        memberId: member.id,
        name: member.name,
        choice: ballot?.choice ?? 'not_voting',
        enteredByOperator: ballot !== undefined && ballot.enteredByUserId !== null,
      };
    });
}

export function portalUseCases(
  storage: StorageContext,
  repos: Repositories,
  live: LiveSittingService,
) {
  async function publicSitting(
    sittingId: string,
  ): Promise<{ council: CouncilRow; sitting: SittingListing } | null> {
    const sitting = await repos.sittings.publicById(sittingId);
    const council = sitting && (await repos.councils.findById(sitting.councilId));
    return sitting && council ? { council, sitting } : null;
  }

  /** The folded log, or null when it has not started (no event yet). */
  async function logOf(sitting: SittingListing) {
    const current = await live.current(sitting);
    return current.seq === 0 ? null : current;
  }

  return {
    async landing(): Promise<LandingPage> {
      const [councils, upcoming, statistics] = await Promise.all([
        repos.councils.list(),
        repos.portal.upcomingSittings(storage.clock(), UPCOMING_LIMIT),
        repos.portal.statistics(),
      ]);
      return { councils, upcoming, statistics };
    },

    async council(councilId: string): Promise<CouncilPage | null> {
      const council = await repos.councils.findById(councilId);
      if (council === undefined) return null;
      const [sittings, councillors] = await Promise.all([
        repos.sittings.publicOfCouncil(councilId),
        repos.portal.councillors(councilId),
      ]);
      const now = storage.clock().getTime();
      const upcoming = sittings.filter(
        (s) =>
          s.status === 'open' ||
          s.status === 'suspended' ||
          (s.status === 'convened' && s.startsAt.getTime() >= now),
      );
      const past = sittings.filter((s) => !upcoming.includes(s)).reverse();
      return { council, upcoming, past, councillors };
    },

    async sitting(sittingId: string): Promise<SittingPage | null> {
      const found = await publicSitting(sittingId);
      if (found === null) return null;
      const current = await live.current(found.sitting);
      const documents = await publicDocuments(repos, sittingId);
      const { recordingUrl, recordingStartedAt } = found.sitting;
      let chapters: Chapter[] | null = null;
      if (current.seq > 0 && recordingUrl !== null && recordingStartedAt !== null) {
        const rows = await repos.sittingEvents.listAfter(found.council.id, sittingId, 0);
        chapters = recordingChapters(
          current.state,
          rows.map((row) => row.payload as { type: string }),
          recordingStartedAt.getTime(),
          current.state.closedAt ?? storage.clock().getTime(),
          isLanguage(found.council.defaultLanguage) ? found.council.defaultLanguage : 'en',
        );
      }
      return {
        ...found,
        agenda: numberAgenda(current.state.agenda),
        documents,
        votes: current.seq === 0 ? null : finishedVotes(current.state),
        chapters,
      };
    },

    async vote(sittingId: string, voteId: string): Promise<VotePage | null> {
      const found = await publicSitting(sittingId);
      const log = found && (await logOf(found.sitting));
      const vote = log && voteOf(log.state, voteId);
      if (!found || !log || !vote || vote.status === 'open') return null;
      const members = new Map(log.state.setup.members.map((m) => [m.id, m.name]));
      const state = log.state.votes[voteId]!;
      return {
        ...found,
        vote,
        named: namedList(log.state, log.named, voteId),
        absent: state.absent.map((id) => ({ id, name: members.get(id) ?? id })),
      };
    },

    async person(personId: string): Promise<PersonPage | null> {
      const person = await repos.portal.person(personId);
      const council = person && (await repos.councils.findById(person.councilId));
      if (!person || !council) return null;
      const [memberships, sittings] = await Promise.all([
        repos.portal.membershipsOf(council.id, personId),
        repos.portal.loggedSittingsOfMember(council.id, personId),
      ]);
      const attended = await repos.portal.sittingsAttended(
        sittings.map((s) => s.id),
        personId,
      );
      const votes: PersonVote[] = [];
      for (const sitting of sittings) {
        const { state, named } = await live.current(sitting);
        const year = wallClockIn(sitting.startsAt, council.timeZone).year;
        for (const voteId of state.voteOrder) {
          const list = namedList(state, named, voteId);
          const vote = voteOf(state, voteId);
          if (list === null || vote === null || vote.status !== 'closed') continue;
          const choice = list.find((entry) => entry.memberId === personId)?.choice;
          const absent = state.votes[voteId]!.absent.includes(personId);
          if (choice === undefined && !absent) continue;
          votes.push({ sitting, vote, choice: choice ?? 'absent', year });
        }
      }
      return {
        council,
        person,
        memberships,
        attendance: { attended: attended.size, total: sittings.length },
        votes: votes.reverse(),
      };
    },

    async interpellations(
      councilId: string,
    ): Promise<{ council: CouncilRow; interpellations: Interpellation[] } | null> {
      const council = await repos.councils.findById(councilId);
      if (council === undefined) return null;
      return { council, interpellations: await publicInterpellations(storage, repos, councilId) };
    },

    async register(councilId: string, filters: RegisterFilters): Promise<RegisterPage | null> {
      const council = await repos.councils.findById(councilId);
      if (council === undefined) return null;
      const [{ rows, total }, all, terms, bodies] = await Promise.all([
        repos.resolutions.list(councilId, {
          termId: filters.term,
          bodyId: filters.body,
          year: filters.year,
          adopted: filters.outcome === undefined ? undefined : filters.outcome === 'adopted',
          query: filters.q,
          limit: REGISTER_LIMIT,
          offset: 0,
        }),
        repos.resolutions.years(councilId),
        repos.terms.listForCouncil(councilId),
        repos.bodies.listForCouncil(councilId),
      ]);
      return {
        council,
        resolutions: rows,
        total,
        terms: terms.map(({ id, name }) => ({ id, name })),
        bodies: bodies.map(({ id, name }) => ({ id, name })),
        years: all,
      };
    },

    async search(councilId: string, query: string): Promise<SearchPage | null> {
      const council = await repos.councils.findById(councilId);
      if (council === undefined) return null;
      const hits = query === '' ? [] : await repos.portal.search(councilId, query, SEARCH_LIMIT);
      return { council, hits };
    },
  };
}

export type PortalUseCases = ReturnType<typeof portalUseCases>;
