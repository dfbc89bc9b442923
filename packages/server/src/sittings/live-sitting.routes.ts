import { commandRequestSchema } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { Repositories } from '../storage/repositories.js';
import type { LiveSittingService } from './live-sitting.service.js';
import { sittingAccess } from './sitting-access.js';
import { viewOf } from './state-view.js';
import { runSittingCommand } from './run-command.use-case.js';

const paramsSchema = z.object({ sittingId: z.uuid() });
const eventsQuerySchema = z.object({ after: z.coerce.number().int().min(0).default(0) });

/** The live sitting over HTTP: send a command, read the state, read the log. */
export function liveSittingRoutes(
  app: FastifyInstance,
  repos: Repositories,
  signedIn: SignedInGuard,
  live: LiveSittingService,
): void {
  app.post('/api/sittings/:sittingId/commands', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(paramsSchema, request.params);
    const body = parseInput(commandRequestSchema, request.body);
    return runSittingCommand(repos, live, authOf(request).user, sittingId, body);
  });

  app.get('/api/sittings/:sittingId/state', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(paramsSchema, request.params);
    const access = await sittingAccess(repos, authOf(request).user.id, sittingId);
    const { state, seq } = await live.current(access.sitting);
    return { seq, state: viewOf(state, access.conducting ? 'conductor' : 'member') };
  });

  app.get('/api/sittings/:sittingId/events', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(paramsSchema, request.params);
    const { after } = parseInput(eventsQuerySchema, request.query);
    const access = await sittingAccess(repos, authOf(request).user.id, sittingId);
    const rows = await repos.sittingEvents.listAfter(access.sitting.councilId, sittingId, after);
    return {
      events: rows.map((row) => ({
        seq: row.seq,
        type: row.type,
        payload: row.payload,
        // Part of each hash: without it nobody could recompute the chain.
        actorUserId: row.actorUserId,
        at: row.at.toISOString(),
        prevHash: row.prevHash,
        hash: row.hash,
      })),
    };
  });
}
