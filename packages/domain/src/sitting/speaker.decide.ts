import { findAgendaItem } from './agenda-tree.js';
import type { CommandOf } from './sitting.commands.js';
import {
  accept,
  refuse,
  refuseIfBlank,
  refuseUnlessOpen,
  refuseUnlessPositive,
  speakerEndedEvent,
} from './sitting.decision.js';
import type { Decision } from './sitting.decision.js';
import { isMember, isPresent } from './sitting.state.js';
import type { SittingState } from './sitting.state.js';
import { SPEECH_TYPES, sameSpeaker } from './speaker-queue.js';

type SpeakerCommand = CommandOf<
  'speaker.request' | 'speaker.withdraw' | 'speaker.grant' | 'speaker.extend' | 'speaker.end'
>;

function refuseBadRequest(
  state: SittingState,
  command: CommandOf<'speaker.request'>,
): Decision | null {
  const blank = refuseIfBlank('requestId', command.requestId);
  if (blank !== null) return blank;
  if (!(SPEECH_TYPES as readonly string[]).includes(command.speechType)) {
    return refuse('invalid_argument', { field: 'speechType', reason: 'unknown speech type' });
  }
  const { speaker } = command;
  if (speaker.kind === 'member') {
    if (!isMember(state, speaker.memberId)) {
      return refuse('unknown_member', { memberId: speaker.memberId });
    }
    if (!isPresent(state, speaker.memberId)) {
      return refuse('not_present', { memberId: speaker.memberId });
    }
  } else {
    const noName = refuseIfBlank('speaker.name', speaker.name);
    if (noName !== null) return noName;
  }
  const itemId = command.itemId ?? null;
  if (itemId !== null && findAgendaItem(state.agenda, itemId) === null) {
    return refuse('unknown_item', { itemId });
  }
  const taken = [...state.speakerQueue, ...(state.currentSpeaker ? [state.currentSpeaker] : [])];
  if (taken.some((entry) => entry.requestId === command.requestId)) {
    return refuse('duplicate_id', { id: command.requestId });
  }
  const twin = state.speakerQueue.find(
    (entry) => entry.type === command.speechType && sameSpeaker(entry.speaker, speaker),
  );
  if (twin !== undefined) {
    return refuse('already_requested', { requestId: twin.requestId, speechType: twin.type });
  }
  return null;
}

/**
 * The speakers' queue (DESIGN.md section 4, "Speakers"): requests while the sitting is open or
 * suspended; the chair grants the floor, a timer runs with the item's limit or the sitting's
 * default, and the chair extends or ends it. The timer never ends a speech by itself.
 */
export function decideSpeaker(state: SittingState, command: SpeakerCommand, now: number): Decision {
  switch (command.type) {
    case 'speaker.request': {
      if (state.status !== 'open' && state.status !== 'suspended') {
        return refuse('sitting_not_open', { status: state.status });
      }
      const bad = refuseBadRequest(state, command);
      if (bad !== null) return bad;
      return accept({
        type: 'speaker.requested',
        entry: {
          requestId: command.requestId,
          // Rebuilt field by field: events keep only the data the type names, as plain objects.
          speaker:
            command.speaker.kind === 'member'
              ? { kind: 'member', memberId: command.speaker.memberId }
              : {
                  kind: 'resident',
                  requestId: command.speaker.requestId,
                  name: command.speaker.name.trim(),
                },
          type: command.speechType,
          itemId: command.itemId ?? null,
          requestedAt: now,
        },
        at: now,
      });
    }
    case 'speaker.withdraw': {
      if (!state.speakerQueue.some((entry) => entry.requestId === command.requestId)) {
        return refuse('unknown_request', { requestId: command.requestId });
      }
      return accept({ type: 'speaker.withdrawn', requestId: command.requestId, at: now });
    }
    case 'speaker.grant': {
      const notOpen = refuseUnlessOpen(state);
      if (notOpen !== null) return notOpen;
      if (state.currentSpeaker !== null) {
        return refuse('floor_taken', { requestId: state.currentSpeaker.requestId });
      }
      const wanted = command.requestId ?? null;
      const entry =
        wanted === null
          ? state.speakerQueue[0]
          : state.speakerQueue.find((queued) => queued.requestId === wanted);
      if (entry === undefined) {
        return wanted === null
          ? refuse('queue_empty', {})
          : refuse('unknown_request', { requestId: wanted });
      }
      const itemId = entry.itemId ?? state.currentItemId;
      const item = itemId === null ? null : findAgendaItem(state.agenda, itemId);
      const limitMs = item?.speakingLimitMs ?? state.setup.defaultSpeakingLimitMs;
      return accept({
        type: 'speaker.granted',
        requestId: entry.requestId,
        limitMs,
        endsAt: now + limitMs,
        at: now,
      });
    }
    case 'speaker.extend': {
      const current = state.currentSpeaker;
      if (current === null) return refuse('floor_free', {});
      const bad = refuseUnlessPositive('extraMs', command.extraMs);
      if (bad !== null) return bad;
      return accept({
        type: 'speaker.extended',
        requestId: current.requestId,
        extraMs: command.extraMs,
        endsAt: current.endsAt + command.extraMs,
        at: now,
      });
    }
    case 'speaker.end':
      if (state.currentSpeaker === null) return refuse('floor_free', {});
      return accept(speakerEndedEvent(state.currentSpeaker, 'ended', now));
  }
}
