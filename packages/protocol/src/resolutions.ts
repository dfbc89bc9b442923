import { z } from 'zod';

/*
 * The resolutions register (issue 6, section 2): GET /api/public/councils/:councilId/resolutions.
 * What each closed sitting resolved on its draft resolutions: adopted ones with their number from
 * the council's pattern, rejected ones without; filterable by term, body, year and outcome, and
 * searchable by words of the title or the number.
 */

export const RESOLUTIONS_PAGE_SIZE = 50;

export const resolutionsQuerySchema = z.strictObject({
  term: z.uuid().optional(),
  body: z.uuid().optional(),
  year: z.coerce.number().int().min(1900).max(9999).optional(),
  outcome: z.enum(['adopted', 'rejected']).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ResolutionsQuery = z.infer<typeof resolutionsQuerySchema>;

export const resolutionSchema = z.object({
  id: z.string(),
  /** "XXIII/187/2026" for an adopted resolution; null for a rejected draft. */
  number: z.string().nullable(),
  title: z.string(),
  adopted: z.boolean(),
  year: z.number().int(),
  /** When the deciding vote closed (ISO 8601). */
  decidedAt: z.string(),
  body: z.object({ id: z.string(), name: z.string() }),
  term: z.object({ id: z.string(), name: z.string() }),
  sitting: z.object({
    id: z.string(),
    number: z.number().int(),
    numberRoman: z.string(),
    startsAt: z.string(),
  }),
  agendaItemId: z.string(),
  /** The vote in the sitting's log that decided it. */
  voteId: z.string(),
  documents: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })),
});
export type Resolution = z.infer<typeof resolutionSchema>;

export const resolutionsResponseSchema = z.object({
  resolutions: z.array(resolutionSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ResolutionsResponse = z.infer<typeof resolutionsResponseSchema>;
