import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, parseInput } from '../http/api-error.js';
import type { LiveSittingService } from '../sittings/live-sitting.service.js';
import type { Repositories } from '../storage/repositories.js';
import { sittingRecord } from './sitting-record.js';

const paramsSchema = z.object({ sittingId: z.uuid() });

/**
 * GET /api/public/sittings/:sittingId/record.json: a sitting's verifiable record, no sign-in.
 * Any origin may read it (a verifier in someone else's page); it changes with every event, so it is
 * never cached without asking.
 */
export function recordRoutes(
  app: FastifyInstance,
  repos: Repositories,
  live: LiveSittingService,
  clock: () => Date,
): void {
  app.get('/api/public/sittings/:sittingId/record.json', async (request, reply) => {
    const { sittingId } = parseInput(paramsSchema, request.params);
    const record = await sittingRecord(repos, live, sittingId, clock());
    if (record === null) throw new HttpError(404, 'not_found', 'No such sitting');
    return reply
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'no-cache')
      .send(record);
  });
}
