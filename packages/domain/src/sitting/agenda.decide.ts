import { agendaChangeProblem, agendaSubtreeIds, findAgendaItem } from './agenda-tree.js';
import type { AgendaChange, AgendaChangeProblem } from './agenda-tree.js';
import type { CommandOf } from './sitting.commands.js';
import { accept, refuse, refuseUnlessOpen } from './sitting.decision.js';
import type { Decision } from './sitting.decision.js';
import type { SittingState } from './sitting.state.js';

/** A copy with only the fields the change type names, so events stay plain data. */
function plainChange(change: AgendaChange): AgendaChange {
  switch (change.op) {
    case 'insert':
      return {
        op: 'insert',
        parentId: change.parentId,
        position: change.position,
        item: {
          id: change.item.id,
          title: change.item.title,
          speakingLimitMs: change.item.speakingLimitMs ?? null,
        },
      };
    case 'remove':
      return { op: 'remove', itemId: change.itemId };
    case 'move':
      return {
        op: 'move',
        itemId: change.itemId,
        parentId: change.parentId,
        position: change.position,
      };
  }
}

type AgendaCommand = CommandOf<'agenda.set_current' | 'agenda.amend'>;

function refuseProblem(problem: AgendaChangeProblem): Decision {
  switch (problem.code) {
    case 'unknown_item':
      return refuse('unknown_item', { itemId: problem.itemId });
    case 'duplicate_id':
      return refuse('duplicate_id', { id: problem.id });
    case 'invalid_position':
      return refuse('invalid_position', { position: problem.position, max: problem.max });
    case 'invalid_move':
      return refuse('invalid_move', { itemId: problem.itemId, parentId: problem.parentId });
    case 'invalid_argument':
      return refuse('invalid_argument', {
        field: problem.field,
        reason: 'missing or out of range',
      });
  }
}

function refuseIfInUse(state: SittingState, itemId: string): Decision | null {
  const doomed = agendaSubtreeIds(state.agenda, itemId);
  if (state.currentItemId !== null && doomed.includes(state.currentItemId)) {
    return refuse('item_in_use', { itemId: state.currentItemId, by: 'current_item' });
  }
  const vote = state.openVoteId === null ? undefined : state.votes[state.openVoteId];
  if (vote !== undefined && vote.itemId !== null && doomed.includes(vote.itemId)) {
    return refuse('item_in_use', { itemId: vote.itemId, by: 'open_vote' });
  }
  return null;
}

function refuseBadBasis(state: SittingState, basisVoteId: string): Decision | null {
  const vote = state.votes[basisVoteId];
  if (vote === undefined) return refuse('unknown_vote', { voteId: basisVoteId });
  if (vote.status !== 'closed' || vote.result?.outcome?.passed !== true) {
    return refuse('invalid_argument', {
      field: 'basisVoteId',
      reason: 'an agenda change can follow only a vote that closed and passed',
    });
  }
  return null;
}

/**
 * The agenda (DESIGN.md section 4, "Agenda"): before the sitting opens the operator edits it
 * freely; once open, every insert, removal or move is an event, optionally tied to the vote that
 * approved it. A closed sitting's agenda is history and cannot change.
 */
export function decideAgenda(state: SittingState, command: AgendaCommand, now: number): Decision {
  switch (command.type) {
    case 'agenda.set_current': {
      const notOpen = refuseUnlessOpen(state);
      if (notOpen !== null) return notOpen;
      if (command.itemId !== null && findAgendaItem(state.agenda, command.itemId) === null) {
        return refuse('unknown_item', { itemId: command.itemId });
      }
      if (command.itemId === state.currentItemId) {
        return refuse('unchanged', { field: 'currentItemId', value: command.itemId });
      }
      return accept({ type: 'agenda.current_set', itemId: command.itemId, at: now });
    }
    case 'agenda.amend': {
      if (state.status === 'closed') {
        return refuse('invalid_transition', { command: command.type, status: state.status });
      }
      const basisVoteId = command.basisVoteId ?? null;
      if (basisVoteId !== null) {
        const bad = refuseBadBasis(state, basisVoteId);
        if (bad !== null) return bad;
      }
      const problem = agendaChangeProblem(state.agenda, command.change);
      if (problem !== null) return refuseProblem(problem);
      if (command.change.op === 'remove') {
        const inUse = refuseIfInUse(state, command.change.itemId);
        if (inUse !== null) return inUse;
      }
      return accept({
        type: 'agenda.amended',
        change: plainChange(command.change),
        basisVoteId,
        at: now,
      });
    }
  }
}
