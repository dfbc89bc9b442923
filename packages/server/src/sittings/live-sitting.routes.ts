import { commandRequestSchema } from '@veche/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { Repositories } from '../storage/repositories.js';
import type { SittingEventRow } from '../storage/repositories/sitting-events.repository.js';
import type { LiveSittingService, LoggedEvent } from './live-sitting.service.js';
import { mayReadEvent, viewOf, type SittingViewer } from './state-view.js';
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

/**
 * One event of the published log. An event the reader may not read (another member's private
 * chat message) keeps its place, type, time and hashes, so the reader can still check every
 * link of the chain around it; its content and author are withheld, and `redacted` says so.
 */
function publishedEvent(row: SittingEventRow, viewer: SittingViewer) {
  const chained = {
    seq: row.seq,
    type: row.type,
    at: row.at.toISOString(),
    prevHash: row.prevHash,
    hash: row.hash,
  };
  if (!mayReadEvent(row.payload as LoggedEvent, viewer)) {
    return { ...chained, payload: null, actorUserId: null, redacted: true as const };
  }
  // actorUserId is part of each hash: without it nobody could recompute the chain.
  return { ...chained, payload: row.payload, actorUserId: row.actorUserId };
}
