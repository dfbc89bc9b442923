import type { SittingActor } from '@veche/domain';
import type { CommandRequest } from '@veche/protocol';
import { HttpError } from '../http/api-error.js';
import type { Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import type { LiveSittingService, LoggedEvent } from './live-sitting.service.js';
import { sittingAccess } from './sitting-access.js';
import { toDomainCommand } from './wire-command.js';

export interface CommandAccepted {
  readonly commandId: string;
  readonly replayed: boolean;
  readonly seq: number;
  readonly events: readonly LoggedEvent[];
}

/**
 * One command from a signed-in user to a sitting, whichever way it came (HTTP or WebSocket):
 * access, the acting member, the domain's command, and the outcome. Refusals are HttpErrors with
 * the domain's code and facts (403 forbidden, 404 not found, 409 a rejection), so both transports
 * answer alike.
 */
export async function runSittingCommand(
  repos: Repositories,
  live: LiveSittingService,
  user: UserRow,
  sittingId: string,
  request: CommandRequest,
): Promise<CommandAccepted> {
  const access = await sittingAccess(repos, user.id, sittingId);
  const setup = await live.setup(access.sitting);
  const actor: SittingActor = {
    userId: user.id,
    roles: access.roles,
    memberId: setup.members.some((member) => member.id === user.personId) ? user.personId : null,
  };
  const result = await live.execute(
    access.sitting,
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
