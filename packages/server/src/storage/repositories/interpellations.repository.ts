import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { InterpellationKind } from '@veche/domain';
import { interpellationFiles, interpellations, persons } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type InterpellationRow = typeof interpellations.$inferSelect;
export type InterpellationFileRow = typeof interpellationFiles.$inferSelect;

/** A row with its author's name, as every list shows it. */
export interface InterpellationWithAuthor extends InterpellationRow {
  authorGivenName: string;
  authorFamilyName: string;
}

export interface NewInterpellation {
  councilId: string;
  year: number;
  kind: InterpellationKind;
  authorPersonId: string;
  filedByUserId: string | null;
  addressee: string;
  subject: string;
  text: string;
  filedOn: string;
  deadline: string;
}

export interface InterpellationAnswer {
  answerText: string;
  answeredOn: string;
  answeredByUserId: string;
}

export interface NewInterpellationFile {
  councilId: string;
  interpellationId: string;
  role: 'question' | 'answer';
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdByUserId: string | null;
}

export interface InterpellationFilter {
  authorPersonId?: string;
  year?: number;
}

const withAuthor = {
  interpellation: interpellations,
  authorGivenName: persons.givenName,
  authorFamilyName: persons.familyName,
};

export function interpellationsRepository({ db, clock, newId }: StorageContext) {
  const selectWithAuthor = () =>
    db
      .select(withAuthor)
      .from(interpellations)
      .innerJoin(
        persons,
        and(
          eq(persons.councilId, interpellations.councilId),
          eq(persons.id, interpellations.authorPersonId),
        ),
      );
  const flatten = (row: {
    interpellation: InterpellationRow;
    authorGivenName: string;
    authorFamilyName: string;
  }): InterpellationWithAuthor => ({
    ...row.interpellation,
    authorGivenName: row.authorGivenName,
    authorFamilyName: row.authorFamilyName,
  });

  return {
    /**
     * Files one under the next number of its council's year. Run it in a transaction that has
     * locked the council's row (`councils.lock`), so two filings never take the same number;
     * the unique key refuses it anyway.
     */
    async create(input: NewInterpellation): Promise<InterpellationRow> {
      const now = clock();
      const [last] = await db
        .select({ seq: max(interpellations.seq) })
        .from(interpellations)
        .where(
          and(eq(interpellations.councilId, input.councilId), eq(interpellations.year, input.year)),
        );
      const [row] = await db
        .insert(interpellations)
        .values({
          id: newId(),
          ...input,
          seq: (last?.seq ?? 0) + 1,
          filedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return row!;
    },

    /** The council's interpellations, newest first; never another council's. */
    async listForCouncil(
      councilId: string,
      filter: InterpellationFilter = {},
    ): Promise<InterpellationWithAuthor[]> {
      const conditions = [eq(interpellations.councilId, councilId)];
      if (filter.authorPersonId !== undefined) {
        conditions.push(eq(interpellations.authorPersonId, filter.authorPersonId));
      }
      if (filter.year !== undefined) conditions.push(eq(interpellations.year, filter.year));
      const rows = await selectWithAuthor()
        .where(and(...conditions))
        .orderBy(desc(interpellations.year), desc(interpellations.seq));
      return rows.map(flatten);
    },

    async findInCouncil(
      councilId: string,
      id: string,
    ): Promise<InterpellationWithAuthor | undefined> {
      const [row] = await selectWithAuthor().where(
        and(eq(interpellations.councilId, councilId), eq(interpellations.id, id)),
      );
      return row === undefined ? undefined : flatten(row);
    },

    /** Which council an interpellation belongs to, for routes that name only its id. */
    async locate(id: string): Promise<{ councilId: string } | undefined> {
      const [row] = await db
        .select({ councilId: interpellations.councilId })
        .from(interpellations)
        .where(eq(interpellations.id, id));
      return row;
    },

    /**
     * Records or corrects the answer, only at the version the office saw: undefined when the
     * row has moved on (or is not the council's), and nothing is written.
     */
    async answer(
      councilId: string,
      id: string,
      version: number,
      input: InterpellationAnswer,
    ): Promise<InterpellationRow | undefined> {
      const now = clock();
      const [row] = await db
        .update(interpellations)
        .set({
          ...input,
          answeredAt: now,
          updatedAt: now,
          version: sql`${interpellations.version} + 1`,
        })
        .where(
          and(
            eq(interpellations.councilId, councilId),
            eq(interpellations.id, id),
            eq(interpellations.version, version),
          ),
        )
        .returning();
      return row;
    },

    async addFile(input: NewInterpellationFile): Promise<InterpellationFileRow> {
      const now = clock();
      const [row] = await db
        .insert(interpellationFiles)
        .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    /** Files of the given interpellations of one council, in the order they were added. */
    async filesOf(
      councilId: string,
      interpellationIds: string[],
    ): Promise<InterpellationFileRow[]> {
      if (interpellationIds.length === 0) return [];
      return db
        .select()
        .from(interpellationFiles)
        .where(
          and(
            eq(interpellationFiles.councilId, councilId),
            inArray(interpellationFiles.interpellationId, interpellationIds),
          ),
        )
        .orderBy(asc(interpellationFiles.createdAt), asc(interpellationFiles.id));
    },

    async findFile(id: string): Promise<InterpellationFileRow | undefined> {
      const [row] = await db
        .select()
        .from(interpellationFiles)
        .where(eq(interpellationFiles.id, id));
      return row;
    },
  };
}
