import { MEMBER_IMPORT_MAX_BYTES } from '@veche/protocol';
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { StorageContext } from '../storage/storage-context.js';
import { importMembers } from './member-import.use-case.js';

const importParams = z.object({ councilId: z.uuid() });
// A dry run unless asked otherwise: a mistaken click shows a preview and writes nothing.
const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') });

/**
 * `POST /api/councils/:councilId/imports/members`: a CSV body. The CSV parser lives in this
 * scope only; `text/csv` is not a type a foreign page may post without a CORS preflight, so the
 * CSRF defence of JSON-only writes holds, and the Origin check applies as everywhere.
 */
export async function memberImportRoutes(
  app: FastifyInstance,
  storage: StorageContext,
  signedIn: SignedInGuard,
): Promise<void> {
  await app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'buffer', bodyLimit: MEMBER_IMPORT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        throw new HttpError(413, 'import_too_large', '(body): the file is larger than 1 MiB', {
          field: '(body)',
          facts: { maxBytes: MEMBER_IMPORT_MAX_BYTES },
        });
      }
      throw error;
    });

    scope.post(
      '/api/councils/:councilId/imports/members',
      { preHandler: signedIn },
      async (request) => {
        const { councilId } = parseInput(importParams, request.params);
        const { dryRun } = parseInput(importQuery, request.query);
        if (!Buffer.isBuffer(request.body)) {
          throw new HttpError(415, 'validation_failed', '(body): send the file as text/csv', {
            field: '(body)',
          });
        }
        const user = authOf(request).user;
        return importMembers(storage, user, councilId, request.body, dryRun === 'true');
      },
    );
    done();
  });
}
