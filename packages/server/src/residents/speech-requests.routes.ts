import { reviewSpeechRequestSchema } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import { publicOrigin } from '../http/public-origin.js';
import type { Config } from '../config.js';
import { contentDisposition } from '../documents/documents.routes.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { SpeechRequestUseCases } from './speech-requests.use-case.js';

const sittingParams = z.object({ sittingId: z.uuid() });
const requestParams = z.object({ requestId: z.uuid() });

/** The council office's side of residents' requests to speak: list, decide, read attachments. */
export function speechRequestRoutes(
  app: FastifyInstance,
  speech: SpeechRequestUseCases,
  blobs: BlobStore,
  signedIn: SignedInGuard,
  config: Config,
): void {
  app.get('/api/sittings/:sittingId/speech-requests', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    return speech.list(authOf(request).user, sittingId);
  });

  app.post('/api/speech-requests/:requestId/review', { preHandler: signedIn }, async (request) => {
    const { requestId } = parseInput(requestParams, request.params);
    const review = parseInput(reviewSpeechRequestSchema, request.body);
    return speech.review(authOf(request).user, requestId, review, publicOrigin(request, config));
  });

  app.get(
    '/api/speech-requests/:requestId/attachment',
    { preHandler: signedIn },
    async (request, reply) => {
      const { requestId } = parseInput(requestParams, request.params);
      const file = await speech.attachment(authOf(request).user, requestId);
      const stream = await blobs.open(file.sha256);
      if (stream === undefined) {
        request.log.error({ requestId, sha256: file.sha256 }, 'attachment blob is missing');
        throw new HttpError(500, 'internal', 'The file of this attachment is missing');
      }
      return (
        reply
          .type(file.mediaType)
          .header('content-length', String(file.sizeBytes))
          // A resident's file: always downloaded, never shown inline, since anyone may have sent it.
          .header('content-disposition', contentDisposition(file.fileName, 'attachment'))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(stream)
      );
    },
  );
}
