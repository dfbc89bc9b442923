import type { Country, Language, QuorumRuleKind } from '@veche/domain';
import { asc, eq } from 'drizzle-orm';
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
}

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
  };
}
