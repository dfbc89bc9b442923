import type { BodyKind, QuorumRuleKind } from '@veche/domain';
import { and, asc, eq } from 'drizzle-orm';
import { bodies } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type BodyRow = typeof bodies.$inferSelect;

export interface NewBody {
  councilId: string;
  name: string;
  kind: BodyKind;
  statutorySize: number;
  quorumRule: QuorumRuleKind;
}

export function bodiesRepository({ db, clock, newId }: StorageContext) {
  return {
    async create(input: NewBody): Promise<BodyRow> {
      const now = clock();
      const [row] = await db
        .insert(bodies)
        .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    /** A body of the given council; undefined for another council's body. */
    async findById(councilId: string, id: string): Promise<BodyRow | undefined> {
      const [row] = await db
        .select()
        .from(bodies)
        .where(and(eq(bodies.councilId, councilId), eq(bodies.id, id)));
      return row;
    },

    async listForCouncil(councilId: string): Promise<BodyRow[]> {
      return db
        .select()
        .from(bodies)
        .where(eq(bodies.councilId, councilId))
        .orderBy(asc(bodies.kind), asc(bodies.name));
    },

    /**
     * A body by its id alone, for public pages that name a body (its calendar): the caller then
     * scopes everything else by the body's council.
     */
    async locate(id: string): Promise<BodyRow | undefined> {
      const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
      return row;
    },

    /** Changes a body of the council; undefined when the council has no such body. */
    async update(
      councilId: string,
      id: string,
      input: Omit<NewBody, 'councilId'>,
    ): Promise<BodyRow | undefined> {
      const [row] = await db
        .update(bodies)
        .set({ ...input, updatedAt: clock() })
        .where(and(eq(bodies.councilId, councilId), eq(bodies.id, id)))
        .returning();
      return row;
    },
  };
}
