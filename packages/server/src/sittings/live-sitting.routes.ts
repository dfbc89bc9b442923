import { commandRequestSchema } from '@veche/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { Repositories } from '../storage/repositories.js';
import type { LiveSittingService } from './live-sitting.service.js';
import { publishedEvent } from './published-event.js';
import { viewOf, type SittingViewer } from './state-view.js';
import { participantOf, runSittingCommand } from './run-command.use-case.js';

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
    const { access, viewer } = await viewerIn(request, sittingId);
    const { state, seq, named } = await live.current(access.sitting);
    return { seq, state: viewOf(state, viewer, named) };
  });

  app.get('/api/sittings/:sittingId/events', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(paramsSchema, request.params);
    const { after } = parseInput(eventsQuerySchema, request.query);
    const { access, viewer } = await viewerIn(request, sittingId);
    const rows = await repos.sittingEvents.listAfter(access.sitting.councilId, sittingId, after);
    return { events: rows.map((row) => publishedEvent(row, viewer)) };
  });

  /** The caller as a viewer of the sitting: access checked, and their member id in it. */
  async function viewerIn(request: FastifyRequest, sittingId: string) {
    const { access, actor } = await participantOf(repos, live, authOf(request).user, sittingId);
    const viewer: SittingViewer = {
      kind: access.conducting ? 'conductor' : 'member',
      userId: actor.userId,
      memberId: actor.memberId,
    };
    return { access, viewer };
  }
}
