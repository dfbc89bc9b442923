import { checkQuorum, defaultQuorumCheckDurationMs } from '../quorum.rules.js';
import type { CommandOf } from './sitting.commands.js';
import {
  accept,
  refuse,
  refuseIfBlank,
  refuseUnlessOpen,
  refuseUnlessPositive,
} from './sitting.decision.js';
import type { Decision } from './sitting.decision.js';
import { isMember } from './sitting.state.js';
import type { SittingState } from './sitting.state.js';

type PresenceCommand = CommandOf<
  'quorum.start' | 'presence.confirm' | 'quorum.close' | 'presence.mark'
>;

/**
 * Quorum checks and presence (DESIGN.md section 4, "Quorum"). A check is a roll call: when it
 * closes, the members who confirmed (or whom the operator marked present during it) are present
 * and everyone else is absent. Outside a check the operator records arrivals and departures, so
 * presence is known at every moment of the sitting.
 */
export function decidePresence(
  state: SittingState,
  command: PresenceCommand,
  now: number,
): Decision {
  switch (command.type) {
    case 'quorum.start': {
      const notOpen = refuseUnlessOpen(state);
      if (notOpen !== null) return notOpen;
      if (state.quorumCheck !== null) {
        return refuse('quorum_check_running', { checkId: state.quorumCheck.checkId });
      }
      if (state.openVoteId !== null)
        return refuse('vote_in_progress', { voteId: state.openVoteId });
      const blank = refuseIfBlank('checkId', command.checkId);
      if (blank !== null) return blank;
      if (state.lastQuorumCheck?.checkId === command.checkId) {
        return refuse('duplicate_id', { id: command.checkId });
      }
      const durationMs = command.durationMs ?? defaultQuorumCheckDurationMs(state.setup.mode);
      const badDuration = refuseUnlessPositive('durationMs', durationMs);
      if (badDuration !== null) return badDuration;
      return accept({
        type: 'quorum.check_started',
        checkId: command.checkId,
        durationMs,
        endsAt: now + durationMs,
        at: now,
      });
    }
    case 'presence.confirm': {
      const notOpen = refuseUnlessOpen(state);
      if (notOpen !== null) return notOpen;
      if (!isMember(state, command.memberId)) {
        return refuse('unknown_member', { memberId: command.memberId });
      }
      const check = state.quorumCheck;
      if (check === null) return refuse('no_quorum_check', {});
      if (now >= check.endsAt) return refuse('deadline_passed', { deadlineAt: check.endsAt, now });
      if (check.confirmed.includes(command.memberId)) {
        return refuse('already_confirmed', { checkId: check.checkId, memberId: command.memberId });
      }
      return accept({
        type: 'presence.confirmed',
        checkId: check.checkId,
        memberId: command.memberId,
        at: now,
      });
    }
    case 'quorum.close': {
      const check = state.quorumCheck;
      if (check === null) return refuse('no_quorum_check', {});
      if (command.by === 'system' && now < check.endsAt) {
        return refuse('deadline_not_reached', { deadlineAt: check.endsAt, now });
      }
      const present = [...check.confirmed].sort();
      const absent = Object.keys(state.presence)
        .filter((id) => !present.includes(id))
        .sort();
      const { quorumRule, statutorySize } = state.setup;
      return accept({
        type: 'quorum.check_closed',
        checkId: check.checkId,
        closedBy: command.by,
        present,
        absent,
        result: checkQuorum(quorumRule, statutorySize, present.length),
        at: now,
      });
    }
    case 'presence.mark': {
      // Members come and go during a break too; only a closed or unopened sitting has no presence.
      if (state.status !== 'open' && state.status !== 'suspended') {
        return refuse('sitting_not_open', { status: state.status });
      }
      if (!isMember(state, command.memberId)) {
        return refuse('unknown_member', { memberId: command.memberId });
      }
      const check = state.quorumCheck;
      const wasPresent = state.presence[command.memberId]?.present === true;
      const countsInCheck =
        check === null || check.confirmed.includes(command.memberId) === command.present;
      if (wasPresent === command.present && countsInCheck) {
        return refuse('unchanged', { field: 'present', value: command.present });
      }
      return accept({
        type: 'presence.marked',
        memberId: command.memberId,
        present: command.present,
        checkId: check?.checkId ?? null,
        at: now,
      });
    }
  }
}
