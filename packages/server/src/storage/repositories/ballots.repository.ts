import { and, asc, eq, sql } from 'drizzle-orm';
import { ballots, secretParticipations, secretTallies } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type BallotRow = typeof ballots.$inferSelect;

export interface BallotInput {
  councilId: string;
  sittingId: string;
  voteId: string;
  memberId: string;
  choice: string;
  enteredByUserId: string | null;
  proxyReason: string | null;
  castAt: Date;
}

export interface SecretBallotInput {
  councilId: string;
  sittingId: string;
  voteId: string;
  memberId: string;
  choice: string;
}

/**
 * The ballot box. Named and open ballots are rows keyed by (vote, member); a secret ballot is a
 * participation row plus one more on its option's count.
 */
export function ballotsRepository({ db }: StorageContext) {
  return {
    /** A first ballot; a second one for the same member raises a unique violation (23505). */
    async insert(input: BallotInput): Promise<void> {
      await db.insert(ballots).values(input);
    },

    /** Replaces a member's choice where the council allows it; returns false if there was none. */
    async change(input: BallotInput): Promise<boolean> {
      const rows = await db
        .update(ballots)
        .set({
          choice: input.choice,
          enteredByUserId: input.enteredByUserId,
          proxyReason: input.proxyReason,
          castAt: input.castAt,
          changes: sql`${ballots.changes} + 1`,
        })
        .where(
          and(
            eq(ballots.sittingId, input.sittingId),
            eq(ballots.voteId, input.voteId),
            eq(ballots.memberId, input.memberId),
          ),
        )
        .returning({ memberId: ballots.memberId });
      return rows.length === 1;
    },

    async forVote(sittingId: string, voteId: string): Promise<BallotRow[]> {
      return db
        .select()
        .from(ballots)
        .where(and(eq(ballots.sittingId, sittingId), eq(ballots.voteId, voteId)))
        .orderBy(asc(ballots.memberId));
    },

    /**
     * Records that a member took part in a secret vote and adds one to the chosen option. The
     * participation's primary key refuses a second ballot (23505), and then neither is kept.
     */
    async insertSecret(input: SecretBallotInput): Promise<void> {
      const { councilId, sittingId, voteId, memberId, choice } = input;
      await db.insert(secretParticipations).values({ councilId, sittingId, voteId, memberId });
      await db
        .insert(secretTallies)
        .values({ councilId, sittingId, voteId, choice, count: 1 })
        .onConflictDoUpdate({
          target: [secretTallies.sittingId, secretTallies.voteId, secretTallies.choice],
          set: { count: sql`${secretTallies.count} + 1` },
        });
    },

    async secretParticipants(sittingId: string, voteId: string): Promise<string[]> {
      const rows = await db
        .select({ memberId: secretParticipations.memberId })
        .from(secretParticipations)
        .where(
          and(
            eq(secretParticipations.sittingId, sittingId),
            eq(secretParticipations.voteId, voteId),
          ),
        )
        .orderBy(asc(secretParticipations.memberId));
      return rows.map((row) => row.memberId);
    },

    /** How many chose each option of a secret vote. */
    async secretCounts(sittingId: string, voteId: string): Promise<Record<string, number>> {
      const rows = await db
        .select({ choice: secretTallies.choice, count: secretTallies.count })
        .from(secretTallies)
        .where(and(eq(secretTallies.sittingId, sittingId), eq(secretTallies.voteId, voteId)));
      return Object.fromEntries(rows.map((row) => [row.choice, row.count]));
    },
  };
}
