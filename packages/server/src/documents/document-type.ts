import { fileTypeFromBuffer } from 'file-type';
import { HttpError } from '../http/api-error.js';

/** The kinds of document a sitting takes (issue 5): PDF, Word, OpenDocument text, images. */
export const DOCUMENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
} as const;

export type DocumentExtension = keyof typeof DOCUMENT_TYPES;

export type DocumentTypeVerdict =
  | { ok: true; extension: DocumentExtension; mediaType: string }
  | { ok: false; reason: 'empty' | 'unsupported'; detected: string | null };

const isDocumentExtension = (value: string): value is DocumentExtension => value in DOCUMENT_TYPES;

/**
 * What a file is, judged by its content (its signature, and for DOCX and ODT the parts inside
 * the ZIP), never by its name or by the type the browser claimed: a program renamed to `.pdf`
 * is refused, and a PDF named `.txt` is a PDF.
 */
export async function documentTypeOf(content: Uint8Array): Promise<DocumentTypeVerdict> {
  if (content.byteLength === 0) return { ok: false, reason: 'empty', detected: null };
  const detected = await fileTypeFromBuffer(content);
  if (detected === undefined || !isDocumentExtension(detected.ext)) {
    return { ok: false, reason: 'unsupported', detected: detected?.mime ?? null };
  }
  return { ok: true, extension: detected.ext, mediaType: DOCUMENT_TYPES[detected.ext] };
}

/**
 * The type of an uploaded document, or the refusal every upload gives (422, field `file`): an
 * empty file, or one that is none of the accepted kinds (what it seems to be in `facts`).
 */
export async function acceptedDocumentType(
  content: Uint8Array,
): Promise<{ extension: DocumentExtension; mediaType: string }> {
  const type = await documentTypeOf(content);
  if (type.ok) return type;
  throw type.reason === 'empty'
    ? new HttpError(422, 'file_empty', 'file: the file is empty', { field: 'file' })
    : new HttpError(
        422,
        'file_type_unsupported',
        'file: only PDF, DOCX, ODT, PNG, JPEG and WebP files are accepted',
        { field: 'file', facts: { detected: type.detected } },
      );
}
