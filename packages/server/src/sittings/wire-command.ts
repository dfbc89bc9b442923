import type { ChatAudience, SittingActor, SittingCommand } from '@veche/domain';
import type { WireCommand } from '@veche/protocol';
import { HttpError } from '../http/api-error.js';

/**
 * Turns a command as a client sends it into the domain's command, filling in what only the
 * server knows: who is acting, and that a close by a person is "by operator" (only the server's
 * own deadline timer closes "by system").
 */
export function toDomainCommand(wire: WireCommand, actor: SittingActor): SittingCommand {
  const self = (memberId: string | undefined): string => {
    const id = memberId ?? actor.memberId;
    if (id === null) {
      throw new HttpError(
        403,
        'forbidden',
        'Only a member of this sitting can do this for themselves',
        {
          facts: { command: wire.type, reason: 'not_a_member' },
        },
      );
    }
    return id;
  };
  switch (wire.type) {
    case 'quorum.close':
      return { type: 'quorum.close', by: 'operator' };
    case 'vote.close':
      return { type: 'vote.close', voteId: wire.voteId, by: 'operator' };
    case 'presence.confirm':
      return { type: 'presence.confirm', memberId: self(wire.memberId) };
    case 'vote.cast': {
      const memberId = self(wire.memberId);
      const forSomeoneElse = wire.memberId !== undefined && wire.memberId !== actor.memberId;
      return {
        type: 'vote.cast',
        voteId: wire.voteId,
        memberId,
        choice: wire.choice,
        enteredBy: forSomeoneElse
          ? { operatorId: actor.userId, reason: wire.proxyReason ?? '' }
          : null,
      };
    }
    case 'speaker.request':
      return {
        type: 'speaker.request',
        requestId: wire.requestId,
        speechType: wire.speechType,
        itemId: wire.itemId ?? null,
        speaker:
          wire.resident === undefined
            ? { kind: 'member', memberId: self(wire.memberId) }
            : { kind: 'resident', requestId: wire.resident.requestId, name: wire.resident.name },
      };
    case 'chat.send':
      return {
        type: 'chat.send',
        messageId: wire.messageId,
        // Always the acting user: nobody writes in someone else's name.
        from: { userId: actor.userId, memberId: actor.memberId },
        to: chatAudience(wire),
        text: wire.text,
      };
    default:
      return wire;
  }
}

/**
 * The audience of a chat message. The protocol's schema already wants `memberId` exactly when
 * `to` is "member"; the check here only keeps that promise should the schema ever change.
 */
function chatAudience(wire: Extract<WireCommand, { type: 'chat.send' }>): ChatAudience {
  if (wire.to !== 'member') return { kind: wire.to };
  if (wire.memberId === undefined) {
    const message = 'memberId is required when to is "member"';
    throw new HttpError(400, 'validation_failed', `command.memberId: ${message}`, {
      field: 'command.memberId',
      issues: [{ field: 'command.memberId', code: 'custom', message }],
    });
  }
  return { kind: 'member', memberId: wire.memberId };
}
