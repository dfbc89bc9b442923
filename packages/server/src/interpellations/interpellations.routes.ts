import {
  answerInterpellationRequestSchema,
  fileInterpellationRequestSchema,
  interpellationFileUploadFieldsSchema,
  interpellationListQuerySchema,
} from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from '../documents/documents.routes.js';
import { readUpload, requireFile } from '../http/multipart-upload.js';
import { HttpError, parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { Repositories } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';
import {
  answerInterpellation,
  attachInterpellationFile,
  fileInterpellation,
  listInterpellations,
  publicInterpellation,
  publicInterpellationFile,
  publicInterpellations,
} from './interpellations.use-case.js';

const councilParams = z.object({ councilId: z.uuid() });
const interpellationParams = z.object({ interpellationId: z.uuid() });
const fileParams = z.object({ fileId: z.uuid() });

/** Interpellations and questions: filed by councillors, answered by the office, public. */
export function interpellationRoutes(
  app: FastifyInstance,
  storage: StorageContext,
  repos: Repositories,
  blobs: BlobStore,
  signedIn: SignedInGuard,
  maxBytes: number,
): void {
  app.post(
    '/api/councils/:councilId/interpellations',
    { preHandler: signedIn },
    async (request, reply) => {
      const { councilId } = parseInput(councilParams, request.params);
      const input = parseInput(fileInterpellationRequestSchema, request.body);
      const filed = await fileInterpellation(storage, authOf(request).user, councilId, input);
      return reply.status(201).send(filed);
    },
  );

  app.get('/api/councils/:councilId/interpellations', { preHandler: signedIn }, async (request) => {
    const { councilId } = parseInput(councilParams, request.params);
    const query = parseInput(interpellationListQuerySchema, request.query);
    return {
      interpellations: await listInterpellations(
        storage,
        repos,
        authOf(request).user,
        councilId,
        query,
      ),
    };
  });

  app.put(
    '/api/interpellations/:interpellationId/answer',
    { preHandler: signedIn },
    async (request) => {
      const { interpellationId } = parseInput(interpellationParams, request.params);
      const input = parseInput(answerInterpellationRequestSchema, request.body);
      return answerInterpellation(storage, repos, authOf(request).user, interpellationId, input);
    },
  );

  app.post(
    '/api/interpellations/:interpellationId/files',
    { preHandler: signedIn },
    async (request, reply) => {
      const { interpellationId } = parseInput(interpellationParams, request.params);
      const { texts, file: uploaded } = await readUpload(request, maxBytes);
      const file = requireFile(uploaded);
      const fields = parseInput(interpellationFileUploadFieldsSchema, texts);
      const created = await attachInterpellationFile(
        repos,
        blobs,
        authOf(request).user,
        interpellationId,
        fields,
        file,
      );
      return reply.status(201).send(created);
    },
  );

  app.get('/api/public/councils/:councilId/interpellations', async (request) => {
    const { councilId } = parseInput(councilParams, request.params);
    return { interpellations: await publicInterpellations(storage, repos, councilId) };
  });

  app.get('/api/public/interpellations/:interpellationId', async (request) => {
    const { interpellationId } = parseInput(interpellationParams, request.params);
    return publicInterpellation(storage, repos, interpellationId);
  });

  app.get('/api/public/interpellation-files/:fileId', async (request, reply) => {
    const { fileId } = parseInput(fileParams, request.params);
    const file = await publicInterpellationFile(repos, fileId);
    const etag = `"${file.sha256}"`;
    void reply
      .header('etag', etag)
      .header('cache-control', 'public, no-cache')
      .header('x-content-type-options', 'nosniff')
      // The file is shown, never run: no script of a crafted file acts on this site.
      .header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'")
      .header('content-disposition', contentDisposition(file.fileName));
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    const stream = await blobs.open(file.sha256);
    if (stream === undefined) {
      request.log.error({ fileId, sha256: file.sha256 }, 'interpellation file blob is missing');
      throw new HttpError(500, 'internal', 'The file is missing');
    }
    return reply.type(file.mediaType).header('content-length', String(file.sizeBytes)).send(stream);
  });
}
