import type { Country, Language, QuorumRuleKind } from '@veche/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { councils } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type CouncilRow = typeof councils.$inferSelect;

export interface NewCouncil {
  name: string;
  country: Country;
  languages: Language[];
  defaultLanguage: Language;
  timeZone: string;
  quorumRule: QuorumRuleKind;
  majorityPreset: string;
  resolutionNumberPattern: string;
  ballotChangeAllowed?: boolean;
  speechRequestDeadlineDays?: number;
  consultationRetentionDays?: number;
}

/** Every setting, except the retention that a save may leave out (it keeps the saved one). */
export type CouncilSettingsRow = Required<Omit<NewCouncil, 'consultationRetentionDays'>> & {
  consultationRetentionDays?: number | undefined;
};

export function councilsRepository({ db, clock, newId }: StorageContext) {
  return {
    async create(input: NewCouncil): Promise<CouncilRow> {
      const now = clock();
      const [row] = await db
        .insert(councils)
        .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    async findById(id: string): Promise<CouncilRow | undefined> {
      const [row] = await db.select().from(councils).where(eq(councils.id, id));
      return row;
    },

    async list(): Promise<CouncilRow[]> {
      return db.select().from(councils).orderBy(asc(councils.name));
    },

    /**
     * Saves new settings if the council is still at `expectedVersion`, and moves it to the next
     * version; undefined when someone saved in between (or there is no such council), so that a
     * stale form never overwrites a newer change.
     */
    async updateSettings(
      id: string,
      expectedVersion: number,
      settings: CouncilSettingsRow,
    ): Promise<CouncilRow | undefined> {
      const [row] = await db
        .update(councils)
        .set({ ...settings, version: sql`${councils.version} + 1`, updatedAt: clock() })
        .where(and(eq(councils.id, id), eq(councils.version, expectedVersion)))
        .returning();
      return row;
    },

    /**
     * Locks the council's row until the transaction ends: changes that must see the council's
     * other rows as they are (terms that must not overlap) take turns.
     */
    async lock(id: string): Promise<CouncilRow | undefined> {
      const [row] = await db.select().from(councils).where(eq(councils.id, id)).for('update');
      return row;
    },
  };
}
