import { and, eq, gt, isNull } from 'drizzle-orm';
import { passwordTokens } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type PasswordTokenRow = typeof passwordTokens.$inferSelect;
export type PasswordTokenPurpose = 'invitation' | 'password_reset';

export interface NewPasswordToken {
  councilId: string;
  userId: string;
  purpose: PasswordTokenPurpose;
  tokenHash: string;
  createdByUserId: string | null;
  expiresAt: Date;
}

export function passwordTokensRepository({ db, clock, newId }: StorageContext) {
  return {
    /**
     * Stores a new link for the user and purpose and drops their unused ones: only the newest
     * e-mail works, so an older one found later in a mailbox lets nobody in.
     */
    async replace(input: NewPasswordToken): Promise<PasswordTokenRow> {
      await db
        .delete(passwordTokens)
        .where(
          and(
            eq(passwordTokens.councilId, input.councilId),
            eq(passwordTokens.userId, input.userId),
            eq(passwordTokens.purpose, input.purpose),
            isNull(passwordTokens.usedAt),
          ),
        );
      const [row] = await db
        .insert(passwordTokens)
        .values({ id: newId(), ...input, createdAt: clock() })
        .returning();
      return row!;
    },

    /**
     * Marks the link with this token hash used and returns it, if it is unused and has not
     * expired. One statement, so of two requests racing with the same link exactly one wins.
     */
    async consume(tokenHash: string): Promise<PasswordTokenRow | undefined> {
      const now = clock();
      const [row] = await db
        .update(passwordTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(passwordTokens.tokenHash, tokenHash),
            isNull(passwordTokens.usedAt),
            gt(passwordTokens.expiresAt, now),
          ),
        )
        .returning();
      return row;
    },

    /** Per user of the council, until when their unused link of this purpose works. */
    async openOf(councilId: string, purpose: PasswordTokenPurpose): Promise<Map<string, Date>> {
      const rows = await db
        .select({ userId: passwordTokens.userId, expiresAt: passwordTokens.expiresAt })
        .from(passwordTokens)
        .where(
          and(
            eq(passwordTokens.councilId, councilId),
            eq(passwordTokens.purpose, purpose),
            isNull(passwordTokens.usedAt),
          ),
        );
      return new Map(rows.map((row) => [row.userId, row.expiresAt]));
    },
  };
}
