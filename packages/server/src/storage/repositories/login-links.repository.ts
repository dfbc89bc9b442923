import { and, eq, gt, isNull } from 'drizzle-orm';
import { loginLinks } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type LoginLinkRow = typeof loginLinks.$inferSelect;

export interface NewLoginLink {
  councilId: string;
  userId: string;
  sittingId: string;
  tokenHash: string;
  createdByUserId: string;
  expiresAt: Date;
}

export function loginLinksRepository({ db, clock, newId }: StorageContext) {
  return {
    async create(input: NewLoginLink): Promise<LoginLinkRow> {
      const [row] = await db
        .insert(loginLinks)
        .values({ id: newId(), ...input, createdAt: clock() })
        .returning();
      return row!;
    },

    /**
     * Marks the link with this token hash used and returns it, if it is unused and has not
     * expired. One statement, so of two tablets racing with the same code exactly one wins.
     */
    async consume(tokenHash: string): Promise<LoginLinkRow | undefined> {
      const now = clock();
      const [row] = await db
        .update(loginLinks)
        .set({ usedAt: now })
        .where(
          and(
            eq(loginLinks.tokenHash, tokenHash),
            isNull(loginLinks.usedAt),
            gt(loginLinks.expiresAt, now),
          ),
        )
        .returning();
      return row;
    },
  };
}
