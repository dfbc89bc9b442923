import type { CommandOf } from './sitting.commands.js';
import { accept, refuse, speakerEndedEvent } from './sitting.decision.js';
import type { Decision } from './sitting.decision.js';
import type { SittingEvent } from './sitting.events.js';
import type { SittingState } from './sitting.state.js';

type LifecycleCommand = CommandOf<
  'sitting.convene' | 'sitting.open' | 'sitting.suspend' | 'sitting.resume' | 'sitting.close'
>;

function refuseIfBusy(state: SittingState): Decision | null {
  // A break or the end must not cut a vote or a quorum check short: close them first.
  if (state.openVoteId !== null) return refuse('vote_in_progress', { voteId: state.openVoteId });
  if (state.quorumCheck !== null) {
    return refuse('quorum_check_running', { checkId: state.quorumCheck.checkId });
  }
  return null;
}

/**
 * Sitting lifecycle: draft -> convened -> open -> (suspended <-> open) -> closed (DESIGN.md
 * section 4). Suspending or closing takes the floor back from whoever holds it.
 */
export function decideLifecycle(
  state: SittingState,
  command: LifecycleCommand,
  now: number,
): Decision {
  const invalid = () =>
    refuse('invalid_transition', { command: command.type, status: state.status });
  switch (command.type) {
    case 'sitting.convene':
      return state.status === 'draft' ? accept({ type: 'sitting.convened', at: now }) : invalid();
    case 'sitting.open':
      return state.status === 'convened'
        ? accept({ type: 'sitting.opened', members: state.setup.members, at: now })
        : invalid();
    case 'sitting.resume':
      return state.status === 'suspended'
        ? accept({ type: 'sitting.resumed', at: now })
        : invalid();
    case 'sitting.suspend': {
      if (state.status !== 'open') return invalid();
      const busy = refuseIfBusy(state);
      if (busy !== null) return busy;
      const events: SittingEvent[] = [];
      if (state.currentSpeaker !== null) {
        events.push(speakerEndedEvent(state.currentSpeaker, 'suspended', now));
      }
      const reason = command.reason?.trim() ?? '';
      events.push({ type: 'sitting.suspended', reason: reason === '' ? null : reason, at: now });
      return accept(...events);
    }
    case 'sitting.close': {
      if (state.status !== 'open' && state.status !== 'suspended') return invalid();
      const busy = refuseIfBusy(state);
      if (busy !== null) return busy;
      const events: SittingEvent[] = [];
      if (state.currentSpeaker !== null) {
        events.push(speakerEndedEvent(state.currentSpeaker, 'closed', now));
      }
      events.push({ type: 'sitting.closed', at: now });
      return accept(...events);
    }
  }
}
