import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { bodies, documents, resolutions, sittings, terms } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type ResolutionRow = typeof resolutions.$inferSelect;

export type NewResolution = Omit<ResolutionRow, 'id' | 'createdAt' | 'updatedAt'>;

/** A register entry with the names and numbers the register shows beside it. */
export interface ResolutionListing extends ResolutionRow {
  bodyName: string;
  termName: string;
  sittingNumber: number;
  sittingStartsAt: Date;
}

export interface ResolutionFilter {
  termId?: string | undefined;
  bodyId?: string | undefined;
  year?: number | undefined;
  adopted?: boolean | undefined;
  /** Words to find in the title or the number (PostgreSQL full-text search, 'simple'). */
  query?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * What words of a resolution the register's search and the portal's find: its title and its
 * number, without stemming ('simple'), alike in every language.
 */
export const resolutionSearchText = sql`to_tsvector('simple', ${resolutions.title} || ' ' || coalesce(${resolutions.number}, ''))`;

export function resolutionsRepository({ db, clock, newId }: StorageContext) {
  return {
    /** The next sequence number of a body's resolutions in a term (lock the council first). */
    async nextSeq(councilId: string, bodyId: string, termId: string): Promise<number> {
      const [row] = await db
        .select({ last: sql<number | null>`max(${resolutions.seq})` })
        .from(resolutions)
        .where(
          and(
            eq(resolutions.councilId, councilId),
            eq(resolutions.bodyId, bodyId),
            eq(resolutions.termId, termId),
          ),
        );
      return (row?.last ?? 0) + 1;
    },

    async record(rows: readonly NewResolution[]): Promise<ResolutionRow[]> {
      if (rows.length === 0) return [];
      const now = clock();
      return db
        .insert(resolutions)
        .values(rows.map((row) => ({ id: newId(), ...row, createdAt: now, updatedAt: now })))
        .returning();
    },

    /** The years in which the council's register has entries, newest first. */
    async years(councilId: string): Promise<number[]> {
      const rows = await db
        .selectDistinct({ year: resolutions.year })
        .from(resolutions)
        .where(eq(resolutions.councilId, councilId))
        .orderBy(desc(resolutions.year));
      return rows.map((row) => row.year);
    },

    /** What one sitting resolved, in the order of its numbers (rejected drafts last). */
    async forSitting(councilId: string, sittingId: string): Promise<ResolutionRow[]> {
      return db
        .select()
        .from(resolutions)
        .where(and(eq(resolutions.councilId, councilId), eq(resolutions.sittingId, sittingId)))
        .orderBy(asc(resolutions.seq), asc(resolutions.decidedAt));
    },

    /** A council's register, newest first, with the total matching the filter. */
    async list(
      councilId: string,
      filter: ResolutionFilter,
    ): Promise<{ rows: ResolutionListing[]; total: number }> {
      const conditions: SQL[] = [eq(resolutions.councilId, councilId)];
      if (filter.termId !== undefined) conditions.push(eq(resolutions.termId, filter.termId));
      if (filter.bodyId !== undefined) conditions.push(eq(resolutions.bodyId, filter.bodyId));
      if (filter.year !== undefined) conditions.push(eq(resolutions.year, filter.year));
      if (filter.adopted !== undefined) conditions.push(eq(resolutions.adopted, filter.adopted));
      if (filter.query !== undefined) {
        conditions.push(
          sql`(${resolutionSearchText} @@ websearch_to_tsquery('simple', ${filter.query})
              or ${resolutions.number} = ${filter.query})`,
        );
      }
      const where = and(...conditions);
      const [count] = await db
        .select({ total: sql<number>`count(*)::int` })
        .from(resolutions)
        .where(where);
      const rows = await db
        .select({
          resolution: resolutions,
          bodyName: bodies.name,
          termName: terms.name,
          sittingNumber: sittings.number,
          sittingStartsAt: sittings.startsAt,
        })
        .from(resolutions)
        .innerJoin(bodies, eq(bodies.id, resolutions.bodyId))
        .innerJoin(terms, eq(terms.id, resolutions.termId))
        .innerJoin(sittings, eq(sittings.id, resolutions.sittingId))
        .where(where)
        .orderBy(desc(resolutions.decidedAt), desc(resolutions.seq), asc(resolutions.title))
        .limit(filter.limit)
        .offset(filter.offset);
      return {
        total: count?.total ?? 0,
        rows: rows.map(({ resolution, ...names }) => ({ ...resolution, ...names })),
      };
    },

    /** The public documents of the given agenda items, in the order they were added. */
    async publicDocumentsOf(
      councilId: string,
      agendaItemIds: readonly string[],
    ): Promise<(typeof documents.$inferSelect)[]> {
      if (agendaItemIds.length === 0) return [];
      return db
        .select()
        .from(documents)
        .where(
          and(
            eq(documents.councilId, councilId),
            eq(documents.isPublic, true),
            inArray(documents.agendaItemId, [...agendaItemIds]),
          ),
        )
        .orderBy(asc(documents.createdAt), asc(documents.id));
    },
  };
}
