import { z } from 'zod';

/** One document of a sitting or of an agenda item, as listed to those who may read it. */
export const sittingDocumentSchema = z.object({
  id: z.string(),
  /** The agenda item it belongs to, or null for the sitting as a whole. */
  itemId: z.string().nullable(),
  title: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int().positive(),
  isPublic: z.boolean(),
  /** Where the file is read (inline; permission-checked). */
  url: z.string(),
});
export type SittingDocument = z.infer<typeof sittingDocumentSchema>;

/** GET /api/sittings/:sittingId/documents */
export const sittingDocumentsResponseSchema = z.object({
  documents: z.array(sittingDocumentSchema),
});
export type SittingDocumentsResponse = z.infer<typeof sittingDocumentsResponseSchema>;

/**
 * The text fields of POST /api/sittings/:sittingId/documents (multipart/form-data, with the file
 * in a part named `file`). Form fields arrive as text, hence the string forms.
 */
export const documentUploadFieldsSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  itemId: z.uuid().optional(),
  isPublic: z.enum(['true', 'false']).default('false'),
});
export type DocumentUploadFields = z.infer<typeof documentUploadFieldsSchema>;
