import type { MajorityPresetId } from '../majority.presets.js';
import type { MajorityOutcome, MajorityRule } from '../majority.rules.js';
import type { QuorumResult } from '../quorum.rules.js';
import type { ProxyEntry, VoteKind } from '../vote-tally.js';
import type { AgendaChange } from './agenda-tree.js';
import type { ChatMessage } from './chat.js';
import type { CloseActor } from './sitting.commands.js';
import type { SpeakerEntry } from './speaker-queue.js';
import type { SittingMember } from './sitting.state.js';

/**
 * Events of the live sitting, in the past tense; `at` is epoch milliseconds (DESIGN.md section 5).
 * The one exception is `vote.secret_choice_recorded`: it carries neither member nor time, and the
 * server keeps it apart from the sitting log (in the ballot box, in no particular order), so that
 * nothing links a secret choice to the member who made it (DESIGN.md section 4, "Votes").
 */
export type SittingEvent =
  | { readonly type: 'sitting.convened'; readonly at: number }
  | {
      readonly type: 'sitting.opened';
      /**
       * The body's members as the sitting opens, names included. The log starts from a setup
       * kept beside it; carrying the members here puts their names under the hash chain, so a
       * published named list cannot have its names swapped without breaking the chain.
       * Absent from logs written before it was recorded.
       */
      readonly members?: readonly SittingMember[];
      readonly at: number;
    }
  | { readonly type: 'sitting.suspended'; readonly reason: string | null; readonly at: number }
  | { readonly type: 'sitting.resumed'; readonly at: number }
  | { readonly type: 'sitting.closed'; readonly at: number }
  | {
      readonly type: 'quorum.check_started';
      readonly checkId: string;
      readonly durationMs: number;
      readonly endsAt: number;
      readonly at: number;
    }
  | {
      readonly type: 'presence.confirmed';
      readonly checkId: string;
      readonly memberId: string;
      readonly at: number;
    }
  | {
      readonly type: 'quorum.check_closed';
      readonly checkId: string;
      readonly closedBy: CloseActor;
      /** Who confirmed: these are present from now on, everyone else absent. */
      readonly present: readonly string[];
      readonly absent: readonly string[];
      readonly result: QuorumResult;
      readonly at: number;
    }
  | {
      readonly type: 'presence.marked';
      readonly memberId: string;
      readonly present: boolean;
      /** The quorum check running at the time, which this marking counts towards. */
      readonly checkId: string | null;
      readonly at: number;
    }
  | { readonly type: 'agenda.current_set'; readonly itemId: string | null; readonly at: number }
  | {
      readonly type: 'agenda.amended';
      readonly change: AgendaChange;
      readonly basisVoteId: string | null;
      readonly at: number;
    }
  | { readonly type: 'speaker.requested'; readonly entry: SpeakerEntry; readonly at: number }
  | { readonly type: 'speaker.withdrawn'; readonly requestId: string; readonly at: number }
  | {
      readonly type: 'speaker.granted';
      readonly requestId: string;
      readonly limitMs: number;
      readonly endsAt: number;
      readonly at: number;
    }
  | {
      readonly type: 'speaker.extended';
      readonly requestId: string;
      readonly extraMs: number;
      readonly endsAt: number;
      readonly at: number;
    }
  | {
      readonly type: 'speaker.ended';
      readonly requestId: string;
      readonly spokeMs: number;
      /** How far past the limit the speech ran; 0 if it ended in time. */
      readonly overranMs: number;
      readonly reason: 'ended' | 'suspended' | 'closed';
      readonly at: number;
    }
  | {
      readonly type: 'vote.opened';
      readonly voteId: string;
      readonly subject: string;
      readonly itemId: string | null;
      readonly kind: VoteKind;
      readonly options: readonly string[];
      readonly majority: MajorityRule;
      readonly majorityPresetId: MajorityPresetId | null;
      /** Members present at the opening: the entitled voters (sorted). */
      readonly entitled: readonly string[];
      readonly absent: readonly string[];
      readonly statutorySize: number;
      readonly quorum: QuorumResult;
      readonly durationMs: number;
      readonly deadlineAt: number;
      readonly repeatOf: string | null;
      readonly at: number;
    }
  | {
      readonly type: 'vote.cast_recorded';
      readonly voteId: string;
      readonly memberId: string;
      readonly choice: string;
      /** The choice this ballot replaces, when the council allows changing a ballot. */
      readonly previousChoice: string | null;
      readonly enteredBy: ProxyEntry | null;
      readonly at: number;
    }
  | {
      readonly type: 'vote.participation_recorded';
      readonly voteId: string;
      readonly memberId: string;
      readonly at: number;
    }
  | {
      readonly type: 'vote.secret_choice_recorded';
      readonly voteId: string;
      readonly choice: string;
    }
  | {
      readonly type: 'vote.extended';
      readonly voteId: string;
      readonly extraMs: number;
      readonly deadlineAt: number;
      readonly at: number;
    }
  | {
      readonly type: 'vote.closed';
      readonly voteId: string;
      readonly closedBy: CloseActor;
      readonly counts: Readonly<Record<string, number>>;
      readonly voted: number;
      readonly entitled: number;
      readonly outcome: MajorityOutcome | null;
      readonly at: number;
    }
  | {
      readonly type: 'vote.annulled';
      readonly voteId: string;
      readonly reason: string;
      readonly at: number;
    }
  /** A chat message: the facts of `ChatMessage`. Who may read it is `canReadChat`'s business. */
  | ({ readonly type: 'chat.sent' } & ChatMessage);

export type SittingEventType = SittingEvent['type'];
export type EventOf<T extends SittingEventType> = Extract<SittingEvent, { type: T }>;
