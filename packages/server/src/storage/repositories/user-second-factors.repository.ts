import { and, count, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { secondFactorChallenges, secondFactorRecoveryCodes, userSecondFactors } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type UserSecondFactorRow = typeof userSecondFactors.$inferSelect;
export type SecondFactorChallengeRow = typeof secondFactorChallenges.$inferSelect;

export interface NewSecondFactorChallenge {
  userId: string;
  councilId: string | null;
  tokenHash: string;
  expiresAt: Date;
}

/**
 * A user's TOTP second factor, its recovery codes and its sign-in challenges. The rows belong to
 * a user rather than to a council (like `login_sessions`); each carries the user's home council.
 * Every "use" below is one conditional statement, so two requests racing with the same code or
 * challenge cannot both win.
 */
export function userSecondFactorsRepository({ db, clock, newId }: StorageContext) {
  return {
    async find(userId: string): Promise<UserSecondFactorRow | undefined> {
      const [row] = await db
        .select()
        .from(userSecondFactors)
        .where(eq(userSecondFactors.userId, userId));
      return row;
    },

    /**
     * Starts (or restarts) a setup with a new secret. A confirmed factor is never overwritten:
     * then nothing changes and the answer is false.
     */
    async savePending(userId: string, councilId: string | null, secret: string): Promise<boolean> {
      const now = clock();
      const rows = await db
        .insert(userSecondFactors)
        .values({ userId, councilId, secret, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: userSecondFactors.userId,
          set: { secret, lastUsedStep: null, updatedAt: now },
          setWhere: isNull(userSecondFactors.confirmedAt),
        })
        .returning({ userId: userSecondFactors.userId });
      return rows.length === 1;
    },

    /** Turns a pending setup on, recording the step of the code that confirmed it. */
    async confirm(userId: string, step: number): Promise<boolean> {
      const now = clock();
      const rows = await db
        .update(userSecondFactors)
        .set({ confirmedAt: now, lastUsedStep: step, updatedAt: now })
        .where(and(eq(userSecondFactors.userId, userId), isNull(userSecondFactors.confirmedAt)))
        .returning({ userId: userSecondFactors.userId });
      return rows.length === 1;
    },

    /**
     * Records that a code of time step `step` was accepted, if no code of this step or a later
     * one was accepted before: false means a replay (or a factor that is not on).
     */
    async useStep(userId: string, step: number): Promise<boolean> {
      const rows = await db
        .update(userSecondFactors)
        .set({ lastUsedStep: step, updatedAt: clock() })
        .where(
          and(
            eq(userSecondFactors.userId, userId),
            isNotNull(userSecondFactors.confirmedAt),
            or(isNull(userSecondFactors.lastUsedStep), lt(userSecondFactors.lastUsedStep, step)),
          ),
        )
        .returning({ userId: userSecondFactors.userId });
      return rows.length === 1;
    },

    /** Turns the factor off: the secret, the recovery codes and open challenges go. */
    async remove(userId: string): Promise<void> {
      await db.delete(secondFactorChallenges).where(eq(secondFactorChallenges.userId, userId));
      await db
        .delete(secondFactorRecoveryCodes)
        .where(eq(secondFactorRecoveryCodes.userId, userId));
      await db.delete(userSecondFactors).where(eq(userSecondFactors.userId, userId));
    },

    /** Replaces all of the user's recovery codes (used or not) with these hashes. */
    async replaceRecoveryCodes(
      userId: string,
      councilId: string | null,
      codeHashes: readonly string[],
    ): Promise<void> {
      await db
        .delete(secondFactorRecoveryCodes)
        .where(eq(secondFactorRecoveryCodes.userId, userId));
      const now = clock();
      await db.insert(secondFactorRecoveryCodes).values(
        codeHashes.map((codeHash) => ({
          id: newId(),
          councilId,
          userId,
          codeHash,
          createdAt: now,
        })),
      );
    },

    /** Uses up the unused recovery code with this hash; false if there is none. */
    async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
      const rows = await db
        .update(secondFactorRecoveryCodes)
        .set({ usedAt: clock() })
        .where(
          and(
            eq(secondFactorRecoveryCodes.userId, userId),
            eq(secondFactorRecoveryCodes.codeHash, codeHash),
            isNull(secondFactorRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: secondFactorRecoveryCodes.id });
      return rows.length === 1;
    },

    async unusedRecoveryCodes(userId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(secondFactorRecoveryCodes)
        .where(
          and(
            eq(secondFactorRecoveryCodes.userId, userId),
            isNull(secondFactorRecoveryCodes.usedAt),
          ),
        );
      return row?.n ?? 0;
    },

    async createChallenge(input: NewSecondFactorChallenge): Promise<SecondFactorChallengeRow> {
      const [row] = await db
        .insert(secondFactorChallenges)
        .values({ id: newId(), ...input, createdAt: clock() })
        .returning();
      return row!;
    },

    /** The challenge with this token hash if it can still be answered. */
    async findOpenChallenge(
      tokenHash: string,
      maxFailures: number,
    ): Promise<SecondFactorChallengeRow | undefined> {
      const [row] = await db
        .select()
        .from(secondFactorChallenges)
        .where(openChallenge(tokenHash, maxFailures, clock()));
      return row;
    },

    /**
     * Takes the challenge for one answer: marks it used if it is open. The row stays locked
     * until the transaction ends, so a second answer to it waits and then finds it used.
     */
    async claimChallenge(
      tokenHash: string,
      maxFailures: number,
    ): Promise<SecondFactorChallengeRow | undefined> {
      const [row] = await db
        .update(secondFactorChallenges)
        .set({ usedAt: clock() })
        .where(openChallenge(tokenHash, maxFailures, clock()))
        .returning();
      return row;
    },

    /** A wrong answer: the challenge is open again, with one more failure; their number. */
    async failChallenge(id: string): Promise<number> {
      const [row] = await db
        .update(secondFactorChallenges)
        .set({ usedAt: null, failedAttempts: sql`${secondFactorChallenges.failedAttempts} + 1` })
        .where(eq(secondFactorChallenges.id, id))
        .returning({ failedAttempts: secondFactorChallenges.failedAttempts });
      return row?.failedAttempts ?? 0;
    },

    /** Challenges past their time are deleted now and then, so the table does not only grow. */
    async deleteExpiredChallenges(): Promise<number> {
      const rows = await db
        .delete(secondFactorChallenges)
        .where(lt(secondFactorChallenges.expiresAt, clock()))
        .returning({ id: secondFactorChallenges.id });
      return rows.length;
    },
  };
}

function openChallenge(tokenHash: string, maxFailures: number, now: Date) {
  return and(
    eq(secondFactorChallenges.tokenHash, tokenHash),
    isNull(secondFactorChallenges.usedAt),
    gt(secondFactorChallenges.expiresAt, now),
    lt(secondFactorChallenges.failedAttempts, maxFailures),
  );
}
