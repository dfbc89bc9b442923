import type { SittingActor } from '@veche/domain';
import type { CommandRequest } from '@veche/protocol';
import { HttpError } from '../http/api-error.js';
import type { Repositories } from '../storage/repositories.js';
import type { SittingRow } from '../storage/repositories/sittings.repository.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import type { LiveSittingService, LoggedEvent } from './live-sitting.service.js';
import { sittingAccess, type SittingAccess } from './sitting-access.js';
import { toDomainCommand } from './wire-command.js';

export interface CommandAccepted {
  readonly commandId: string;
  readonly replayed: boolean;
  readonly seq: number;
  readonly events: readonly LoggedEvent[];
}

/** Who acts in a sitting, as the domain sees them, with the access that was checked. */
export interface SittingParticipant {
  readonly access: SittingAccess;
  readonly actor: SittingActor;
}

/**
 * Checks the user's access to the sitting and works out who they are in it: their roles, and
 * their member id if they sit in it. The WebSocket gateway keeps the answer for a while per
 * connection, so a burst of ballots does not repeat these reads for every one.
 */
export async function participantOf(
  repos: Repositories,
  live: LiveSittingService,
  user: UserRow,
  sittingId: string,
): Promise<SittingParticipant> {
  const access = await sittingAccess(repos, user.id, sittingId);
  const setup = await live.setup(access.sitting);
  const actor: SittingActor = {
    userId: user.id,
    roles: access.roles,
    memberId: setup.members.some((member) => member.id === user.personId) ? user.personId : null,
  };
  return { access, actor };
}

/**
 * One command from a participant to a sitting, whichever way it came (HTTP or WebSocket): the
 * domain's command and the outcome. Refusals are HttpErrors with the domain's code and facts
 * (403 forbidden, 409 a rejection), so both transports answer alike.
 */
export async function runCommandAs(
  live: LiveSittingService,
  sitting: SittingRow,
  actor: SittingActor,
  request: CommandRequest,
): Promise<CommandAccepted> {
  const result = await live.execute(
    sitting,
    request.commandId,
    actor,
    toDomainCommand(request.command, actor),
  );
  switch (result.kind) {
    case 'forbidden':
      throw new HttpError(403, 'forbidden', `You may not ${request.command.type} here`, {
        facts: result.rejection.facts,
      });
    case 'id_reused':
      throw new HttpError(409, 'command_id_reused', 'This command id was used by someone else');
    case 'done': {
      const { outcome, replayed } = result;
      if (!outcome.accepted) {
        throw new HttpError(409, outcome.rejection.code, `Refused: ${outcome.rejection.code}`, {
          facts: { ...outcome.rejection.facts, commandId: request.commandId, replayed },
        });
      }
      return { commandId: request.commandId, replayed, seq: outcome.seq, events: outcome.events };
    }
  }
}

/** A signed-in user's command to a sitting, access checked afresh (the HTTP way). */
export async function runSittingCommand(
  repos: Repositories,
  live: LiveSittingService,
  user: UserRow,
  sittingId: string,
  request: CommandRequest,
): Promise<CommandAccepted> {
  const { access, actor } = await participantOf(repos, live, user, sittingId);
  return runCommandAs(live, access.sitting, actor, request);
}
