import { and, eq, inArray } from 'drizzle-orm';
import { sittingCommands } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type SittingCommandRow = typeof sittingCommands.$inferSelect;

export interface CommandRecord {
  councilId: string;
  sittingId: string;
  commandId: string;
  actorUserId: string | null;
  type: string;
  outcome: unknown;
}

/** Client command ids and their first outcome: what makes a retried command act once. */
export function sittingCommandsRepository({ db, clock }: StorageContext) {
  return {
    async find(sittingId: string, commandId: string): Promise<SittingCommandRow | undefined> {
      const [row] = await db
        .select()
        .from(sittingCommands)
        .where(
          and(eq(sittingCommands.sittingId, sittingId), eq(sittingCommands.commandId, commandId)),
        );
      return row;
    },

    /** The records of those of these command ids that were seen before. */
    async findMany(sittingId: string, commandIds: readonly string[]): Promise<SittingCommandRow[]> {
      if (commandIds.length === 0) return [];
      return db
        .select()
        .from(sittingCommands)
        .where(
          and(
            eq(sittingCommands.sittingId, sittingId),
            inArray(sittingCommands.commandId, [...commandIds]),
          ),
        );
    },

    /**
     * Records several new outcomes in one statement; if any id was recorded meanwhile, nothing is
     * and a unique violation (23505) is raised, as `record` does for one.
     */
    async recordAll(records: readonly CommandRecord[]): Promise<void> {
      if (records.length === 0) return;
      const at = clock();
      await db.insert(sittingCommands).values(records.map((record) => ({ ...record, at })));
    },

    /** Records many outcomes at once; an id already recorded keeps its first outcome. */
    async recordMany(records: readonly CommandRecord[]): Promise<void> {
      if (records.length === 0) return;
      const at = clock();
      await db
        .insert(sittingCommands)
        .values(records.map((record) => ({ ...record, at })))
        .onConflictDoNothing();
    },

    /** Records an outcome; a second record of the same id raises a unique violation (23505). */
    async record(record: CommandRecord): Promise<void> {
      await db.insert(sittingCommands).values({ ...record, at: clock() });
    },
  };
}
