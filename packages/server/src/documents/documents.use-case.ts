import { holdsAnyRole, PREPARING_ROLES } from '@veche/domain';
import type { DocumentUploadFields, SittingDocument } from '@veche/protocol';
import { HttpError } from '../http/api-error.js';
import type { UploadedFile } from '../http/multipart-upload.js';
import { queueChanges, type NoticeContext } from '../notices/sitting-notices.js';
import { sittingAccess } from '../sittings/sitting-access.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { Repositories } from '../storage/repositories.js';
import type { DocumentRow } from '../storage/repositories/documents.repository.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import { acceptedDocumentType } from './document-type.js';

export function documentView(row: DocumentRow): SittingDocument {
  return {
    id: row.id,
    itemId: row.agendaItemId,
    title: row.title,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    isPublic: row.isPublic,
    url: `/api/documents/${row.id}`,
  };
}

/**
 * A name that is safe to show and to offer in Content-Disposition: no folders, no control
 * characters, at most 200 characters. An empty result becomes "document".
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 200) || 'document';
}

/** A file's name without its extension ("projekt.pdf" becomes "projekt"), for a default title. */
export const withoutExtension = (fileName: string) =>
  fileName.replace(/\.[^.]{1,8}$/, '') || fileName;

/**
 * Attaches a document to a sitting or to one of its items: for those who prepare sittings. The
 * type is judged by content; the file goes into the blob store first and the row after, so a
 * row never names a missing file (a blob without a row is harmless, and reused by the next
 * upload of the same content).
 */
export async function attachDocument(
  repos: Repositories,
  blobs: BlobStore,
  user: UserRow,
  sittingId: string,
  fields: DocumentUploadFields,
  file: UploadedFile,
  notice: { readonly context: NoticeContext; readonly now: Date },
): Promise<SittingDocument> {
  const access = await sittingAccess(repos, user.id, sittingId);
  if (!holdsAnyRole(access.roles, PREPARING_ROLES)) {
    throw new HttpError(403, 'forbidden', 'Only the council office attaches documents');
  }
  if (fields.itemId !== undefined) {
    const items = await repos.sittings.agendaOf(access.sitting.councilId, [sittingId]);
    if (!items.some((item) => item.id === fields.itemId)) {
      throw new HttpError(422, 'unknown_item', 'itemId: not an item of this sitting', {
        field: 'itemId',
      });
    }
  }
  const type = await acceptedDocumentType(file.content);
  const fileName = cleanFileName(file.fileName);
  const blob = await blobs.put(file.content);
  const row = await repos.documents.create({
    councilId: access.sitting.councilId,
    sittingId,
    agendaItemId: fields.itemId ?? null,
    title: fields.title ?? withoutExtension(fileName),
    fileName,
    mediaType: type.mediaType,
    sizeBytes: blob.sizeBytes,
    sha256: blob.sha256,
    isPublic: fields.isPublic === 'true',
    createdByUserId: user.id,
  });
  // Members of a convened sitting are told of a new document (with other changes, after a while).
  await queueChanges(
    repos,
    access.sitting,
    [{ kind: 'document_added', title: row.title }],
    notice.context,
    notice.now,
  );
  return documentView(row);
}

/** A sitting's documents for one of its council's people. */
export async function listDocuments(
  repos: Repositories,
  user: UserRow,
  sittingId: string,
): Promise<SittingDocument[]> {
  const access = await sittingAccess(repos, user.id, sittingId);
  const rows = await repos.documents.listForSitting(access.sitting.councilId, sittingId);
  return rows.map(documentView);
}

/** A sitting's public documents, for anyone, once the sitting is no longer a draft. */
export async function publicDocuments(
  repos: Repositories,
  sittingId: string,
): Promise<SittingDocument[]> {
  const sitting = await repos.sittings.locate(sittingId);
  if (sitting === undefined || sitting.status === 'draft') {
    throw new HttpError(404, 'not_found', 'No such sitting');
  }
  const rows = await repos.documents.listForSitting(sitting.councilId, sittingId);
  return rows.filter((row) => row.isPublic).map(documentView);
}

/**
 * The document, if this reader may read it: the council's people whenever they may see the
 * sitting; anyone for a public document of a sitting that is no longer a draft. Anything else
 * is "not found", so nothing tells a stranger that a private document exists.
 */
export async function readableDocument(
  repos: Repositories,
  user: UserRow | null,
  documentId: string,
): Promise<DocumentRow> {
  const notFound = new HttpError(404, 'not_found', 'No such document');
  const row = await repos.documents.findById(documentId);
  if (row === undefined) throw notFound;
  if (user !== null) {
    try {
      await sittingAccess(repos, user.id, row.sittingId);
      return row;
    } catch (error) {
      if (!(error instanceof HttpError && error.statusCode === 404)) throw error;
    }
  }
  if (!row.isPublic) throw notFound;
  const sitting = await repos.sittings.locate(row.sittingId);
  if (sitting === undefined || sitting.status === 'draft') throw notFound;
  return row;
}
