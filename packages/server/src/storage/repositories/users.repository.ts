import type { CouncilRole, Language } from '@veche/domain';
import { and, asc, count, eq } from 'drizzle-orm';
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
  };
}
