import { and, asc, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
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

    /** The council's terms, oldest first. */
    async listForCouncil(councilId: string): Promise<TermRow[]> {
      return db
        .select()
        .from(terms)
        .where(eq(terms.councilId, councilId))
        .orderBy(asc(terms.startsOn));
    },

    async findById(councilId: string, id: string): Promise<TermRow | undefined> {
      const [row] = await db
        .select()
        .from(terms)
        .where(and(eq(terms.councilId, councilId), eq(terms.id, id)));
      return row;
    },

    /** Changes a term of the council; undefined when the council has no such term. */
    async update(
      councilId: string,
      id: string,
      input: Omit<NewTerm, 'councilId'>,
    ): Promise<TermRow | undefined> {
      const [row] = await db
        .update(terms)
        .set({ ...input, updatedAt: clock() })
        .where(and(eq(terms.councilId, councilId), eq(terms.id, id)))
        .returning();
      return row;
    },
  };
}
