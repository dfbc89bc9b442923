import { and, asc, count, eq, gte, inArray } from 'drizzle-orm';
import type { SpeechRequestStatus } from '@veche/domain';
import { speechRequests } from '../schema.js';
import type { StorageContext } from '../storage-context.js';

export type SpeechRequestRow = typeof speechRequests.$inferSelect;

export interface NewSpeechRequest {
  councilId: string;
  sittingId: string;
  agendaItemId: string;
  itemTitle: string;
  name: string;
  email: string;
  emailNormalized: string;
  language: string;
  summary: string;
  attachment: {
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
  } | null;
  verificationTokenHash: string;
}

export interface SpeechRequestReviewWrite {
  status: Extract<SpeechRequestStatus, 'approved' | 'rejected'>;
  rejectionReason: string | null;
  reviewedByUserId: string;
}

/** Residents' requests to speak (issue 7, section 1). */
export function speechRequestsRepository({ db, clock, newId }: StorageContext) {
  return {
    async create(input: NewSpeechRequest): Promise<SpeechRequestRow> {
      const now = clock();
      const { attachment, ...fields } = input;
      const [row] = await db
        .insert(speechRequests)
        .values({
          id: newId(),
          ...fields,
          attachmentFileName: attachment?.fileName ?? null,
          attachmentMediaType: attachment?.mediaType ?? null,
          attachmentSizeBytes: attachment?.sizeBytes ?? null,
          attachmentSha256: attachment?.sha256 ?? null,
          filedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return row!;
    },

    /** The address's request for the same item of the same sitting, if it filed one before. */
    async findSame(
      sittingId: string,
      agendaItemId: string,
      emailNormalized: string,
    ): Promise<SpeechRequestRow | undefined> {
      const [row] = await db
        .select()
        .from(speechRequests)
        .where(
          and(
            eq(speechRequests.sittingId, sittingId),
            eq(speechRequests.agendaItemId, agendaItemId),
            eq(speechRequests.emailNormalized, emailNormalized),
          ),
        );
      return row;
    },

    /** How many requests an address filed since `since`, over every council (the abuse limit). */
    async countByAddressSince(emailNormalized: string, since: Date): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(speechRequests)
        .where(
          and(
            eq(speechRequests.emailNormalized, emailNormalized),
            gte(speechRequests.filedAt, since),
          ),
        );
      return row?.n ?? 0;
    },

    async findByTokenHash(tokenHash: string): Promise<SpeechRequestRow | undefined> {
      const [row] = await db
        .select()
        .from(speechRequests)
        .where(eq(speechRequests.verificationTokenHash, tokenHash));
      return row;
    },

    async findById(id: string): Promise<SpeechRequestRow | undefined> {
      const [row] = await db.select().from(speechRequests).where(eq(speechRequests.id, id));
      return row;
    },

    /** A new confirmation link for a request not yet verified (the old link stops working). */
    async replaceToken(id: string, tokenHash: string): Promise<boolean> {
      const rows = await db
        .update(speechRequests)
        .set({ verificationTokenHash: tokenHash, updatedAt: clock() })
        .where(and(eq(speechRequests.id, id), eq(speechRequests.status, 'unverified')))
        .returning({ id: speechRequests.id });
      return rows.length === 1;
    },

    /** Marks an unverified request verified; false when it was not (already, or no such row). */
    async markVerified(id: string): Promise<boolean> {
      const now = clock();
      const rows = await db
        .update(speechRequests)
        .set({ status: 'pending', verifiedAt: now, updatedAt: now })
        .where(and(eq(speechRequests.id, id), eq(speechRequests.status, 'unverified')))
        .returning({ id: speechRequests.id });
      return rows.length === 1;
    },

    /**
     * Records the office's decision on a pending request; false when the request is no longer
     * pending (someone else decided first), so a decision is never overwritten.
     */
    async review(
      councilId: string,
      id: string,
      write: SpeechRequestReviewWrite,
    ): Promise<SpeechRequestRow | undefined> {
      const now = clock();
      const [row] = await db
        .update(speechRequests)
        .set({ ...write, reviewedAt: now, updatedAt: now })
        .where(
          and(
            eq(speechRequests.councilId, councilId),
            eq(speechRequests.id, id),
            eq(speechRequests.status, 'pending'),
          ),
        )
        .returning();
      return row;
    },

    /** A sitting's requests in the order they were filed. */
    async listForSitting(councilId: string, sittingId: string): Promise<SpeechRequestRow[]> {
      return db
        .select()
        .from(speechRequests)
        .where(
          and(eq(speechRequests.councilId, councilId), eq(speechRequests.sittingId, sittingId)),
        )
        .orderBy(asc(speechRequests.filedAt), asc(speechRequests.id));
    },

    /** The approved requests for these items of a sitting, in the order they were filed. */
    async approvedForItems(
      councilId: string,
      sittingId: string,
      itemIds: readonly string[],
    ): Promise<SpeechRequestRow[]> {
      if (itemIds.length === 0) return [];
      return db
        .select()
        .from(speechRequests)
        .where(
          and(
            eq(speechRequests.councilId, councilId),
            eq(speechRequests.sittingId, sittingId),
            eq(speechRequests.status, 'approved'),
            inArray(speechRequests.agendaItemId, [...itemIds]),
          ),
        )
        .orderBy(asc(speechRequests.filedAt), asc(speechRequests.id));
    },
  };
}
