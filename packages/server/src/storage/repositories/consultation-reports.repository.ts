import { and, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { agendaItems, consultations } from '../schema.js';
import type { StorageContext } from '../storage-context.js';
import type { ConsultationRow } from './consultations.repository.js';

/** A finished consultation whose report is due on its draft resolution's agenda item. */
export interface ReportDue {
  readonly consultation: ConsultationRow;
  readonly sittingId: string;
  readonly agendaItemId: string;
}

/** Reports of finished consultations, attached to the agenda items they concern (issue 7). */
export function consultationReportsRepository({ db, clock }: StorageContext) {
  return {
    /**
     * Published consultations that ended by `now`, concern an agenda item that still exists in
     * their council, and whose report was never attached.
     */
    async due(now: Date): Promise<ReportDue[]> {
      const rows = await db
        .select({ consultation: consultations, sittingId: agendaItems.sittingId })
        .from(consultations)
        .innerJoin(
          agendaItems,
          and(
            eq(agendaItems.id, consultations.agendaItemId),
            eq(agendaItems.councilId, consultations.councilId),
          ),
        )
        .where(
          and(
            isNotNull(consultations.publishedAt),
            lte(consultations.endsAt, now),
            isNull(consultations.reportAttachedAt),
          ),
        );
      return rows.map((row) => ({
        consultation: row.consultation,
        sittingId: row.sittingId,
        agendaItemId: row.consultation.agendaItemId!,
      }));
    },

    /** Records the attachment; false when another process attached it first. */
    async markAttached(councilId: string, id: string, documentId: string): Promise<boolean> {
      const now = clock();
      const rows = await db
        .update(consultations)
        .set({ reportAttachedAt: now, reportDocumentId: documentId })
        .where(
          and(
            eq(consultations.councilId, councilId),
            eq(consultations.id, id),
            isNull(consultations.reportAttachedAt),
          ),
        )
        .returning({ id: consultations.id });
      return rows.length === 1;
    },
  };
}
