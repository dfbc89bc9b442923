import { documentUploadFieldsSchema } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { publicOrigin } from '../http/public-origin.js';
import { z } from 'zod';
import { HttpError, parseInput } from '../http/api-error.js';
import { readUpload, requireFile } from '../http/multipart-upload.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { Repositories } from '../storage/repositories.js';
import {
  attachDocument,
  listDocuments,
  publicDocuments,
  readableDocument,
} from './documents.use-case.js';

const sittingParams = z.object({ sittingId: z.uuid() });
const documentParams = z.object({ documentId: z.uuid() });

/** Inline (or as a download), with the name in plain ASCII for old clients and exactly in UTF-8 (RFC 6266). */
export function contentDisposition(
  fileName: string,
  disposition: 'inline' | 'attachment' = 'inline',
): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
  return `${disposition}; filename="${ascii || 'document'}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Documents of a sitting: attach (the council office), list (its people), read (permitted). */
export function documentRoutes(
  app: FastifyInstance,
  repos: Repositories,
  blobs: BlobStore,
  signedIn: SignedInGuard,
  maybeSignedIn: SignedInGuard,
  config: Config,
  clock: () => Date,
): void {
  const maxBytes = config.documentMaxBytes;
  app.post(
    '/api/sittings/:sittingId/documents',
    { preHandler: signedIn },
    async (request, reply) => {
      const { sittingId } = parseInput(sittingParams, request.params);
      const { texts, file: uploaded } = await readUpload(request, maxBytes);
      const fields = parseInput(documentUploadFieldsSchema, texts);
      const file = requireFile(uploaded);
      const document = await attachDocument(
        repos,
        blobs,
        authOf(request).user,
        sittingId,
        fields,
        file,
        {
          context: { origin: publicOrigin(request, config), delayMs: config.changeNoticeDelayMs },
          now: clock(),
        },
      );
      return reply.status(201).send(document);
    },
  );

  app.get('/api/sittings/:sittingId/documents', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    return { documents: await listDocuments(repos, authOf(request).user, sittingId) };
  });

  app.get('/api/public/sittings/:sittingId/documents', async (request) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    return { documents: await publicDocuments(repos, sittingId) };
  });

  app.get('/api/documents/:documentId', { preHandler: maybeSignedIn }, async (request, reply) => {
    const { documentId } = parseInput(documentParams, request.params);
    const document = await readableDocument(repos, request.auth?.user ?? null, documentId);
    const etag = `"${document.sha256}"`;
    // Read without a sign-in, the document is public (of a sitting that is not a draft): it is
    // an OParl File's download, which any site may fetch (CORS; never with credentials).
    if (request.auth === null) void reply.header('access-control-allow-origin', '*');
    void reply
      .header('etag', etag)
      // Private: a shared cache must not hand a members-only file to the next person.
      .header('cache-control', 'private, no-cache')
      .header('x-content-type-options', 'nosniff')
      // The file is shown, never run: no script of a crafted file acts on this site.
      .header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'")
      .header('content-disposition', contentDisposition(document.fileName));
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    const stream = await blobs.open(document.sha256);
    if (stream === undefined) {
      request.log.error({ documentId, sha256: document.sha256 }, 'document blob is missing');
      throw new HttpError(500, 'internal', 'The file of this document is missing');
    }
    return reply
      .type(document.mediaType)
      .header('content-length', String(document.sizeBytes))
      .send(stream);
  });
}
