import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { MembershipRole } from '@veche/domain';
import { memberships, persons } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type PersonRow = typeof persons.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

export interface NewPerson {
  councilId: string;
  givenName: string;
  familyName: string;
  email?: string | null;
}

export interface NewMembership {
  councilId: string;
  personId: string;
  bodyId: string;
  termId?: string | null;
  role: MembershipRole;
  startsOn: string;
  endsOn?: string | null;
}

export interface BodyMember {
  personId: string;
  givenName: string;
  familyName: string;
  role: MembershipRole;
}

export function personsRepository({ db, clock, newId }: StorageContext) {
  return {
    async create(input: NewPerson): Promise<PersonRow> {
      const now = clock();
      const [row] = await db
        .insert(persons)
        .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    async addMembership(input: NewMembership): Promise<MembershipRow> {
      const now = clock();
      const [row] = await db
        .insert(memberships)
        .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    /** Members of a body on a date (YYYY-MM-DD), ordered by family name. */
    async membersOfBody(councilId: string, bodyId: string, onDate: string): Promise<BodyMember[]> {
      const rows = await db
        .select({
          personId: persons.id,
          givenName: persons.givenName,
          familyName: persons.familyName,
          role: memberships.role,
        })
        .from(memberships)
        .innerJoin(persons, eq(persons.id, memberships.personId))
        .where(
          and(
            eq(memberships.councilId, councilId),
            eq(memberships.bodyId, bodyId),
            lte(memberships.startsOn, onDate),
            or(isNull(memberships.endsOn), gte(memberships.endsOn, onDate)),
          ),
        )
        .orderBy(asc(persons.familyName), asc(persons.givenName));
      return rows.map((row) => ({ ...row, role: row.role as MembershipRole }));
    },

    /** The council's persons, by family name. */
    async listForCouncil(councilId: string): Promise<PersonRow[]> {
      return db
        .select()
        .from(persons)
        .where(eq(persons.councilId, councilId))
        .orderBy(asc(persons.familyName), asc(persons.givenName), asc(persons.id));
    },

    async findById(councilId: string, id: string): Promise<PersonRow | undefined> {
      const [row] = await db
        .select()
        .from(persons)
        .where(and(eq(persons.councilId, councilId), eq(persons.id, id)));
      return row;
    },

    /** Changes a person of the council; undefined when the council has no such person. */
    async update(
      councilId: string,
      id: string,
      input: Omit<NewPerson, 'councilId'>,
    ): Promise<PersonRow | undefined> {
      const [row] = await db
        .update(persons)
        .set({ ...input, updatedAt: clock() })
        .where(and(eq(persons.councilId, councilId), eq(persons.id, id)))
        .returning();
      return row;
    },

    /** Every seat of the council's people, ended ones included, oldest first. */
    async membershipsOfCouncil(councilId: string): Promise<MembershipRow[]> {
      return db
        .select()
        .from(memberships)
        .where(eq(memberships.councilId, councilId))
        .orderBy(asc(memberships.startsOn), asc(memberships.id));
    },

    /** Every seat of one body of the council, ended ones included. */
    async membershipsOfBody(councilId: string, bodyId: string): Promise<MembershipRow[]> {
      return db
        .select()
        .from(memberships)
        .where(and(eq(memberships.councilId, councilId), eq(memberships.bodyId, bodyId)))
        .orderBy(asc(memberships.startsOn), asc(memberships.id));
    },

    async findMembership(councilId: string, id: string): Promise<MembershipRow | undefined> {
      const [row] = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.councilId, councilId), eq(memberships.id, id)));
      return row;
    },

    /**
     * Changes a seat's role or dates (ending it is setting its last day: the row stays as the
     * record of who sat where, and when); undefined when the council has no such seat.
     */
    async updateMembership(
      councilId: string,
      id: string,
      input: { role: MembershipRole; startsOn: string; endsOn: string | null },
    ): Promise<MembershipRow | undefined> {
      const [row] = await db
        .update(memberships)
        .set({ ...input, updatedAt: clock() })
        .where(and(eq(memberships.councilId, councilId), eq(memberships.id, id)))
        .returning();
      return row;
    },
  };
}
