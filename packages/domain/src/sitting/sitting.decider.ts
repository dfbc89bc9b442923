import { decideAgenda } from './agenda.decide.js';
import { decideChat } from './chat.decide.js';
import { decideLifecycle } from './lifecycle.decide.js';
import { decidePresence } from './presence.decide.js';
import type { SittingCommand } from './sitting.commands.js';
import type { Decision } from './sitting.decision.js';
import type { SittingState } from './sitting.state.js';
import { decideSpeaker } from './speaker.decide.js';
import { decideVote } from './vote.decide.js';

/**
 * Checks a command against the live sitting and answers with the events to append or a typed
 * rejection (DESIGN.md section 5: "decide(state, command, now) -> events | rejection"). Pure: it
 * never changes `state`, and `now` (epoch milliseconds) is the only clock it reads.
 */
export function decide(state: SittingState, command: SittingCommand, now: number): Decision {
  switch (command.type) {
    case 'sitting.convene':
    case 'sitting.open':
    case 'sitting.suspend':
    case 'sitting.resume':
    case 'sitting.close':
      return decideLifecycle(state, command, now);
    case 'quorum.start':
    case 'presence.confirm':
    case 'quorum.close':
    case 'presence.mark':
      return decidePresence(state, command, now);
    case 'agenda.set_current':
    case 'agenda.amend':
      return decideAgenda(state, command, now);
    case 'speaker.request':
    case 'speaker.withdraw':
    case 'speaker.grant':
    case 'speaker.extend':
    case 'speaker.end':
      return decideSpeaker(state, command, now);
    case 'vote.open':
    case 'vote.cast':
    case 'vote.extend':
    case 'vote.close':
    case 'vote.annul':
    case 'vote.repeat':
      return decideVote(state, command, now);
    case 'chat.send':
      return decideChat(state, command, now);
  }
}
