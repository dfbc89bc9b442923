import type { CouncilRole } from '../vocabulary.js';
import type { SittingCommand, SittingCommandType } from './sitting.commands.js';
import { isMember } from './sitting.state.js';
import type { SittingState } from './sitting.state.js';

/**
 * Who sends a command, as the server knows them from the session. Roles are per council
 * (DESIGN.md section 2), so `roles` are the actor's roles in the sitting's council only.
 */
export interface SittingActor {
  readonly userId: string;
  /** The actor's roles in the sitting's council. */
  readonly roles: readonly CouncilRole[];
  /** The actor's member id in this sitting (a person id from setup.members), or null. */
  readonly memberId: string | null;
}

/** Why a command is refused to this actor; clients translate by this word. */
export const FORBIDDEN_REASONS = [
  /** The public reads; every command needs a signed-in user. */
  'not_signed_in',
  /** Only the operator or the chair conducts the sitting. */
  'not_conducting',
  /** Only the deadline timer closes a quorum check or a vote "by system". */
  'system_only',
  /** The command acts for a member of this sitting, and the actor is none. */
  'not_a_member',
  /** A member acts only for themselves. */
  'not_self',
  /** Only an operator enters a ballot for another member. */
  'proxy_requires_operator',
  /** A proxy ballot must name the operator who sends it, not a colleague. */
  'proxy_operator_mismatch',
  /** No rule grants this command to anyone; new commands stay closed until one does. */
  'no_rule',
] as const;
export type ForbiddenReason = (typeof FORBIDDEN_REASONS)[number];

export type Authorization =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly rejection: {
        readonly code: 'forbidden';
        readonly facts: { readonly command: SittingCommandType; readonly reason: ForbiddenReason };
      };
    };

/**
 * Commands that run the sitting rather than take part in it (DESIGN.md section 2: the operator
 * "runs the control console", the chair "conducts the sitting"). The server and the web client
 * use this list to decide who sees which controls.
 */
export const CONDUCTING_COMMANDS = [
  'sitting.convene',
  'sitting.open',
  'sitting.suspend',
  'sitting.resume',
  'sitting.close',
  'quorum.start',
  'quorum.close',
  'presence.mark',
  'agenda.set_current',
  'agenda.amend',
  'speaker.grant',
  'speaker.extend',
  'speaker.end',
  'vote.open',
  'vote.extend',
  'vote.close',
  'vote.annul',
  'vote.repeat',
] as const satisfies readonly SittingCommandType[];
export type ConductingCommandType = (typeof CONDUCTING_COMMANDS)[number];

/** The council roles that conduct; `council_admin` manages accounts, not sittings. */
export const CONDUCTING_ROLES = ['operator', 'chair'] as const satisfies readonly CouncilRole[];

const ALLOWED: Authorization = { ok: true };

function forbid(command: SittingCommand, reason: ForbiddenReason): Authorization {
  return { ok: false, rejection: { code: 'forbidden', facts: { command: command.type, reason } } };
}

export function isConductingCommand(type: string): type is ConductingCommandType {
  return (CONDUCTING_COMMANDS as readonly string[]).includes(type);
}

/**
 * The council roles that prepare sittings, and so see them while still drafts; others see a
 * sitting once it is convened (published) (DESIGN.md sections 2 and 4).
 */
export const PREPARING_ROLES = [
  'operator',
  'chair',
  'council_admin',
] as const satisfies readonly CouncilRole[];

/** True when `roles` include any of `wanted`. */
export function holdsAnyRole(
  roles: readonly CouncilRole[],
  wanted: readonly CouncilRole[],
): boolean {
  return roles.some((role) => wanted.includes(role));
}

/** True when the actor holds `operator` or `chair` in the sitting's council. */
export function isConductor(actor: SittingActor): boolean {
  return holdsAnyRole(actor.roles, CONDUCTING_ROLES);
}

/**
 * The actor's member id when they really are a member of this sitting's body. Checked against
 * the state too, so that a stale or wrong session cannot act for a member the body lacks.
 */
function ownMemberId(actor: SittingActor, state: SittingState): string | null {
  return actor.memberId !== null && isMember(state, actor.memberId) ? actor.memberId : null;
}

/** A member acting for `memberId`: allowed only when it is themselves. */
function forSelf(
  actor: SittingActor,
  command: SittingCommand,
  state: SittingState,
  memberId: string,
): Authorization {
  const own = ownMemberId(actor, state);
  if (own === null) return forbid(command, 'not_a_member');
  return own === memberId ? ALLOWED : forbid(command, 'not_self');
}

/**
 * May this actor send this command? Implements DESIGN.md section 2 as the issue states it:
 * "operator and chair conduct; councillors act only for themselves; the public reads".
 *
 * - Conducting commands need the council role `operator` or `chair`.
 * - `quorum.close` / `vote.close` by `system` come only from the server's deadline timer, which
 *   does not call this function; no actor may send them.
 * - A member confirms presence, asks for the floor, withdraws a request and votes only for
 *   themselves; conductors may also queue a member or a resident and withdraw any request.
 * - Only an operator enters a ballot for another member (a present member whose device failed),
 *   and the ballot must name that operator.
 * - A member writes in the chat to the conductors or to all members, as themselves; conductors
 *   write to anyone, one member included (a private answer).
 *
 * Anything else is refused: permissions fail closed. Whether the command makes sense now (the
 * member is present, the vote is open) is `decide`'s business, not this function's.
 */
export function authorize(
  actor: SittingActor | null,
  command: SittingCommand,
  state: SittingState,
): Authorization {
  if (actor === null) return forbid(command, 'not_signed_in');
  if (
    (command.type === 'quorum.close' || command.type === 'vote.close') &&
    command.by !== 'operator'
  ) {
    return forbid(command, 'system_only');
  }
  if (isConductingCommand(command.type)) {
    return isConductor(actor) ? ALLOWED : forbid(command, 'not_conducting');
  }
  switch (command.type) {
    case 'presence.confirm':
      return forSelf(actor, command, state, command.memberId);
    case 'speaker.request':
      // A chair may queue a member who raised a hand in the hall, and residents whose request
      // the office approved (DESIGN.md section 4, "Speakers").
      if (isConductor(actor)) return ALLOWED;
      if (command.speaker.kind === 'resident') return forbid(command, 'not_conducting');
      return forSelf(actor, command, state, command.speaker.memberId);
    case 'speaker.withdraw':
      return authorizeWithdraw(actor, command, state);
    case 'vote.cast':
      return authorizeCast(actor, command, state);
    case 'chat.send':
      return authorizeChat(actor, command, state);
    default:
      return forbid(command, 'no_rule');
  }
}

function authorizeWithdraw(
  actor: SittingActor,
  command: Extract<SittingCommand, { type: 'speaker.withdraw' }>,
  state: SittingState,
): Authorization {
  if (isConductor(actor)) return ALLOWED;
  if (ownMemberId(actor, state) === null) return forbid(command, 'not_a_member');
  const entry = state.speakerQueue.find((queued) => queued.requestId === command.requestId);
  // An unknown id is let through so that `decide` answers with its own `unknown_request`.
  if (entry === undefined) return ALLOWED;
  if (entry.speaker.kind === 'resident') return forbid(command, 'not_conducting');
  return forSelf(actor, command, state, entry.speaker.memberId);
}

function authorizeCast(
  actor: SittingActor,
  command: Extract<SittingCommand, { type: 'vote.cast' }>,
  state: SittingState,
): Authorization {
  const enteredBy = command.enteredBy ?? null;
  if (enteredBy === null) return forSelf(actor, command, state, command.memberId);
  // The chair conducts but does not keep the console: proxy ballots are the operator's alone.
  if (!actor.roles.includes('operator')) return forbid(command, 'proxy_requires_operator');
  return enteredBy.operatorId === actor.userId
    ? ALLOWED
    : forbid(command, 'proxy_operator_mismatch');
}

function authorizeChat(
  actor: SittingActor,
  command: Extract<SittingCommand, { type: 'chat.send' }>,
  state: SittingState,
): Authorization {
  const own = ownMemberId(actor, state);
  // Nobody writes in someone else's name: the sender must be the actor, member id included
  // (null for a conductor who does not sit in the body).
  if (command.from.userId !== actor.userId) return forbid(command, 'not_self');
  if (command.from.memberId !== own) {
    return forbid(command, own === null ? 'not_a_member' : 'not_self');
  }
  if (isConductor(actor)) return ALLOWED;
  if (own === null) return forbid(command, 'not_a_member');
  // Members write to the console or to everyone; private threads are opened by conductors only
  // (the issue: "councillors write to the chair and operator, or to all members").
  return command.to.kind === 'member' ? forbid(command, 'not_conducting') : ALLOWED;
}
