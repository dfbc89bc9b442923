import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import {
  agendaItems,
  ballots,
  bodies,
  councils,
  documents,
  memberships,
  persons,
  resolutions,
  secretParticipations,
  sittingEvents,
  sittings,
  users,
} from '../schema.js';
import { resolutionSearchText } from './resolutions.repository.js';
import type { StorageContext } from '../storage-context.js';
import type { SittingListing, SittingRow } from './sittings.repository.js';

/** The platform's public figures (DESIGN.md section 1: statistics on the public portal). */
export interface PortalStatistics {
  readonly councils: number;
  readonly users: number;
  readonly sittings: number;
  /** Votes that reached a result: the `vote.closed` events of every sitting log. */
  readonly votes: number;
  /** Ballots of named and open votes, and participations in secret ones. */
  readonly ballots: number;
}

export interface PortalPerson {
  readonly id: string;
  readonly councilId: string;
  readonly givenName: string;
  readonly familyName: string;
}

export interface PortalMembership {
  readonly bodyId: string;
  readonly bodyName: string;
  readonly role: string;
  readonly startsOn: string;
  readonly endsOn: string | null;
}

export const SEARCH_SOURCES = ['agenda_item', 'document', 'resolution'] as const;
export type SearchSource = (typeof SEARCH_SOURCES)[number];

export interface SearchHit {
  readonly source: SearchSource;
  readonly id: string;
  readonly title: string;
  readonly sittingId: string;
  /** The agenda item the hit belongs to, if any: where on the sitting's page it is. */
  readonly itemId: string | null;
  readonly startsAt: Date;
  readonly rank: number;
}

/** The sitting joined with the names the public pages show. */
const listingColumns = {
  sitting: sittings,
  bodyName: bodies.name,
  councilName: councils.name,
  timeZone: councils.timeZone,
};

const toListing = (row: {
  sitting: SittingRow;
  bodyName: string;
  councilName: string;
  timeZone: string;
}): SittingListing => ({
  ...row.sitting,
  bodyName: row.bodyName,
  councilName: row.councilName,
  timeZone: row.timeZone,
});

/** `to_tsvector('simple', column)`: the exact expression the GIN indexes of the schema hold. */
const searchable = (column: typeof agendaItems.title | typeof documents.title) =>
  sql`to_tsvector('simple', ${column})`;

/**
 * What the public portal reads: only public data (never a draft sitting, never a private
 * document). Everything a page needs that no other repository already answers.
 */
export function portalRepository({ db }: StorageContext) {
  return {
    /** Sittings of every council that are not drafts and not closed, from `from` on (or live). */
    async upcomingSittings(from: Date, limit: number): Promise<SittingListing[]> {
      const rows = await db
        .select(listingColumns)
        .from(sittings)
        .innerJoin(bodies, eq(bodies.id, sittings.bodyId))
        .innerJoin(councils, eq(councils.id, sittings.councilId))
        .where(
          and(
            ne(sittings.status, 'draft'),
            ne(sittings.status, 'closed'),
            or(gte(sittings.startsAt, from), inArray(sittings.status, ['open', 'suspended'])),
          ),
        )
        .orderBy(asc(sittings.startsAt), asc(bodies.name))
        .limit(limit);
      return rows.map(toListing);
    },

    async statistics(): Promise<PortalStatistics> {
      const [councilCount, userCount, sittingCount, voteCount, ballotCount, secretCount] =
        await Promise.all([
          db.$count(councils),
          db.$count(users, isNull(users.deactivatedAt)),
          db.$count(sittings, ne(sittings.status, 'draft')),
          db.$count(sittingEvents, eq(sittingEvents.type, 'vote.closed')),
          db.$count(ballots),
          db.$count(secretParticipations),
        ]);
      return {
        councils: councilCount,
        users: userCount,
        sittings: sittingCount,
        votes: voteCount,
        ballots: ballotCount + secretCount,
      };
    },

    /** A person of any council, by id alone: the portal's addresses name no council. */
    async person(id: string): Promise<PortalPerson | undefined> {
      const [row] = await db
        .select({
          id: persons.id,
          councilId: persons.councilId,
          givenName: persons.givenName,
          familyName: persons.familyName,
        })
        .from(persons)
        .where(eq(persons.id, id));
      return row;
    },

    /** The people who have held a seat in one of the council's bodies, by family name. */
    async councillors(councilId: string): Promise<PortalPerson[]> {
      return db
        .selectDistinct({
          id: persons.id,
          councilId: persons.councilId,
          givenName: persons.givenName,
          familyName: persons.familyName,
        })
        .from(persons)
        .innerJoin(memberships, eq(memberships.personId, persons.id))
        .where(eq(persons.councilId, councilId))
        .orderBy(asc(persons.familyName), asc(persons.givenName), asc(persons.id));
    },

    /** A person's seats, newest first, with the bodies' names. */
    async membershipsOf(councilId: string, personId: string): Promise<PortalMembership[]> {
      return db
        .select({
          bodyId: memberships.bodyId,
          bodyName: bodies.name,
          role: memberships.role,
          startsOn: memberships.startsOn,
          endsOn: memberships.endsOn,
        })
        .from(memberships)
        .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
        .where(and(eq(memberships.councilId, councilId), eq(memberships.personId, personId)))
        .orderBy(desc(memberships.startsOn), asc(bodies.name));
    },

    /**
     * Sittings whose log has started and whose frozen setup names the person as a member: the
     * sittings a councillor was expected at. Oldest first.
     */
    async loggedSittingsOfMember(councilId: string, personId: string): Promise<SittingListing[]> {
      const member = JSON.stringify([{ id: personId }]);
      const rows = await db
        .select(listingColumns)
        .from(sittings)
        .innerJoin(bodies, eq(bodies.id, sittings.bodyId))
        .innerJoin(councils, eq(councils.id, sittings.councilId))
        .where(
          and(
            eq(sittings.councilId, councilId),
            ne(sittings.status, 'draft'),
            isNotNull(sittings.logSetup),
            sql`${sittings.logSetup} -> 'members' @> ${member}::jsonb`,
            sql`exists (select 1 from ${sittingEvents}
              where ${sittingEvents.sittingId} = ${sittings.id})`,
          ),
        )
        .orderBy(asc(sittings.startsAt));
      return rows.map(toListing);
    },

    /**
     * Of the given sittings, those in whose log the member was present at some point: they
     * confirmed presence in a quorum check, or the operator marked them present.
     */
    async sittingsAttended(sittingIds: readonly string[], memberId: string): Promise<Set<string>> {
      if (sittingIds.length === 0) return new Set();
      const rows = await db
        .selectDistinct({ sittingId: sittingEvents.sittingId })
        .from(sittingEvents)
        .where(
          and(
            inArray(sittingEvents.sittingId, [...sittingIds]),
            sql`${sittingEvents.payload} ->> 'memberId' = ${memberId}`,
            or(
              eq(sittingEvents.type, 'presence.confirmed'),
              and(
                eq(sittingEvents.type, 'presence.marked'),
                sql`(${sittingEvents.payload} ->> 'present') = 'true'`,
              ),
            ),
          ),
        );
      return new Set(rows.map((row) => row.sittingId));
    },

    /**
     * Full-text search of a council's public texts with PostgreSQL's `simple` configuration (no
     * stemming: it works alike for all five languages). Each source is one branch of a UNION
     * ALL of the same columns; a new source is one more branch.
     */
    async search(councilId: string, query: string, limit: number): Promise<SearchHit[]> {
      const tsQuery = sql`websearch_to_tsquery('simple', ${query})`;
      const agendaBranch = db
        .select({
          source: sql<SearchSource>`'agenda_item'`.as('source'),
          id: sql<string>`${agendaItems.id}`.as('hit_id'),
          title: sql<string>`${agendaItems.title}`.as('hit_title'),
          sittingId: sql<string>`${sittings.id}`.as('hit_sitting_id'),
          itemId: sql<string | null>`${agendaItems.id}`.as('hit_item_id'),
          startsAt: sql<Date | string>`${sittings.startsAt}`.as('hit_starts_at'),
          rank: sql<number>`ts_rank(${searchable(agendaItems.title)}, ${tsQuery})`.as('rank'),
        })
        .from(agendaItems)
        .innerJoin(sittings, eq(sittings.id, agendaItems.sittingId))
        .where(
          and(
            eq(agendaItems.councilId, councilId),
            ne(sittings.status, 'draft'),
            sql`${searchable(agendaItems.title)} @@ ${tsQuery}`,
          ),
        );
      const documentBranch = db
        .select({
          source: sql<SearchSource>`'document'`.as('source'),
          id: sql<string>`${documents.id}`.as('hit_id'),
          title: sql<string>`${documents.title}`.as('hit_title'),
          sittingId: sql<string>`${sittings.id}`.as('hit_sitting_id'),
          itemId: sql<string | null>`${documents.agendaItemId}`.as('hit_item_id'),
          startsAt: sql<Date | string>`${sittings.startsAt}`.as('hit_starts_at'),
          rank: sql<number>`ts_rank(${searchable(documents.title)}, ${tsQuery})`.as('rank'),
        })
        .from(documents)
        .innerJoin(sittings, eq(sittings.id, documents.sittingId))
        .where(
          and(
            eq(documents.councilId, councilId),
            eq(documents.isPublic, true),
            ne(sittings.status, 'draft'),
            sql`${searchable(documents.title)} @@ ${tsQuery}`,
          ),
        );
      const resolutionBranch = db
        .select({
          source: sql<SearchSource>`'resolution'`.as('source'),
          id: sql<string>`${resolutions.id}`.as('hit_id'),
          title:
            sql<string>`coalesce(${resolutions.number} || ' – ', '') || ${resolutions.title}`.as(
              'hit_title',
            ),
          sittingId: sql<string>`${sittings.id}`.as('hit_sitting_id'),
          itemId: sql<string | null>`${resolutions.agendaItemId}`.as('hit_item_id'),
          startsAt: sql<Date | string>`${sittings.startsAt}`.as('hit_starts_at'),
          rank: sql<number>`ts_rank(${resolutionSearchText}, ${tsQuery})`.as('rank'),
        })
        .from(resolutions)
        .innerJoin(sittings, eq(sittings.id, resolutions.sittingId))
        .where(
          and(
            eq(resolutions.councilId, councilId),
            ne(sittings.status, 'draft'),
            sql`${resolutionSearchText} @@ ${tsQuery}`,
          ),
        );
      const rows = await unionAll(agendaBranch, documentBranch, resolutionBranch)
        .orderBy(sql`rank desc`, sql`hit_starts_at desc`, sql`hit_id`)
        .limit(limit);
      // Named expressions are not decoded by column type: each driver hands the time back its way.
      return rows.map((row) => ({
        ...row,
        startsAt: new Date(row.startsAt),
        rank: Number(row.rank),
      }));
    },
  };
}

export type PortalRepository = ReturnType<typeof portalRepository>;
