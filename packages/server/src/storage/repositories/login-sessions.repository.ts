import { and, eq, gt, lte } from 'drizzle-orm';
import { loginSessions } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type LoginSessionRow = typeof loginSessions.$inferSelect;

export interface NewLoginSession {
  userId: string;
  councilId: string | null;
  tokenHash: string;
  expiresAt: Date;
  userAgent?: string | null;
}

export function loginSessionsRepository({ db, clock, newId }: StorageContext) {
  return {
    async create(input: NewLoginSession): Promise<LoginSessionRow> {
      const now = clock();
      const [row] = await db
        .insert(loginSessions)
        .values({ id: newId(), ...input, createdAt: now, lastSeenAt: now })
        .returning();
      return row!;
    },

    /** The session with this token hash if it has not expired. */
    async findActive(tokenHash: string): Promise<LoginSessionRow | undefined> {
      const [row] = await db
        .select()
        .from(loginSessions)
        .where(and(eq(loginSessions.tokenHash, tokenHash), gt(loginSessions.expiresAt, clock())));
      return row;
    },

    /** Sliding expiry: records use and moves the expiry forward. */
    async touch(id: string, expiresAt: Date): Promise<void> {
      await db
        .update(loginSessions)
        .set({ lastSeenAt: clock(), expiresAt })
        .where(eq(loginSessions.id, id));
    },

    /** Ends the session with this token; its id, or undefined if there was none. */
    async delete(tokenHash: string): Promise<string | undefined> {
      const rows = await db
        .delete(loginSessions)
        .where(eq(loginSessions.tokenHash, tokenHash))
        .returning({ id: loginSessions.id });
      return rows[0]?.id;
    },

    async deleteExpired(): Promise<number> {
      const rows = await db
        .delete(loginSessions)
        .where(lte(loginSessions.expiresAt, clock()))
        .returning({ id: loginSessions.id });
      return rows.length;
    },

    /** Ends every session of a user (a deactivated account); the ids of those ended. */
    async deleteForUser(userId: string): Promise<string[]> {
      const rows = await db
        .delete(loginSessions)
        .where(eq(loginSessions.userId, userId))
        .returning({ id: loginSessions.id });
      return rows.map((row) => row.id);
    },
  };
}
