import type { CouncilRole, Language } from '@veche/domain';
import { and, asc, count, eq, inArray, notInArray } from 'drizzle-orm';
import { councilRoles, councils, users } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type UserRow = typeof users.$inferSelect;

export interface NewUser {
  councilId: string | null;
  personId?: string | null;
  email: string;
  passwordHash: string;
  displayName: string;
  language: Language;
  isPlatformAdmin?: boolean;
}

/**
 * The password hash of an account whose person has not set a password yet (an invitation not
 * taken up). No Argon2 hash looks like it, so no password ever matches it.
 */
export const NO_PASSWORD = '!unset';

export function hasPassword(user: UserRow): boolean {
  return user.passwordHash !== NO_PASSWORD;
}

/** An account of a council with its roles there, as its administrators see it. */
export interface CouncilAccount {
  user: UserRow;
  roles: CouncilRole[];
}

export interface UserCouncil {
  councilId: string;
  councilName: string;
  roles: CouncilRole[];
}

export function usersRepository({ db, clock, newId }: StorageContext) {
  return {
    /** Creates a user; the e-mail is stored lower-case and must be unique (23505 otherwise). */
    async create(input: NewUser): Promise<UserRow> {
      const now = clock();
      const [row] = await db
        .insert(users)
        .values({
          id: newId(),
          ...input,
          email: input.email.toLowerCase(),
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return row!;
    },

    async findByEmail(email: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
      return row;
    },

    /** The account of a person of this council, if they have one. */
    async findByPerson(councilId: string, personId: string): Promise<UserRow | undefined> {
      const [row] = await db
        .select()
        .from(users)
        .where(and(eq(users.councilId, councilId), eq(users.personId, personId)));
      return row;
    },

    async findById(id: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(users);
      return row?.n ?? 0;
    },

    async setLanguage(id: string, language: Language): Promise<void> {
      await db.update(users).set({ language, updatedAt: clock() }).where(eq(users.id, id));
    },

    async grantRole(councilId: string, userId: string, role: CouncilRole): Promise<void> {
      await db
        .insert(councilRoles)
        .values({ councilId, userId, role, createdAt: clock() })
        .onConflictDoNothing();
    },

    /** The councils in which the user holds roles, with the roles, ordered by council name. */
    async councilsOf(userId: string): Promise<UserCouncil[]> {
      const rows = await db
        .select({ councilId: councils.id, councilName: councils.name, role: councilRoles.role })
        .from(councilRoles)
        .innerJoin(councils, eq(councils.id, councilRoles.councilId))
        .where(eq(councilRoles.userId, userId))
        .orderBy(asc(councils.name), asc(councilRoles.role));
      const byCouncil = new Map<string, UserCouncil>();
      for (const row of rows) {
        const entry = byCouncil.get(row.councilId) ?? {
          councilId: row.councilId,
          councilName: row.councilName,
          roles: [],
        };
        entry.roles.push(row.role as CouncilRole);
        byCouncil.set(row.councilId, entry);
      }
      return [...byCouncil.values()];
    },

    /** A user whose home council is this one. */
    async findInCouncil(councilId: string, id: string): Promise<UserRow | undefined> {
      const [row] = await db
        .select()
        .from(users)
        .where(and(eq(users.councilId, councilId), eq(users.id, id)));
      return row;
    },

    /** Who an invited person is, as the latest invitation says; only before they sign in. */
    async updateInvited(
      councilId: string,
      id: string,
      changes: { displayName: string; language: Language; personId: string | null },
    ): Promise<void> {
      await db
        .update(users)
        .set({ ...changes, updatedAt: clock() })
        .where(and(eq(users.councilId, councilId), eq(users.id, id)));
    },

    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db.update(users).set({ passwordHash, updatedAt: clock() }).where(eq(users.id, id));
    },

    /** Deactivates (a time) or reactivates (null) a user of this council. */
    async setDeactivated(councilId: string, id: string, at: Date | null): Promise<void> {
      await db
        .update(users)
        .set({ deactivatedAt: at, updatedAt: clock() })
        .where(and(eq(users.councilId, councilId), eq(users.id, id)));
    },

    /** The user holds exactly these roles in the council afterwards. */
    async setRoles(
      councilId: string,
      userId: string,
      roles: readonly CouncilRole[],
    ): Promise<void> {
      const scope = and(eq(councilRoles.councilId, councilId), eq(councilRoles.userId, userId));
      await db
        .delete(councilRoles)
        .where(roles.length === 0 ? scope : and(scope, notInArray(councilRoles.role, [...roles])));
      if (roles.length === 0) return;
      await db
        .insert(councilRoles)
        .values(roles.map((role) => ({ councilId, userId, role, createdAt: clock() })))
        .onConflictDoNothing();
    },

    /** The accounts whose home council is this one, with their roles in it, by name. */
    async listForCouncil(councilId: string): Promise<CouncilAccount[]> {
      const rows = await db
        .select()
        .from(users)
        .where(eq(users.councilId, councilId))
        .orderBy(asc(users.displayName), asc(users.email));
      if (rows.length === 0) return [];
      const roles = await db
        .select({ userId: councilRoles.userId, role: councilRoles.role })
        .from(councilRoles)
        .where(
          and(
            eq(councilRoles.councilId, councilId),
            inArray(
              councilRoles.userId,
              rows.map((row) => row.id),
            ),
          ),
        )
        .orderBy(asc(councilRoles.role));
      return rows.map((user) => ({
        user,
        roles: roles.filter((row) => row.userId === user.id).map((row) => row.role as CouncilRole),
      }));
    },
  };
}
