import type { MajorityPresetId } from '../majority.presets.js';
import type { MajorityRule } from '../majority.rules.js';
import type { ProxyEntry, VoteKind } from '../vote-tally.js';
import type { AgendaChange } from './agenda-tree.js';
import type { ChatAudience, ChatSender } from './chat.js';
import type { Speaker, SpeechType } from './speaker-queue.js';

/**
 * Commands of the live sitting, named `area.verb` (DESIGN.md section 9). Ids of new things (checks,
 * votes, speaker requests) come with the command: the domain has no source of randomness.
 * Durations are in milliseconds.
 */
export type SittingCommand =
  | { readonly type: 'sitting.convene' }
  | { readonly type: 'sitting.open' }
  | { readonly type: 'sitting.suspend'; readonly reason?: string | null }
  | { readonly type: 'sitting.resume' }
  | { readonly type: 'sitting.close' }
  | { readonly type: 'quorum.start'; readonly checkId: string; readonly durationMs?: number | null }
  | { readonly type: 'presence.confirm'; readonly memberId: string }
  | { readonly type: 'quorum.close'; readonly by: CloseActor }
  | { readonly type: 'presence.mark'; readonly memberId: string; readonly present: boolean }
  | { readonly type: 'agenda.set_current'; readonly itemId: string | null }
  | {
      readonly type: 'agenda.amend';
      readonly change: AgendaChange;
      /** The vote on changing the agenda that this amendment follows, if any. */
      readonly basisVoteId?: string | null;
    }
  | {
      readonly type: 'speaker.request';
      readonly requestId: string;
      readonly speaker: Speaker;
      readonly speechType: SpeechType;
      readonly itemId?: string | null;
    }
  | { readonly type: 'speaker.withdraw'; readonly requestId: string }
  /** Grants the floor to a queued request, or to the head of the queue when none is named. */
  | { readonly type: 'speaker.grant'; readonly requestId?: string | null }
  | { readonly type: 'speaker.extend'; readonly extraMs: number }
  | { readonly type: 'speaker.end' }
  | {
      readonly type: 'vote.open';
      readonly voteId: string;
      readonly subject: string;
      readonly itemId: string | null;
      readonly kind: VoteKind;
      readonly majority: MajorityPresetId | MajorityRule;
      readonly options?: readonly string[] | null;
      readonly durationMs: number;
    }
  | {
      readonly type: 'vote.cast';
      readonly voteId: string;
      readonly memberId: string;
      readonly choice: string;
      /** Set when the operator enters the ballot for a present member whose device failed. */
      readonly enteredBy?: ProxyEntry | null;
    }
  | { readonly type: 'vote.extend'; readonly voteId: string; readonly extraMs: number }
  | { readonly type: 'vote.close'; readonly voteId: string; readonly by: CloseActor }
  | { readonly type: 'vote.annul'; readonly voteId: string; readonly reason: string }
  | {
      readonly type: 'vote.repeat';
      readonly voteId: string;
      readonly newVoteId: string;
      readonly durationMs: number;
    }
  | {
      readonly type: 'chat.send';
      readonly messageId: string;
      /** The sender as the server knows them; `authorize` checks that it is the actor. */
      readonly from: ChatSender;
      readonly to: ChatAudience;
      readonly text: string;
    };

/** The operator closes early; the system closes once the deadline has passed. */
export type CloseActor = 'operator' | 'system';

export type SittingCommandType = SittingCommand['type'];
export type CommandOf<T extends SittingCommandType> = Extract<SittingCommand, { type: T }>;

export const SITTING_COMMAND_TYPES = [
  'sitting.convene',
  'sitting.open',
  'sitting.suspend',
  'sitting.resume',
  'sitting.close',
  'quorum.start',
  'presence.confirm',
  'quorum.close',
  'presence.mark',
  'agenda.set_current',
  'agenda.amend',
  'speaker.request',
  'speaker.withdraw',
  'speaker.grant',
  'speaker.extend',
  'speaker.end',
  'vote.open',
  'vote.cast',
  'vote.extend',
  'vote.close',
  'vote.annul',
  'vote.repeat',
  'chat.send',
] as const satisfies readonly SittingCommandType[];
