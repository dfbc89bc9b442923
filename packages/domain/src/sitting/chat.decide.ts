import { CHAT_AUDIENCE_KINDS, CHAT_TEXT_MAX_LENGTH } from './chat.js';
import type { ChatAudience } from './chat.js';
import type { CommandOf } from './sitting.commands.js';
import { accept, refuse, refuseIfBlank } from './sitting.decision.js';
import type { Decision } from './sitting.decision.js';
import { isMember } from './sitting.state.js';
import type { SittingState } from './sitting.state.js';

/**
 * Chat is open from the moment the sitting is convened (published: members may tell the chair
 * they will be late, or that their tablet fails, before it opens) until it closes, breaks
 * included. A draft is not yet visible to members, and a closed sitting's log is the record that
 * the minutes are made from, so nothing is added to it.
 */
function refuseUnlessChatOpen(state: SittingState): Decision | null {
  const open =
    state.status === 'convened' || state.status === 'open' || state.status === 'suspended';
  return open ? null : refuse('sitting_not_open', { status: state.status });
}

function refuseBadText(text: string): Decision | null {
  const blank = refuseIfBlank('text', text);
  if (blank !== null) return blank;
  return text.trim().length <= CHAT_TEXT_MAX_LENGTH
    ? null
    : refuse('invalid_argument', {
        field: 'text',
        reason: `must be at most ${String(CHAT_TEXT_MAX_LENGTH)} characters`,
      });
}

function refuseBadAudience(state: SittingState, to: ChatAudience): Decision | null {
  if (!(CHAT_AUDIENCE_KINDS as readonly string[]).includes(to.kind)) {
    return refuse('invalid_argument', { field: 'to', reason: 'unknown audience' });
  }
  if (to.kind === 'member' && !isMember(state, to.memberId)) {
    return refuse('unknown_member', { memberId: to.memberId });
  }
  return null;
}

function refuseBadMessage(state: SittingState, command: CommandOf<'chat.send'>): Decision | null {
  const checks = [
    () => refuseIfBlank('messageId', command.messageId),
    () => refuseBadText(command.text),
    () => refuseBadAudience(state, command.to),
    () =>
      command.from.memberId !== null && !isMember(state, command.from.memberId)
        ? refuse('unknown_member', { memberId: command.from.memberId })
        : null,
    // A retried message must not appear twice: ids are unique within the sitting's chat.
    () =>
      state.chat.some((message) => message.messageId === command.messageId)
        ? refuse('duplicate_id', { id: command.messageId })
        : null,
  ];
  for (const check of checks) {
    const refusal = check();
    if (refusal !== null) return refusal;
  }
  return null;
}

/**
 * `chat.send` (see chat.ts for who reads what). The text is kept trimmed; the sender and audience
 * are rebuilt field by field, so that the event holds exactly the facts its type names.
 */
export function decideChat(
  state: SittingState,
  command: CommandOf<'chat.send'>,
  now: number,
): Decision {
  const closed = refuseUnlessChatOpen(state);
  if (closed !== null) return closed;
  const bad = refuseBadMessage(state, command);
  if (bad !== null) return bad;
  const { to } = command;
  return accept({
    type: 'chat.sent',
    messageId: command.messageId,
    from: { userId: command.from.userId, memberId: command.from.memberId },
    to: to.kind === 'member' ? { kind: 'member', memberId: to.memberId } : { kind: to.kind },
    text: command.text.trim(),
    at: now,
  });
}
