import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { terms } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type TermRow = typeof terms.$inferSelect;

export interface NewTerm {
  councilId: string;
  name: string;
  /** ISO date, YYYY-MM-DD. */
  startsOn: string;
  endsOn?: string | null;
}

export function termsRepository({ db, clock, newId }: StorageContext) {
  return {
    async create(input: NewTerm): Promise<TermRow> {
      const now = clock();
      const [row] = await db
        .insert(terms)
        .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    /** A term of the given council; undefined for another council's term. */
    async findById(councilId: string, id: string): Promise<TermRow | undefined> {
      const [row] = await db
        .select()
        .from(terms)
        .where(and(eq(terms.councilId, councilId), eq(terms.id, id)));
      return row;
    },

    /** The council's terms, latest first. */
    async listForCouncil(councilId: string): Promise<TermRow[]> {
      return db
        .select()
        .from(terms)
        .where(eq(terms.councilId, councilId))
        .orderBy(desc(terms.startsOn));
    },

    /** The term in force on `onDate` (YYYY-MM-DD); the latest started one if several overlap. */
    async current(councilId: string, onDate: string): Promise<TermRow | undefined> {
      const [row] = await db
        .select()
        .from(terms)
        .where(
          and(
            eq(terms.councilId, councilId),
            lte(terms.startsOn, onDate),
            or(isNull(terms.endsOn), gte(terms.endsOn, onDate)),
          ),
        )
        .orderBy(desc(terms.startsOn))
        .limit(1);
      return row;
    },
  };
}
