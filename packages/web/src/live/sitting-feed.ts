import { z } from 'zod';
import { parseLiveEvent, type LiveEvent, type RawEvent } from './live-events';
import { applyEvent, applyTally, ViewOutOfStepError, type TallyUpdate } from './sitting-reducer';
import { parseSittingView, type SittingView } from './sitting-view';

/**
 * One followed sitting: its view and where it stands in the sitting's log. The log has one
 * sequence number per event; the view is always the fold of events 1..seq, never anything else
 * (DESIGN.md section 5, "a dropped connection resumes without gaps").
 */
export interface SittingFeed {
  readonly sittingId: string;
  readonly view: SittingView | null;
  /** The last event folded into the view (0 before the first snapshot). */
  readonly seq: number;
  /** The server's last event when it confirmed the subscription; null until it has. */
  readonly head: number | null;
  /**
   * `subscribing`: a subscription is on its way (stray events of the previous one are dropped
   * until it is confirmed); `live`: confirmed; `failed`: the server refused it (see `error`).
   */
  readonly phase: 'idle' | 'subscribing' | 'live' | 'failed';
  readonly error: string | null;
  /** Each vote's last tally position, so that an older tally never replaces a newer one. */
  readonly tallySeqs: Readonly<Record<string, number>>;
  /** The last few events with their numbers: how the client learns what its commands did. */
  readonly recent: readonly { readonly seq: number; readonly event: LiveEvent }[];
  /** This user's member id in the sitting, as the server said when it confirmed; null if none. */
  readonly memberId: string | null;
  /**
   * What the server takes this user for in the sitting: `conductor` (operator or chair) may run
   * it; null until the subscription is confirmed.
   */
  readonly viewerKind: ViewerKind | null;
  /**
   * The named list of each named vote sealed while this feed followed the sitting (the server's
   * `vote.sealed` log event; a snapshot does not carry it), by vote id.
   */
  readonly named: Readonly<Record<string, readonly NamedChoice[]>>;
}

/** One member's choice in a closed named vote. */
export interface NamedChoice {
  readonly memberId: string;
  readonly choice: string;
  /**
   * Whether the operator entered the ballot for the member (a proxy ballot): from the seal's
   * `enteredByUserId`, or from a snapshot's `proxied` list.
   */
  readonly enteredByOperator: boolean;
}

const sealedSchema = z.object({
  type: z.literal('vote.sealed'),
  voteId: z.string(),
  named: z
    .array(
      z.object({
        memberId: z.string(),
        choice: z.string(),
        enteredByUserId: z.string().nullable().optional(),
      }),
    )
    .nullable(),
});

/** The named list a `vote.sealed` event publishes, if it is one of a named vote. */
function sealedNamed(named: SittingFeed['named'], raw: RawEvent): SittingFeed['named'] {
  if (raw.type !== 'vote.sealed') return named;
  const parsed = sealedSchema.safeParse(raw);
  if (!parsed.success || parsed.data.named === null) return named;
  return {
    ...named,
    [parsed.data.voteId]: parsed.data.named.map(({ memberId, choice, enteredByUserId }) => ({
      memberId,
      choice,
      enteredByOperator: enteredByUserId !== undefined && enteredByUserId !== null,
    })),
  };
}

export type ViewerKind = 'public' | 'member' | 'conductor';

const RECENT = 64;

export function newFeed(sittingId: string): SittingFeed {
  return {
    sittingId,
    view: null,
    seq: 0,
    head: null,
    phase: 'idle',
    error: null,
    tallySeqs: {},
    recent: [],
    memberId: null,
    viewerKind: null,
    named: {},
  };
}

/** True once the view holds everything the server had when it confirmed the subscription. */
export function isSynced(feed: SittingFeed): boolean {
  return feed.phase === 'live' && feed.view !== null && feed.head !== null && feed.seq >= feed.head;
}

/** The position to subscribe from: 0 (a snapshot) until the client has a view. */
export function resumeFrom(feed: SittingFeed): number {
  return feed.view === null ? 0 : feed.seq;
}

/** A subscription was sent: until the server confirms it, only in-order events count. */
export function subscribing(feed: SittingFeed): SittingFeed {
  return { ...feed, phase: 'subscribing', head: null, error: null };
}

/** The connection dropped: what the view holds stays, but it is not live any more. */
export function disconnected(feed: SittingFeed): SittingFeed {
  return { ...feed, phase: 'idle', head: null };
}

/** What arrives for a sitting, already checked against the protocol's schemas. */
export type FeedMessage =
  | {
      readonly type: 'subscribed';
      readonly seq: number;
      readonly viewer?: { readonly kind?: ViewerKind; readonly memberId: string | null };
    }
  | { readonly type: 'snapshot'; readonly seq: number; readonly state: unknown }
  | { readonly type: 'event'; readonly seq: number; readonly event: RawEvent }
  | ({ readonly type: 'tally'; readonly seq: number } & TallyUpdate)
  | { readonly type: 'error'; readonly code: string };

/**
 * `resubscribe`: the feed cannot go on from here and asks the connection to subscribe again, from
 * `resumeFrom(feed)`: after a gap (a lost event) from its last event, after an event it could not
 * fold from a fresh snapshot.
 */
export interface FeedStep {
  readonly feed: SittingFeed;
  readonly resubscribe: boolean;
}

const stay = (feed: SittingFeed): FeedStep => ({ feed, resubscribe: false });

/** Starting again from nothing: the next subscription asks for a snapshot. */
function restart(feed: SittingFeed): FeedStep {
  return { feed: subscribing({ ...feed, view: null, seq: 0, recent: [] }), resubscribe: true };
}

function receiveEvent(feed: SittingFeed, seq: number, raw: RawEvent): FeedStep {
  // Before the first snapshot there is nothing to fold into; the snapshot is on its way.
  if (feed.view === null || seq <= feed.seq) return stay(feed);
  if (seq > feed.seq + 1) {
    // A gap. While a subscription is on its way, stray events of the previous one are expected:
    // the new one replays from where the view stands, so asking again would only repeat it.
    if (feed.phase === 'subscribing') return stay(feed);
    return { feed: subscribing(feed), resubscribe: true };
  }
  const parsed = parseLiveEvent(raw);
  if (parsed.kind === 'malformed') return restart(feed);
  if (parsed.kind === 'ignored') return stay({ ...feed, seq, named: sealedNamed(feed.named, raw) });
  let view: SittingView;
  try {
    view = applyEvent(feed.view, parsed.event);
  } catch (error) {
    if (error instanceof ViewOutOfStepError) return restart(feed);
    throw error;
  }
  const recent = [...feed.recent, { seq, event: parsed.event }].slice(-RECENT);
  return stay({ ...feed, view, seq, recent });
}

/** Takes one message for this sitting. Pure: the same messages always give the same feed. */
export function feedReceive(feed: SittingFeed, message: FeedMessage): FeedStep {
  switch (message.type) {
    case 'subscribed':
      return stay({
        ...feed,
        phase: 'live',
        head: message.seq,
        error: null,
        memberId: message.viewer?.memberId ?? feed.memberId,
        viewerKind: message.viewer?.kind ?? feed.viewerKind,
      });
    case 'snapshot': {
      const view = parseSittingView(message.state);
      if (view === null) {
        return stay({ ...feed, phase: 'failed', error: 'bad_response' });
      }
      // The server's word: even a snapshot behind the view wins (its log may have been restored).
      return stay({ ...feed, view, seq: message.seq, tallySeqs: {}, recent: [] });
    }
    case 'event':
      return receiveEvent(feed, message.seq, message.event);
    case 'tally': {
      if (feed.view === null) return stay(feed);
      const last = feed.tallySeqs[message.voteId] ?? -1;
      if (message.seq < last) return stay(feed);
      return stay({
        ...feed,
        view: applyTally(feed.view, message),
        tallySeqs: { ...feed.tallySeqs, [message.voteId]: message.seq },
      });
    }
    case 'error':
      return stay({ ...feed, phase: 'failed', error: message.code });
  }
}
