import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLiveEvent } from './live-events';
import {
  disconnected,
  feedReceive,
  isSynced,
  newFeed,
  resumeFrom,
  subscribing,
  type FeedMessage,
  type SittingFeed,
} from './sitting-feed';
import { applyEvent } from './sitting-reducer';
import { parseSittingView, type SittingView } from './sitting-view';
import { OPENING, runSitting, sittingRun, type SittingRun } from './testing/domain-sitting';

const SITTING = '5f0c6b8e-3c1a-4d2b-9e4f-0a1b2c3d4e5f';

function receive(feed: SittingFeed, ...messages: FeedMessage[]) {
  let current = feed;
  let resubscribe = false;
  for (const message of messages) {
    const step = feedReceive(current, message);
    current = step.feed;
    resubscribe ||= step.resubscribe;
  }
  return { feed: current, resubscribe };
}

/** The views after each event, folded in order: what the feed must show at each position. */
function expectedViews(run: SittingRun): SittingView[] {
  const first = parseSittingView(run.initial);
  if (first === null) throw new Error('the snapshot does not parse');
  const views = [first];
  for (const entry of run.log) {
    const parsed = parseLiveEvent(entry.event);
    const last = views.at(-1)!;
    views.push(parsed.kind === 'event' ? applyEvent(last, parsed.event) : last);
  }
  return views;
}

const eventAt = (run: SittingRun, seq: number): FeedMessage => ({
  type: 'event',
  seq,
  event: run.log[seq - 1]!.event,
});

/** A feed that subscribed from nothing and got the first snapshot. */
function started(run: SittingRun, head = run.log.length): SittingFeed {
  return receive(
    subscribing(newFeed(SITTING)),
    { type: 'subscribed', seq: head },
    { type: 'snapshot', seq: 0, state: run.initial },
  ).feed;
}

describe('a sitting feed', () => {
  const run = runSitting(OPENING);
  const views = expectedViews(run);

  it('is in step once it holds everything the server had when it confirmed', () => {
    let feed = started(run, 3);
    expect(isSynced(feed)).toBe(false);
    feed = receive(feed, eventAt(run, 1), eventAt(run, 2)).feed;
    expect(isSynced(feed)).toBe(false);
    feed = receive(feed, eventAt(run, 3)).feed;
    expect(isSynced(feed)).toBe(true);
    expect(feed.view).toEqual(views[3]);
    expect(resumeFrom(feed)).toBe(3);
  });

  it('learns from the server which member the user is, and keeps it across a drop', () => {
    let feed = receive(subscribing(newFeed(SITTING)), {
      type: 'subscribed',
      seq: 0,
      viewer: { memberId: 'm04' },
    }).feed;
    expect(feed.memberId).toBe('m04');
    feed = receive(disconnected(feed), { type: 'subscribed', seq: 0 }).feed;
    expect(feed.memberId).toBe('m04');
    const publicFeed = receive(subscribing(newFeed(SITTING)), {
      type: 'subscribed',
      seq: 0,
      viewer: { memberId: null },
    }).feed;
    expect(publicFeed.memberId).toBeNull();
  });

  it('learns whether the user conducts the sitting', () => {
    const feed = receive(subscribing(newFeed(SITTING)), {
      type: 'subscribed',
      seq: 0,
      viewer: { kind: 'conductor', memberId: null },
    }).feed;
    expect(feed.viewerKind).toBe('conductor');
    expect(receive(disconnected(feed), { type: 'subscribed', seq: 0 }).feed.viewerKind).toBe(
      'conductor',
    );
    expect(newFeed(SITTING).viewerKind).toBeNull();
  });

  it('asks for a snapshot while it has no view, and ignores events until one comes', () => {
    const fresh = subscribing(newFeed(SITTING));
    expect(resumeFrom(fresh)).toBe(0);
    expect(receive(fresh, eventAt(run, 1)).feed).toEqual(fresh);
  });

  it('ignores a duplicate, and on a gap asks to subscribe again from its last event, once', () => {
    let feed = receive(started(run), eventAt(run, 1), eventAt(run, 2)).feed;
    const duplicate = receive(feed, eventAt(run, 1));
    expect(duplicate).toEqual({ feed, resubscribe: false });

    const gap = receive(feed, eventAt(run, 4));
    expect(gap.resubscribe).toBe(true);
    expect(gap.feed.seq).toBe(2);
    expect(resumeFrom(gap.feed)).toBe(2);
    // Stray events of the old subscription do not ask again while the new one is on its way.
    expect(receive(gap.feed, eventAt(run, 5)).resubscribe).toBe(false);
    feed = receive(gap.feed, { type: 'subscribed', seq: 5 }, eventAt(run, 3), eventAt(run, 4)).feed;
    feed = receive(feed, eventAt(run, 5)).feed;
    expect(feed.view).toEqual(views[5]);
    expect(isSynced(feed)).toBe(true);
  });

  it('counts an event it does not know without changing the view', () => {
    const feed = started(run);
    const next = receive(feed, {
      type: 'event',
      seq: 1,
      event: { type: 'hall.display_changed' },
    }).feed;
    expect(next.seq).toBe(1);
    expect(next.view).toBe(feed.view);
  });

  it('counts a chat message the viewer may not read without changing the view', () => {
    const feed = started(run);
    const event = { type: 'chat.sent', redacted: true };
    const next = receive(feed, { type: 'event', seq: 1, event }).feed;
    expect(next.seq).toBe(1);
    expect(next.view).toBe(feed.view);
  });

  it('starts again from a snapshot after an event it cannot read', () => {
    const feed = receive(started(run), eventAt(run, 1)).feed;
    const bad = receive(feed, { type: 'event', seq: 2, event: { type: 'presence.confirmed' } });
    expect(bad.resubscribe).toBe(true);
    expect(bad.feed.view).toBeNull();
    expect(resumeFrom(bad.feed)).toBe(0);
  });

  it('reports a snapshot it cannot read, and a refused subscription, by code', () => {
    const fresh = subscribing(newFeed(SITTING));
    const bad = receive(
      fresh,
      { type: 'subscribed', seq: 0 },
      { type: 'snapshot', seq: 0, state: { status: 'open' } },
    );
    expect(bad.feed).toMatchObject({ phase: 'failed', error: 'bad_response', view: null });
    expect(receive(fresh, { type: 'error', code: 'not_found' }).feed).toMatchObject({
      phase: 'failed',
      error: 'not_found',
    });
  });

  it('keeps the newest tally of a vote, whatever order they come in', () => {
    const voting = runSitting([
      ...OPENING,
      {
        type: 'vote.open',
        voteId: 'v1',
        subject: 'S',
        itemId: null,
        kind: 'named',
        majority: 'pl.simple',
        durationMs: 60_000,
      },
    ]);
    let feed = started(voting);
    for (let seq = 1; seq <= voting.log.length; seq++)
      feed = receive(feed, eventAt(voting, seq)).feed;
    const tally = (seq: number, voted: number): FeedMessage => ({
      type: 'tally',
      seq,
      voteId: 'v1',
      counts: { for: voted, against: 0, abstain: 0 },
      voted,
      voters: ['m1', 'm2', 'm3'].slice(0, voted),
    });
    feed = receive(feed, tally(voting.log.length, 2), tally(voting.log.length - 1, 1)).feed;
    expect(feed.view?.votes['v1']?.tally.voted).toBe(2);
  });
});

describe('whatever the network does to the events', () => {
  /** Deliveries: an event by number (lost, repeated, early, late), or the server answering. */
  const deliveries = fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.nat().map((n) => ({ kind: 'event' as const, n })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'answer' as const }) },
    ),
    { maxLength: 120 },
  );

  it('the view is always the log folded up to the feed’s position, and catches up in the end', () => {
    fc.assert(
      fc.property(sittingRun(30), deliveries, (run, schedule) => {
        const last = run.log.length;
        const views = expectedViews(run);
        let feed = started(run);
        let asked = false;
        const step = (message: FeedMessage) => {
          const before = feed.seq;
          const next = feedReceive(feed, message);
          feed = next.feed;
          asked ||= next.resubscribe;
          expect(feed.seq).toBeGreaterThanOrEqual(before);
          expect(feed.view).toEqual(views[feed.seq]);
        };
        /** The server confirms a new subscription and replays what the feed lacks, in order. */
        const answer = () => {
          if (!asked) return;
          asked = false;
          step({ type: 'subscribed', seq: last });
          for (let seq = resumeFrom(feed) + 1; seq <= last; seq++) step(eventAt(run, seq));
        };
        for (const delivery of schedule) {
          if (delivery.kind === 'answer') answer();
          else if (last > 0) step(eventAt(run, 1 + (delivery.n % last)));
        }
        // The last event arrives live at some point; anything missing is then asked for.
        if (last > 0) step(eventAt(run, last));
        answer();
        expect(feed.seq).toBe(last);
        expect(feed.view).toEqual(views[last]);
        expect(isSynced(feed)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
