import type { SittingActor } from '@veche/domain';
import { commandRequestSchema } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { Repositories } from '../storage/repositories.js';
import type { LiveSittingService } from './live-sitting.service.js';
import { sittingAccess } from './sitting-access.js';
import { viewOf } from './state-view.js';
import { toDomainCommand } from './wire-command.js';

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
    const { user } = authOf(request);
    const access = await sittingAccess(repos, user.id, sittingId);
    const setup = await live.setup(access.sitting);
    const actor: SittingActor = {
      userId: user.id,
      roles: access.roles,
      memberId: setup.members.some((member) => member.id === user.personId) ? user.personId : null,
    };
    const result = await live.execute(
      access.sitting,
      body.commandId,
      actor,
      toDomainCommand(body.command, actor),
    );
    switch (result.kind) {
      case 'forbidden':
        throw new HttpError(403, 'forbidden', `You may not ${body.command.type} here`, {
          facts: result.rejection.facts,
        });
      case 'id_reused':
        throw new HttpError(409, 'command_id_reused', 'This command id was used by someone else');
      case 'done': {
        const { outcome, replayed } = result;
        if (!outcome.accepted) {
          throw new HttpError(409, outcome.rejection.code, `Refused: ${outcome.rejection.code}`, {
            facts: { ...outcome.rejection.facts, commandId: body.commandId, replayed },
          });
        }
        return { commandId: body.commandId, replayed, seq: outcome.seq, events: outcome.events };
      }
    }
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
