import type { CouncilRole, SittingKind, SittingMode, SittingStatus } from '@veche/domain';
import { and, asc, desc, eq, gte, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import {
  agendaItemTombstones,
  agendaItems,
  bodies,
  councilRoles,
  councils,
  sittings,
} from '../schema.js';
import { hasPgCode, UNIQUE_VIOLATION, type StorageContext } from '../storage-context.js';

export type SittingRow = typeof sittings.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;

export interface NewSitting {
  councilId: string;
  bodyId: string;
  termId: string;
  /** Omit to take the next number of the body in the term; give it only to import history. */
  number?: number;
  title: string;
  kind: SittingKind;
  mode: SittingMode;
  status: SittingStatus;
  startsAt: Date;
  place?: string | null;
  streamUrl?: string | null;
  meetingUrl?: string | null;
}

export interface NewAgendaItem {
  councilId: string;
  sittingId: string;
  parentId?: string | null;
  position: number;
  title: string;
  kind?: string;
  description?: string | null;
}

/** What the office may change of a sitting before it opens. */
export interface SittingDetails {
  title: string;
  kind: SittingKind;
  mode: SittingMode;
  startsAt: Date;
  place: string | null;
  streamUrl: string | null;
  meetingUrl: string | null;
  number?: number;
}

export interface UpcomingQuery {
  userId: string;
  /** Sittings starting before this are left out unless they are open or suspended. */
  from: Date;
  /** Roles that may see sittings still in draft. */
  draftRoles: readonly CouncilRole[];
}

export interface SittingListing extends SittingRow {
  bodyName: string;
  councilName: string;
  timeZone: string;
}

const NUMBERING_ATTEMPTS = 5;

export function sittingsRepository({ db, clock, newId }: StorageContext) {
  return {
    /**
     * Creates a sitting. Without an explicit number it takes the body's next number in the term;
     * two sittings created at once both retry on the unique (body, term, number) key.
     */
    async create(input: NewSitting): Promise<SittingRow> {
      for (let attempt = 1; ; attempt++) {
        const now = clock();
        const number =
          input.number ??
          sql<number>`(select coalesce(max(${sittings.number}), 0) + 1 from ${sittings}
            where ${sittings.bodyId} = ${input.bodyId} and ${sittings.termId} = ${input.termId})`;
        try {
          // Each attempt in its own savepoint: a unique violation inside a caller's transaction
          // would otherwise abort that whole transaction and no retry could run.
          return await db.transaction(async (attemptTx) => {
            const [row] = await attemptTx
              .insert(sittings)
              .values({ id: newId(), ...input, number, createdAt: now, updatedAt: now })
              .returning();
            return row!;
          });
        } catch (error) {
          const retry =
            input.number === undefined &&
            attempt < NUMBERING_ATTEMPTS &&
            hasPgCode(error, UNIQUE_VIOLATION);
          if (!retry) throw error;
        }
      }
    },

    /**
     * Finds a sitting by id alone, to learn its council; callers must then check that the user
     * may see that council before showing anything.
     */
    async locate(id: string): Promise<SittingRow | undefined> {
      const [row] = await db.select().from(sittings).where(eq(sittings.id, id));
      return row;
    },

    /** Freezes the setup of the sitting's log; returns the setup in force (first one wins). */
    async freezeLogSetup(councilId: string, id: string, setup: unknown): Promise<unknown> {
      await db
        .update(sittings)
        .set({ logSetup: setup, updatedAt: clock() })
        .where(
          and(eq(sittings.councilId, councilId), eq(sittings.id, id), isNull(sittings.logSetup)),
        );
      const [row] = await db
        .select({ logSetup: sittings.logSetup })
        .from(sittings)
        .where(and(eq(sittings.councilId, councilId), eq(sittings.id, id)));
      return row?.logSetup;
    },

    /**
     * Replaces the frozen setup of a log that has started but whose sitting has not opened
     * (only the preparation of a convened sitting does this; see sitting-preparation.use-case).
     */
    async replaceLogSetup(councilId: string, id: string, setup: unknown): Promise<void> {
      await db
        .update(sittings)
        .set({ logSetup: setup, updatedAt: clock() })
        .where(and(eq(sittings.councilId, councilId), eq(sittings.id, id)));
    },

    /** Sittings under way (open or suspended) in every council: where deadlines can pass. */
    async listLive(): Promise<SittingRow[]> {
      return db
        .select()
        .from(sittings)
        .where(inArray(sittings.status, ['open', 'suspended']));
    },

    /** Mirrors the live status into the sittings table, for listings. */
    async setStatus(councilId: string, id: string, status: SittingStatus): Promise<void> {
      await db
        .update(sittings)
        .set({ status, updatedAt: clock() })
        .where(and(eq(sittings.councilId, councilId), eq(sittings.id, id)));
    },

    async findById(councilId: string, id: string): Promise<SittingRow | undefined> {
      const [row] = await db
        .select()
        .from(sittings)
        .where(and(eq(sittings.councilId, councilId), eq(sittings.id, id)));
      return row;
    },

    /** Sittings not yet closed in the councils where the user holds a role, soonest first. */
    async upcomingForUser(query: UpcomingQuery): Promise<SittingListing[]> {
      const visibleRoles = councilRoles.role;
      const rows = await db
        .select({
          sitting: sittings,
          bodyName: bodies.name,
          councilName: councils.name,
          timeZone: councils.timeZone,
        })
        .from(sittings)
        .innerJoin(bodies, eq(bodies.id, sittings.bodyId))
        .innerJoin(councils, eq(councils.id, sittings.councilId))
        .where(
          and(
            ne(sittings.status, 'closed'),
            or(gte(sittings.startsAt, query.from), inArray(sittings.status, ['open', 'suspended'])),
            sql`exists (select 1 from ${councilRoles}
              where ${councilRoles.councilId} = ${sittings.councilId}
                and ${councilRoles.userId} = ${query.userId}
                and (${sittings.status} <> 'draft' or ${visibleRoles} in ${
                  query.draftRoles.length > 0 ? query.draftRoles : ['']
                }))`,
          ),
        )
        .orderBy(asc(sittings.startsAt), asc(bodies.name));
      return rows.map((row) => ({
        ...row.sitting,
        bodyName: row.bodyName,
        councilName: row.councilName,
        timeZone: row.timeZone,
      }));
    },

    /**
     * A sitting as the public may see it, with its body's and council's names: any council's,
     * never a draft. Null for an unknown id and for a draft alike.
     */
    async publicById(sittingId: string): Promise<SittingListing | null> {
      const [row] = await db
        .select({
          sitting: sittings,
          bodyName: bodies.name,
          councilName: councils.name,
          timeZone: councils.timeZone,
        })
        .from(sittings)
        .innerJoin(bodies, eq(bodies.id, sittings.bodyId))
        .innerJoin(councils, eq(councils.id, sittings.councilId))
        .where(and(eq(sittings.id, sittingId), ne(sittings.status, 'draft')))
        .limit(1);
      if (row === undefined) return null;
      return {
        ...row.sitting,
        bodyName: row.bodyName,
        councilName: row.councilName,
        timeZone: row.timeZone,
      };
    },

    /**
     * Moves a sitting from `version` to the next one, with the details or status given (or
     * nothing else, as the first step of a save that writes elsewhere: the agenda); null when
     * someone saved first (optimistic concurrency: never a silent overwrite). Run it in the
     * save's transaction: the row stays locked until the save commits.
     */
    async takeVersion(
      councilId: string,
      id: string,
      version: number,
      change: Partial<SittingDetails> & { status?: SittingStatus } = {},
    ): Promise<SittingRow | null> {
      const [row] = await db
        .update(sittings)
        .set({ ...change, version: sql`${sittings.version} + 1`, updatedAt: clock() })
        .where(
          and(
            eq(sittings.councilId, councilId),
            eq(sittings.id, id),
            eq(sittings.version, version),
          ),
        )
        .returning();
      return row ?? null;
    },

    /**
     * Makes the sitting's agenda exactly `items` (each with its parent and position): items whose
     * id is not among them are deleted, the others written as given. Ids must be the sitting's
     * own or new; the caller checks that.
     */
    async replaceAgenda(
      councilId: string,
      sittingId: string,
      items: readonly (Omit<NewAgendaItem, 'councilId' | 'sittingId'> & { id: string })[],
    ): Promise<void> {
      const now = clock();
      const keep = items.map((item) => item.id);
      const removed = await db
        .delete(agendaItems)
        .where(
          and(
            eq(agendaItems.councilId, councilId),
            eq(agendaItems.sittingId, sittingId),
            keep.length > 0 ? notInArray(agendaItems.id, keep) : undefined,
          ),
        )
        .returning();
      if (removed.length > 0) {
        // A public agenda's removed items stay known as deleted (the OParl API answers them so).
        const [sitting] = await db
          .select({ status: sittings.status })
          .from(sittings)
          .where(and(eq(sittings.councilId, councilId), eq(sittings.id, sittingId)));
        if (sitting !== undefined && sitting.status !== 'draft') {
          await db
            .insert(agendaItemTombstones)
            .values(
              removed.map((row) => ({
                id: row.id,
                councilId,
                sittingId,
                kind: row.kind,
                position: row.position,
                createdAt: row.createdAt,
                deletedAt: now,
              })),
            )
            .onConflictDoNothing();
        }
      }
      if (items.length === 0) return;
      await db
        .insert(agendaItems)
        .values(
          items.map((item) => ({
            ...item,
            councilId,
            sittingId,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: agendaItems.id,
          set: {
            parentId: sql`excluded.parent_id`,
            position: sql`excluded.position`,
            title: sql`excluded.title`,
            kind: sql`excluded.kind`,
            description: sql`excluded.description`,
            // Modified only when something changed: the OParl API's `modified` filters rely on it.
            updatedAt: sql`case when (${agendaItems.parentId}, ${agendaItems.position},
              ${agendaItems.title}, ${agendaItems.kind}, ${agendaItems.description})
              is distinct from (excluded.parent_id, excluded.position, excluded.title,
              excluded.kind, excluded.description)
              then ${now.toISOString()}::timestamptz else ${agendaItems.updatedAt} end`,
          },
          // Never touch a row of another sitting, whatever id the caller passed.
          setWhere: and(eq(agendaItems.councilId, councilId), eq(agendaItems.sittingId, sittingId)),
        });
    },

    /** Sets (or, with nulls, removes) the sitting's recording; the row as it now is. */
    async setRecording(
      councilId: string,
      id: string,
      recording: { recordingUrl: string | null; recordingStartedAt: Date | null },
    ): Promise<SittingRow | undefined> {
      const [row] = await db
        .update(sittings)
        .set({ ...recording, updatedAt: clock() })
        .where(and(eq(sittings.councilId, councilId), eq(sittings.id, id)))
        .returning();
      return row;
    },

    /** The council's sittings, latest first, with their bodies' names (the office's list). */
    async listForCouncil(councilId: string): Promise<(SittingRow & { bodyName: string })[]> {
      const rows = await db
        .select({ sitting: sittings, bodyName: bodies.name })
        .from(sittings)
        .innerJoin(bodies, eq(bodies.id, sittings.bodyId))
        .where(eq(sittings.councilId, councilId))
        .orderBy(desc(sittings.startsAt));
      return rows.map((row) => ({ ...row.sitting, bodyName: row.bodyName }));
    },

    async addAgendaItem(input: NewAgendaItem): Promise<AgendaItemRow> {
      const now = clock();
      const [row] = await db
        .insert(agendaItems)
        .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    /** The agenda items of the given sittings, in tree order within each parent. */
    async agendaOf(councilId: string, sittingIds: readonly string[]): Promise<AgendaItemRow[]> {
      if (sittingIds.length === 0) return [];
      return db
        .select()
        .from(agendaItems)
        .where(
          and(
            eq(agendaItems.councilId, councilId),
            inArray(agendaItems.sittingId, [...sittingIds]),
          ),
        )
        .orderBy(asc(agendaItems.sittingId), asc(agendaItems.position));
    },

    /**
     * Every sitting of a council (or of one of its bodies) that is not a draft, with the body's
     * and council's names, by start: what the public calendar feeds list.
     */
    async publicOfCouncil(councilId: string, bodyId?: string): Promise<SittingListing[]> {
      const rows = await db
        .select({
          sitting: sittings,
          bodyName: bodies.name,
          councilName: councils.name,
          timeZone: councils.timeZone,
        })
        .from(sittings)
        .innerJoin(bodies, eq(bodies.id, sittings.bodyId))
        .innerJoin(councils, eq(councils.id, sittings.councilId))
        .where(
          and(
            eq(sittings.councilId, councilId),
            bodyId === undefined ? undefined : eq(sittings.bodyId, bodyId),
            ne(sittings.status, 'draft'),
          ),
        )
        .orderBy(asc(sittings.startsAt), asc(bodies.name));
      return rows.map((row) => ({
        ...row.sitting,
        bodyName: row.bodyName,
        councilName: row.councilName,
        timeZone: row.timeZone,
      }));
    },
  };
}
