import {
  consultationDocumentUploadFieldsSchema,
  createConsultationRequestSchema,
  hideOpinionRequestSchema,
  publishConsultationRequestSchema,
  updateConsultationRequestSchema,
} from '@veche/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from '../documents/documents.routes.js';
import { HttpError, parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import { readUpload, requireFile } from '../http/multipart-upload.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { Repositories } from '../storage/repositories.js';
import { consultationResults, consultationResultsCsv } from './consultation-results.js';
import {
  addConsultationDocument,
  createConsultation,
  getConsultation,
  hideOpinion,
  listConsultations,
  listOpinions,
  listResponses,
  officeConsultation,
  officeConsultationDocument,
  opinionAttachment,
  publishConsultation,
  removeConsultationDocument,
  updateConsultation,
  draftResolutionChoices,
} from './consultations.use-case.js';

const councilParams = z.object({ councilId: z.uuid() });
const consultationParams = z.object({ consultationId: z.uuid() });
const documentParams = z.object({ consultationId: z.uuid(), documentId: z.uuid() });
const opinionParams = z.object({ opinionId: z.uuid() });

/**
 * Sends a stored file to be shown, never run: its own type, an ETag (its SHA-256), `nosniff`
 * and a sandboxing Content-Security-Policy, as documents are sent.
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  blobs: BlobStore,
  file: { sha256: string; fileName: string; mediaType: string; sizeBytes: number },
): Promise<FastifyReply> {
  const etag = `"${file.sha256}"`;
  void reply
    .header('etag', etag)
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'")
    .header('content-disposition', contentDisposition(file.fileName));
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  const stream = await blobs.open(file.sha256);
  if (stream === undefined) {
    request.log.error({ sha256: file.sha256 }, 'consultation file blob is missing');
    throw new HttpError(500, 'internal', 'The file is missing');
  }
  return reply.type(file.mediaType).header('content-length', String(file.sizeBytes)).send(stream);
}

/** The council office's consultations (issue 7, section 2): operators and administrators. */
export function consultationRoutes(
  app: FastifyInstance,
  repos: Repositories,
  blobs: BlobStore,
  signedIn: SignedInGuard,
  clock: () => Date,
  maxBytes: number,
): void {
  app.post(
    '/api/councils/:councilId/consultations',
    { preHandler: signedIn },
    async (request, reply) => {
      const { councilId } = parseInput(councilParams, request.params);
      const input = parseInput(createConsultationRequestSchema, request.body);
      const created = await createConsultation(
        repos,
        authOf(request).user,
        councilId,
        input,
        clock(),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/councils/:councilId/draft-resolutions',
    { preHandler: signedIn },
    async (request) => {
      const { councilId } = parseInput(councilParams, request.params);
      return draftResolutionChoices(repos, authOf(request).user, councilId);
    },
  );

  app.get('/api/councils/:councilId/consultations', { preHandler: signedIn }, async (request) => {
    const { councilId } = parseInput(councilParams, request.params);
    return {
      consultations: await listConsultations(repos, authOf(request).user, councilId, clock()),
    };
  });

  app.get('/api/consultations/:consultationId', { preHandler: signedIn }, async (request) => {
    const { consultationId } = parseInput(consultationParams, request.params);
    return getConsultation(repos, authOf(request).user, consultationId, clock());
  });

  app.put('/api/consultations/:consultationId', { preHandler: signedIn }, async (request) => {
    const { consultationId } = parseInput(consultationParams, request.params);
    const input = parseInput(updateConsultationRequestSchema, request.body);
    return updateConsultation(repos, authOf(request).user, consultationId, input, clock());
  });

  app.post(
    '/api/consultations/:consultationId/publish',
    { preHandler: signedIn },
    async (request) => {
      const { consultationId } = parseInput(consultationParams, request.params);
      const input = parseInput(publishConsultationRequestSchema, request.body);
      return publishConsultation(repos, authOf(request).user, consultationId, input, clock());
    },
  );

  app.post(
    '/api/consultations/:consultationId/documents',
    { preHandler: signedIn },
    async (request, reply) => {
      const { consultationId } = parseInput(consultationParams, request.params);
      const { texts, file } = await readUpload(request, maxBytes);
      const fields = parseInput(consultationDocumentUploadFieldsSchema, texts);
      const created = await addConsultationDocument(
        repos,
        blobs,
        authOf(request).user,
        consultationId,
        fields.title,
        requireFile(file),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/consultations/:consultationId/documents/:documentId',
    { preHandler: signedIn },
    async (request, reply) => {
      const { consultationId, documentId } = parseInput(documentParams, request.params);
      const document = await officeConsultationDocument(
        repos,
        authOf(request).user,
        consultationId,
        documentId,
      );
      return sendStoredFile(request, reply, blobs, document);
    },
  );

  app.delete(
    '/api/consultations/:consultationId/documents/:documentId',
    { preHandler: signedIn },
    async (request, reply) => {
      const { consultationId, documentId } = parseInput(documentParams, request.params);
      await removeConsultationDocument(repos, authOf(request).user, consultationId, documentId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/consultations/:consultationId/responses',
    { preHandler: signedIn },
    async (request) => {
      const { consultationId } = parseInput(consultationParams, request.params);
      return listResponses(repos, authOf(request).user, consultationId);
    },
  );

  app.get(
    '/api/consultations/:consultationId/opinions',
    { preHandler: signedIn },
    async (request) => {
      const { consultationId } = parseInput(consultationParams, request.params);
      return listOpinions(repos, authOf(request).user, consultationId);
    },
  );

  app.post(
    '/api/consultation-opinions/:opinionId/hide',
    { preHandler: signedIn },
    async (request) => {
      const { opinionId } = parseInput(opinionParams, request.params);
      const { reason } = parseInput(hideOpinionRequestSchema, request.body);
      return hideOpinion(repos, authOf(request).user, opinionId, reason);
    },
  );

  app.get(
    '/api/consultation-opinions/:opinionId/attachment',
    { preHandler: signedIn },
    async (request, reply) => {
      const { opinionId } = parseInput(opinionParams, request.params);
      const file = await opinionAttachment(repos, authOf(request).user, opinionId);
      return sendStoredFile(request, reply, blobs, file);
    },
  );

  // The office sees the results at any time, also while residents still answer.
  app.get(
    '/api/consultations/:consultationId/results',
    { preHandler: signedIn },
    async (request) => {
      const { consultationId } = parseInput(consultationParams, request.params);
      const { row } = await officeConsultation(repos, authOf(request).user, consultationId);
      return consultationResults(repos, row, clock());
    },
  );

  app.get(
    '/api/consultations/:consultationId/results.csv',
    { preHandler: signedIn },
    async (request, reply) => {
      const { consultationId } = parseInput(consultationParams, request.params);
      const { row } = await officeConsultation(repos, authOf(request).user, consultationId);
      const csv = consultationResultsCsv(await consultationResults(repos, row, clock()));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`consultation-${row.id}-results.csv`))
        .send(csv);
    },
  );
}
