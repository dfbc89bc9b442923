import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Language } from '@veche/domain';
import {
  agendaItems,
  consultationDocuments,
  consultationOpinions,
  consultationResponses,
  consultations,
  councils,
  residentDataRequests,
} from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type ConsultationRow = typeof consultations.$inferSelect;
export type ConsultationDocumentRow = typeof consultationDocuments.$inferSelect;
export type ConsultationResponseRow = typeof consultationResponses.$inferSelect;
export type ConsultationOpinionRow = typeof consultationOpinions.$inferSelect;

export interface ConsultationFields {
  subject: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  agendaItemId: string | null;
  survey: unknown;
}

export interface NewConsultationDocument {
  councilId: string;
  consultationId: string;
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdByUserId: string | null;
}

interface ResidentFields {
  councilId: string;
  consultationId: string;
  name: string;
  email: string;
  emailNormalized: string;
  consentToPublishName: boolean;
  language: Language;
  tokenHash: string;
}

export type NewConsultationResponse = ResidentFields & { answers: unknown };

export type NewConsultationOpinion = ResidentFields & {
  text: string;
  attachment: { fileName: string; mediaType: string; sizeBytes: number; sha256: string } | null;
};

/** A resident's entry with the consultation it belongs to, for their data request. */
export interface ResidentEntryConsultation {
  consultationSubject: string;
  consultationEndsAt: Date;
  consultationPublishedAt: Date | null;
}

const erased = (at: Date) => ({
  name: null,
  email: null,
  emailNormalized: null,
  tokenHash: null,
  personalDataErasedAt: at,
  updatedAt: at,
});

export function consultationsRepository({ db, clock, newId }: StorageContext) {
  const consultationOf = {
    consultationSubject: consultations.subject,
    consultationEndsAt: consultations.endsAt,
    consultationPublishedAt: consultations.publishedAt,
  };

  return {
    async create(
      councilId: string,
      fields: ConsultationFields,
      createdByUserId: string | null,
    ): Promise<ConsultationRow> {
      const now = clock();
      const [row] = await db
        .insert(consultations)
        .values({
          id: newId(),
          councilId,
          ...fields,
          createdByUserId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return row!;
    },

    /** Saves one still at `version`; null when someone saved first (or it is gone). */
    async update(
      councilId: string,
      id: string,
      version: number,
      fields: ConsultationFields,
    ): Promise<ConsultationRow | null> {
      const [row] = await db
        .update(consultations)
        .set({ ...fields, version: sql`${consultations.version} + 1`, updatedAt: clock() })
        .where(
          and(
            eq(consultations.councilId, councilId),
            eq(consultations.id, id),
            eq(consultations.version, version),
          ),
        )
        .returning();
      return row ?? null;
    },

    /** Publishes one still at `version` (publishing again keeps the first date). */
    async publish(councilId: string, id: string, version: number): Promise<ConsultationRow | null> {
      const now = clock();
      const [row] = await db
        .update(consultations)
        .set({
          publishedAt: sql`coalesce(${consultations.publishedAt}, ${now.toISOString()}::timestamptz)`,
          version: sql`${consultations.version} + 1`,
          updatedAt: now,
        })
        .where(
          and(
            eq(consultations.councilId, councilId),
            eq(consultations.id, id),
            eq(consultations.version, version),
          ),
        )
        .returning();
      return row ?? null;
    },

    async findById(councilId: string, id: string): Promise<ConsultationRow | undefined> {
      const [row] = await db
        .select()
        .from(consultations)
        .where(and(eq(consultations.councilId, councilId), eq(consultations.id, id)));
      return row;
    },

    /** Which council a consultation belongs to, for routes that name only its id. */
    async locate(id: string): Promise<ConsultationRow | undefined> {
      const [row] = await db.select().from(consultations).where(eq(consultations.id, id));
      return row;
    },

    /** The council's consultations, the latest start first; `publishedOnly` for the public. */
    async listForCouncil(councilId: string, publishedOnly = false): Promise<ConsultationRow[]> {
      return db
        .select()
        .from(consultations)
        .where(
          and(
            eq(consultations.councilId, councilId),
            publishedOnly ? isNotNull(consultations.publishedAt) : undefined,
          ),
        )
        .orderBy(desc(consultations.startsAt), asc(consultations.id));
    },

    /** Published consultations about an agenda item (its draft resolution), oldest first. */
    async publishedForAgendaItem(agendaItemId: string): Promise<ConsultationRow[]> {
      return db
        .select()
        .from(consultations)
        .where(
          and(eq(consultations.agendaItemId, agendaItemId), isNotNull(consultations.publishedAt)),
        )
        .orderBy(asc(consultations.startsAt), asc(consultations.id));
    },

    /** The kind of an agenda item of the council, or undefined when it has no such item. */
    async agendaItemKind(councilId: string, itemId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ kind: agendaItems.kind })
        .from(agendaItems)
        .where(and(eq(agendaItems.councilId, councilId), eq(agendaItems.id, itemId)));
      return row?.kind;
    },

    /** Verified responses and opinions per consultation (unverified ones count nowhere). */
    async countsFor(
      ids: readonly string[],
    ): Promise<Map<string, { responses: number; opinions: number }>> {
      const counts = new Map(ids.map((id) => [id, { responses: 0, opinions: 0 }]));
      if (ids.length === 0) return counts;
      const responses = await db
        .select({ id: consultationResponses.consultationId, n: count() })
        .from(consultationResponses)
        .where(
          and(
            inArray(consultationResponses.consultationId, [...ids]),
            isNotNull(consultationResponses.verifiedAt),
          ),
        )
        .groupBy(consultationResponses.consultationId);
      const opinions = await db
        .select({ id: consultationOpinions.consultationId, n: count() })
        .from(consultationOpinions)
        .where(
          and(
            inArray(consultationOpinions.consultationId, [...ids]),
            isNotNull(consultationOpinions.verifiedAt),
          ),
        )
        .groupBy(consultationOpinions.consultationId);
      for (const row of responses) counts.get(row.id)!.responses = row.n;
      for (const row of opinions) counts.get(row.id)!.opinions = row.n;
      return counts;
    },

    async addDocument(input: NewConsultationDocument): Promise<ConsultationDocumentRow> {
      const now = clock();
      const [row] = await db
        .insert(consultationDocuments)
        .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    async documentsOf(
      councilId: string,
      consultationIds: readonly string[],
    ): Promise<ConsultationDocumentRow[]> {
      if (consultationIds.length === 0) return [];
      return db
        .select()
        .from(consultationDocuments)
        .where(
          and(
            eq(consultationDocuments.councilId, councilId),
            inArray(consultationDocuments.consultationId, [...consultationIds]),
          ),
        )
        .orderBy(asc(consultationDocuments.createdAt), asc(consultationDocuments.id));
    },

    async findDocument(id: string): Promise<ConsultationDocumentRow | undefined> {
      const [row] = await db
        .select()
        .from(consultationDocuments)
        .where(eq(consultationDocuments.id, id));
      return row;
    },

    async removeDocument(councilId: string, consultationId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(consultationDocuments)
        .where(
          and(
            eq(consultationDocuments.councilId, councilId),
            eq(consultationDocuments.consultationId, consultationId),
            eq(consultationDocuments.id, id),
          ),
        )
        .returning({ id: consultationDocuments.id });
      return rows.length > 0;
    },

    /**
     * Stores an unverified response. A second one for the same consultation and normalised
     * address fails with a unique violation (23505), whichever request came first.
     */
    async createResponse(input: NewConsultationResponse): Promise<ConsultationResponseRow> {
      const now = clock();
      const [row] = await db
        .insert(consultationResponses)
        .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    async findResponseByToken(tokenHash: string): Promise<ConsultationResponseRow | undefined> {
      const [row] = await db
        .select()
        .from(consultationResponses)
        .where(eq(consultationResponses.tokenHash, tokenHash));
      return row;
    },

    async findResponseByEmail(
      consultationId: string,
      emailNormalized: string,
    ): Promise<ConsultationResponseRow | undefined> {
      const [row] = await db
        .select()
        .from(consultationResponses)
        .where(
          and(
            eq(consultationResponses.consultationId, consultationId),
            eq(consultationResponses.emailNormalized, emailNormalized),
          ),
        );
      return row;
    },

    /** A new link for a response (the old one stops working): only the hash is kept. */
    async replaceResponseToken(id: string, tokenHash: string): Promise<void> {
      await db
        .update(consultationResponses)
        .set({ tokenHash })
        .where(
          and(eq(consultationResponses.id, id), isNull(consultationResponses.personalDataErasedAt)),
        );
    },

    /** Marks the address verified (the first time only; later calls keep the first instant). */
    async verifyResponse(id: string): Promise<ConsultationResponseRow | undefined> {
      const [row] = await db
        .update(consultationResponses)
        .set({
          verifiedAt: sql`coalesce(${consultationResponses.verifiedAt}, ${clock().toISOString()}::timestamptz)`,
        })
        .where(eq(consultationResponses.id, id))
        .returning();
      return row;
    },

    async updateResponse(
      id: string,
      change: { answers: unknown; name?: string; consentToPublishName?: boolean },
    ): Promise<ConsultationResponseRow | undefined> {
      const [row] = await db
        .update(consultationResponses)
        .set({ ...change, updatedAt: clock() })
        .where(eq(consultationResponses.id, id))
        .returning();
      return row;
    },

    async listResponses(
      councilId: string,
      consultationId: string,
    ): Promise<ConsultationResponseRow[]> {
      return db
        .select()
        .from(consultationResponses)
        .where(
          and(
            eq(consultationResponses.councilId, councilId),
            eq(consultationResponses.consultationId, consultationId),
          ),
        )
        .orderBy(asc(consultationResponses.createdAt), asc(consultationResponses.id));
    },

    async createOpinion(input: NewConsultationOpinion): Promise<ConsultationOpinionRow> {
      const now = clock();
      const { attachment, ...fields } = input;
      const [row] = await db
        .insert(consultationOpinions)
        .values({
          id: newId(),
          ...fields,
          attachmentFileName: attachment?.fileName ?? null,
          attachmentMediaType: attachment?.mediaType ?? null,
          attachmentSizeBytes: attachment?.sizeBytes ?? null,
          attachmentSha256: attachment?.sha256 ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return row!;
    },

    async findOpinionByToken(tokenHash: string): Promise<ConsultationOpinionRow | undefined> {
      const [row] = await db
        .select()
        .from(consultationOpinions)
        .where(eq(consultationOpinions.tokenHash, tokenHash));
      return row;
    },

    async findOpinion(id: string): Promise<ConsultationOpinionRow | undefined> {
      const [row] = await db
        .select()
        .from(consultationOpinions)
        .where(eq(consultationOpinions.id, id));
      return row;
    },

    async verifyOpinion(id: string): Promise<ConsultationOpinionRow | undefined> {
      const [row] = await db
        .update(consultationOpinions)
        .set({
          verifiedAt: sql`coalesce(${consultationOpinions.verifiedAt}, ${clock().toISOString()}::timestamptz)`,
        })
        .where(eq(consultationOpinions.id, id))
        .returning();
      return row;
    },

    async listOpinions(
      councilId: string,
      consultationId: string,
    ): Promise<ConsultationOpinionRow[]> {
      return db
        .select()
        .from(consultationOpinions)
        .where(
          and(
            eq(consultationOpinions.councilId, councilId),
            eq(consultationOpinions.consultationId, consultationId),
          ),
        )
        .orderBy(asc(consultationOpinions.createdAt), asc(consultationOpinions.id));
    },

    /** Hides an opinion with who, when and why, kept on record; hiding again changes nothing. */
    async hideOpinion(
      councilId: string,
      id: string,
      userId: string,
      reason: string,
    ): Promise<ConsultationOpinionRow | undefined> {
      const now = clock();
      await db
        .update(consultationOpinions)
        .set({ hiddenAt: now, hiddenByUserId: userId, hiddenReason: reason, updatedAt: now })
        .where(
          and(
            eq(consultationOpinions.councilId, councilId),
            eq(consultationOpinions.id, id),
            isNull(consultationOpinions.hiddenAt),
          ),
        );
      const [row] = await db
        .select()
        .from(consultationOpinions)
        .where(and(eq(consultationOpinions.councilId, councilId), eq(consultationOpinions.id, id)));
      return row;
    },

    /**
     * Consultations whose residents' names and e-mails are due for erasure at `now`: ended more
     * than their council's retention days ago, and not yet erased.
     */
    async dueForErasure(now: Date): Promise<ConsultationRow[]> {
      const rows = await db
        .select({ consultation: consultations })
        .from(consultations)
        .innerJoin(councils, eq(councils.id, consultations.councilId))
        .where(
          and(
            isNull(consultations.personalDataErasedAt),
            sql`${consultations.endsAt} + make_interval(days => ${councils.consultationRetentionDays}) <= ${now.toISOString()}::timestamptz`,
          ),
        )
        .orderBy(asc(consultations.endsAt));
      return rows.map((row) => row.consultation);
    },

    /**
     * Erases the names, e-mails and links of a consultation's responses and opinions, keeping
     * answers and texts, and records it on the consultation. Returns how many rows lost data.
     */
    async erasePersonalData(
      councilId: string,
      consultationId: string,
    ): Promise<{ responses: number; opinions: number }> {
      const now = clock();
      const responses = await db
        .update(consultationResponses)
        .set(erased(now))
        .where(
          and(
            eq(consultationResponses.councilId, councilId),
            eq(consultationResponses.consultationId, consultationId),
            isNull(consultationResponses.personalDataErasedAt),
          ),
        )
        .returning({ id: consultationResponses.id });
      const opinions = await db
        .update(consultationOpinions)
        .set(erased(now))
        .where(
          and(
            eq(consultationOpinions.councilId, councilId),
            eq(consultationOpinions.consultationId, consultationId),
            isNull(consultationOpinions.personalDataErasedAt),
          ),
        )
        .returning({ id: consultationOpinions.id });
      await db
        .update(consultations)
        .set({ personalDataErasedAt: now })
        .where(and(eq(consultations.councilId, councilId), eq(consultations.id, consultationId)));
      return { responses: responses.length, opinions: opinions.length };
    },

    async createDataRequest(input: {
      councilId: string;
      emailNormalized: string;
      tokenHash: string;
      expiresAt: Date;
    }): Promise<void> {
      await db.insert(residentDataRequests).values({ id: newId(), ...input, createdAt: clock() });
    },

    /** Removes data requests whose links have expired (they hold an address). */
    async deleteExpiredDataRequests(now: Date): Promise<number> {
      const rows = await db
        .delete(residentDataRequests)
        .where(lte(residentDataRequests.expiresAt, now))
        .returning({ id: residentDataRequests.id });
      return rows.length;
    },

    /** A data request's link that has not expired. */
    async findDataRequest(
      tokenHash: string,
    ): Promise<{ councilId: string; emailNormalized: string } | undefined> {
      const [row] = await db
        .select({
          councilId: residentDataRequests.councilId,
          emailNormalized: residentDataRequests.emailNormalized,
        })
        .from(residentDataRequests)
        .where(
          and(
            eq(residentDataRequests.tokenHash, tokenHash),
            gt(residentDataRequests.expiresAt, clock()),
          ),
        );
      return row;
    },

    /** Everything of one address in a council: responses and opinions with their consultation. */
    async residentEntries(
      councilId: string,
      emailNormalized: string,
    ): Promise<{
      responses: (ConsultationResponseRow & ResidentEntryConsultation)[];
      opinions: (ConsultationOpinionRow & ResidentEntryConsultation)[];
    }> {
      const responses = await db
        .select({ row: consultationResponses, ...consultationOf })
        .from(consultationResponses)
        .innerJoin(
          consultations,
          and(
            eq(consultations.councilId, consultationResponses.councilId),
            eq(consultations.id, consultationResponses.consultationId),
          ),
        )
        .where(
          and(
            eq(consultationResponses.councilId, councilId),
            eq(consultationResponses.emailNormalized, emailNormalized),
          ),
        )
        .orderBy(asc(consultationResponses.createdAt));
      const opinions = await db
        .select({ row: consultationOpinions, ...consultationOf })
        .from(consultationOpinions)
        .innerJoin(
          consultations,
          and(
            eq(consultations.councilId, consultationOpinions.councilId),
            eq(consultations.id, consultationOpinions.consultationId),
          ),
        )
        .where(
          and(
            eq(consultationOpinions.councilId, councilId),
            eq(consultationOpinions.emailNormalized, emailNormalized),
          ),
        )
        .orderBy(asc(consultationOpinions.createdAt));
      return {
        responses: responses.map(({ row, ...rest }) => ({ ...row, ...rest })),
        opinions: opinions.map(({ row, ...rest }) => ({ ...row, ...rest })),
      };
    },

    async deleteResponse(id: string): Promise<void> {
      await db.delete(consultationResponses).where(eq(consultationResponses.id, id));
    },

    async deleteOpinion(id: string): Promise<void> {
      await db.delete(consultationOpinions).where(eq(consultationOpinions.id, id));
    },

    async anonymiseResponse(id: string): Promise<void> {
      await db
        .update(consultationResponses)
        .set(erased(clock()))
        .where(eq(consultationResponses.id, id));
    },

    async anonymiseOpinion(id: string): Promise<void> {
      await db
        .update(consultationOpinions)
        .set(erased(clock()))
        .where(eq(consultationOpinions.id, id));
    },
  };
}
