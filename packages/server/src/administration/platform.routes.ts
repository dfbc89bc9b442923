import { councilCreateRequestSchema, councilUpdateRequestSchema } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { Repositories } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';
import { createCouncil, listCouncils, readCouncil, updateCouncil } from './councils.use-case.js';

const councilParams = z.object({ councilId: z.uuid() });

/** The platform administrator's councils: list, create, read, change settings. */
export function platformRoutes(
  app: FastifyInstance,
  repos: Repositories,
  storage: StorageContext,
  signedIn: SignedInGuard,
): void {
  app.get('/api/platform/councils', { preHandler: signedIn }, async (request) => ({
    councils: await listCouncils(repos, authOf(request).user),
  }));

  app.post('/api/platform/councils', { preHandler: signedIn }, async (request, reply) => {
    const user = authOf(request).user;
    const input = parseInput(councilCreateRequestSchema, request.body);
    return reply.status(201).send(await createCouncil(storage, user, input));
  });

  app.get('/api/platform/councils/:councilId', { preHandler: signedIn }, async (request) => {
    const { councilId } = parseInput(councilParams, request.params);
    return readCouncil(repos, authOf(request).user, councilId);
  });

  app.put('/api/platform/councils/:councilId', { preHandler: signedIn }, async (request) => {
    const { councilId } = parseInput(councilParams, request.params);
    const input = parseInput(councilUpdateRequestSchema, request.body);
    return updateCouncil(repos, authOf(request).user, councilId, input);
  });
}
