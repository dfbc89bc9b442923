import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { sittingEvents } from '../schema.js';
import { hasPgCode, UNIQUE_VIOLATION, type StorageContext } from '../storage-context.js';
import { chainHash, genesisHash } from '../event-chain.js';

export type SittingEventRow = typeof sittingEvents.$inferSelect;

export interface NewSittingEvent {
  type: string;
  payload: unknown;
  actorUserId: string | null;
  at: Date;
}

/** Another writer appended to the sitting's log first; re-read the state and decide again. */
export class SequenceConflictError extends Error {
  constructor(
    readonly sittingId: string,
    readonly expectedLastSeq: number,
  ) {
    super(`The log of sitting ${sittingId} moved past ${String(expectedLastSeq)}`);
    this.name = 'SequenceConflictError';
  }
}

export function sittingEventsRepository({ db }: StorageContext) {
  return {
    /**
     * Appends events after `expectedLastSeq` in one transaction, chaining their hashes.
     * Optimistic concurrency: if the log already has an event after `expectedLastSeq`, nothing is
     * written and SequenceConflictError is thrown.
     */
    async append(
      councilId: string,
      sittingId: string,
      expectedLastSeq: number,
      events: readonly NewSittingEvent[],
    ): Promise<SittingEventRow[]> {
      if (events.length === 0) return [];
      try {
        return await db.transaction(async (tx) => {
          const [last] = await tx
            .select({ seq: sittingEvents.seq, hash: sittingEvents.hash })
            .from(sittingEvents)
            .where(eq(sittingEvents.sittingId, sittingId))
            .orderBy(desc(sittingEvents.seq))
            .limit(1);
          const lastSeq = last?.seq ?? 0;
          if (lastSeq !== expectedLastSeq)
            throw new SequenceConflictError(sittingId, expectedLastSeq);
          let prevHash = last?.hash ?? genesisHash(sittingId);
          const rows = events.map((event, index) => {
            const seq = lastSeq + index + 1;
            const hash = chainHash(prevHash, { seq, ...event });
            const row = { councilId, sittingId, seq, ...event, prevHash, hash };
            prevHash = hash;
            return row;
          });
          return tx.insert(sittingEvents).values(rows).returning();
        });
      } catch (error) {
        // Two writers that both read the same last event collide on the primary key.
        if (hasPgCode(error, UNIQUE_VIOLATION)) {
          throw new SequenceConflictError(sittingId, expectedLastSeq);
        }
        throw error;
      }
    },

    /**
     * Serialises a vote's close against the writing of its ballots: each batch of ballots holds
     * the vote's lock shared, a close holds it exclusively, until their transactions end. Only
     * inside a transaction.
     */
    async lockVote(sittingId: string, voteId: string, mode: 'shared' | 'exclusive'): Promise<void> {
      const key = `${sittingId}:${voteId}`;
      await db.execute(
        mode === 'shared'
          ? sql`select pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))`
          : sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`,
      );
    },

    /** The last sequence number of each of the given sittings' logs (0 for an empty log). */
    async lastSeqs(sittingIds: readonly string[]): Promise<Map<string, number>> {
      if (sittingIds.length === 0) return new Map();
      const rows = await db
        .select({
          sittingId: sittingEvents.sittingId,
          seq: sql<number>`max(${sittingEvents.seq})`.mapWith(Number),
        })
        .from(sittingEvents)
        .where(inArray(sittingEvents.sittingId, [...sittingIds]))
        .groupBy(sittingEvents.sittingId);
      return new Map(rows.map((row) => [row.sittingId, row.seq]));
    },

    /** Whether the log already holds the vote's close or annulment. */
    async voteFinished(sittingId: string, voteId: string): Promise<boolean> {
      const [row] = await db
        .select({ seq: sittingEvents.seq })
        .from(sittingEvents)
        .where(
          and(
            eq(sittingEvents.sittingId, sittingId),
            inArray(sittingEvents.type, ['vote.closed', 'vote.annulled']),
            sql`${sittingEvents.payload}->>'voteId' = ${voteId}`,
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    /** Events after `afterSeq`, in order. */
    async listAfter(
      councilId: string,
      sittingId: string,
      afterSeq = 0,
    ): Promise<SittingEventRow[]> {
      return db
        .select()
        .from(sittingEvents)
        .where(
          and(
            eq(sittingEvents.councilId, councilId),
            eq(sittingEvents.sittingId, sittingId),
            gt(sittingEvents.seq, afterSeq),
          ),
        )
        .orderBy(asc(sittingEvents.seq));
    },
  };
}
