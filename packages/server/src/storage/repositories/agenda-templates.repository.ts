import { and, asc, eq, sql } from 'drizzle-orm';
import { agendaTemplates } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type AgendaTemplateRow = typeof agendaTemplates.$inferSelect;

export function agendaTemplatesRepository({ db, clock, newId }: StorageContext) {
  return {
    async create(councilId: string, name: string, items: unknown): Promise<AgendaTemplateRow> {
      const now = clock();
      const [row] = await db
        .insert(agendaTemplates)
        .values({ id: newId(), councilId, name, items, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    /** Saves a template still at `version`; null when someone saved first or it is gone. */
    async update(
      councilId: string,
      id: string,
      version: number,
      change: { name: string; items: unknown },
    ): Promise<AgendaTemplateRow | null> {
      const [row] = await db
        .update(agendaTemplates)
        .set({ ...change, version: sql`${agendaTemplates.version} + 1`, updatedAt: clock() })
        .where(
          and(
            eq(agendaTemplates.councilId, councilId),
            eq(agendaTemplates.id, id),
            eq(agendaTemplates.version, version),
          ),
        )
        .returning();
      return row ?? null;
    },

    async remove(councilId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(agendaTemplates)
        .where(and(eq(agendaTemplates.councilId, councilId), eq(agendaTemplates.id, id)))
        .returning({ id: agendaTemplates.id });
      return rows.length > 0;
    },

    async findById(councilId: string, id: string): Promise<AgendaTemplateRow | undefined> {
      const [row] = await db
        .select()
        .from(agendaTemplates)
        .where(and(eq(agendaTemplates.councilId, councilId), eq(agendaTemplates.id, id)));
      return row;
    },

    async listForCouncil(councilId: string): Promise<AgendaTemplateRow[]> {
      return db
        .select()
        .from(agendaTemplates)
        .where(eq(agendaTemplates.councilId, councilId))
        .orderBy(asc(agendaTemplates.name));
    },
  };
}
