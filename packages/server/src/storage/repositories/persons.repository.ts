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

    async findById(councilId: string, id: string): Promise<PersonRow | undefined> {
      const [row] = await db
        .select()
        .from(persons)
        .where(and(eq(persons.councilId, councilId), eq(persons.id, id)));
      return row;
    },
  };
}
