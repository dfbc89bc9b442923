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

    /**
     * First ballots in one statement; a member who already has one is left out (not an error).
     * Returns the keys `voteId|memberId` of the ballots written.
     */
    async insertMany(inputs: readonly BallotInput[]): Promise<Set<string>> {
      if (inputs.length === 0) return new Set();
      const rows = await db
        .insert(ballots)
        .values([...inputs])
        .onConflictDoNothing()
        .returning({ voteId: ballots.voteId, memberId: ballots.memberId });
      return new Set(rows.map((row) => `${row.voteId}|${row.memberId}`));
    },

    /** The member's ballot in a vote, if any. */
    async forMember(
      sittingId: string,
      voteId: string,
      memberId: string,
    ): Promise<BallotRow | undefined> {
      const [row] = await db
        .select()
        .from(ballots)
        .where(
          and(
            eq(ballots.sittingId, sittingId),
            eq(ballots.voteId, voteId),
            eq(ballots.memberId, memberId),
          ),
        );
      return row;
    },

    async forVote(sittingId: string, voteId: string): Promise<BallotRow[]> {
      return db
        .select()
        .from(ballots)
        .where(and(eq(ballots.sittingId, sittingId), eq(ballots.voteId, voteId)))
        .orderBy(asc(ballots.memberId));
    },

    /**
     * Secret ballots in one go: the participations (a member who already took part is left out),
     * then one increment per option for the ballots written. Callers shuffle the batch first.
     * Returns the keys `voteId|memberId` of the participations written.
     */
    async insertSecretMany(inputs: readonly SecretBallotInput[]): Promise<Set<string>> {
      if (inputs.length === 0) return new Set();
      const rows = await db
        .insert(secretParticipations)
        .values(
          inputs.map(({ councilId, sittingId, voteId, memberId }) => ({
            councilId,
            sittingId,
            voteId,
            memberId,
          })),
        )
        .onConflictDoNothing()
        .returning({
          voteId: secretParticipations.voteId,
          memberId: secretParticipations.memberId,
        });
      const written = new Set(rows.map((row) => `${row.voteId}|${row.memberId}`));
      const increments = new Map<string, { input: SecretBallotInput; count: number }>();
      for (const input of inputs) {
        if (!written.has(`${input.voteId}|${input.memberId}`)) continue;
        const key = `${input.sittingId}|${input.voteId}|${input.choice}`;
        const entry = increments.get(key) ?? { input, count: 0 };
        entry.count++;
        increments.set(key, entry);
      }
      // In a fixed order: two batches updating the same counts never wait on each other in a circle.
      const ordered = [...increments.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [, { input, count }] of ordered) {
        await db
          .insert(secretTallies)
          .values({
            councilId: input.councilId,
            sittingId: input.sittingId,
            voteId: input.voteId,
            choice: input.choice,
            count,
          })
          .onConflictDoUpdate({
            target: [secretTallies.sittingId, secretTallies.voteId, secretTallies.choice],
            set: { count: sql`${secretTallies.count} + ${count}` },
          });
      }
      return written;
    },

    async hasSecretParticipation(
      sittingId: string,
      voteId: string,
      memberId: string,
    ): Promise<boolean> {
      const [row] = await db
        .select({ memberId: secretParticipations.memberId })
        .from(secretParticipations)
        .where(
          and(
            eq(secretParticipations.sittingId, sittingId),
            eq(secretParticipations.voteId, voteId),
            eq(secretParticipations.memberId, memberId),
          ),
        );
      return row !== undefined;
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
