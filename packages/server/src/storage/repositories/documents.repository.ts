import { and, asc, eq } from 'drizzle-orm';
import { documents } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type DocumentRow = typeof documents.$inferSelect;

export interface NewDocument {
  councilId: string;
  sittingId: string;
  agendaItemId: string | null;
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  isPublic: boolean;
  createdByUserId: string | null;
}

export function documentsRepository({ db, clock, newId }: StorageContext) {
  return {
    async create(input: NewDocument): Promise<DocumentRow> {
      const now = clock();
      const [row] = await db
        .insert(documents)
        .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    /** A sitting's documents in the order they were added; never another council's. */
    async listForSitting(councilId: string, sittingId: string): Promise<DocumentRow[]> {
      return db
        .select()
        .from(documents)
        .where(and(eq(documents.councilId, councilId), eq(documents.sittingId, sittingId)))
        .orderBy(asc(documents.createdAt), asc(documents.id));
    },

    async findById(id: string): Promise<DocumentRow | undefined> {
      const [row] = await db.select().from(documents).where(eq(documents.id, id));
      return row;
    },
  };
}
