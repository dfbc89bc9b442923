import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { notifications, sittingNotices } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type SittingNoticeRow = typeof sittingNotices.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type NoticeKind = 'convened' | 'changed';

export function noticesRepository({ db, clock, newId }: StorageContext) {
  return {
    /**
     * Queues a notice, or adds to the one waiting: its changes grow and it waits until `dueAt`.
     * A waiting convening notice stays one: it carries the whole agenda anyway.
     */
    async queue(input: {
      councilId: string;
      sittingId: string;
      kind: NoticeKind;
      changes: readonly unknown[];
      origin: string;
      dueAt: Date;
    }): Promise<void> {
      await db
        .insert(sittingNotices)
        .values({ ...input, changes: input.changes, createdAt: clock() })
        .onConflictDoUpdate({
          target: sittingNotices.sittingId,
          set: {
            kind: sql`case when ${sittingNotices.kind} = 'convened' then 'convened' else excluded.kind end`,
            changes: sql`${sittingNotices.changes} || excluded.changes`,
            origin: sql`excluded.origin`,
            dueAt: sql`excluded.due_at`,
          },
        });
    },

    /**
     * The notices due by now, locked for this transaction (another process skips them); run it
     * in the transaction that sends them and then calls `remove`.
     */
    async lockDue(limit: number): Promise<SittingNoticeRow[]> {
      return db
        .select()
        .from(sittingNotices)
        .where(lte(sittingNotices.dueAt, clock()))
        .orderBy(asc(sittingNotices.dueAt))
        .limit(limit)
        .for('update', { skipLocked: true });
    },

    /** Sends a notice later (after a failure), keeping what it says. */
    async postpone(sittingId: string, until: Date): Promise<void> {
      await db
        .update(sittingNotices)
        .set({ dueAt: until })
        .where(eq(sittingNotices.sittingId, sittingId));
    },

    async remove(sittingId: string): Promise<void> {
      await db.delete(sittingNotices).where(eq(sittingNotices.sittingId, sittingId));
    },

    async notify(
      rows: readonly {
        councilId: string;
        userId: string;
        sittingId: string;
        kind: NoticeKind;
        changes: readonly unknown[];
      }[],
    ): Promise<void> {
      if (rows.length === 0) return;
      const now = clock();
      await db
        .insert(notifications)
        .values(rows.map((row) => ({ ...row, id: newId(), createdAt: now })));
    },

    /** A user's latest notifications, newest first. */
    async forUser(userId: string, limit: number): Promise<NotificationRow[]> {
      return db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit);
    },

    /** Marks the user's notifications read: these, or all of them. */
    async markRead(userId: string, ids: readonly string[] | null): Promise<void> {
      await db
        .update(notifications)
        .set({ readAt: clock() })
        .where(
          and(
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
            ids === null ? undefined : inArray(notifications.id, [...ids]),
          ),
        );
    },
  };
}
