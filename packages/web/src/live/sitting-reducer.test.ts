import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLiveEvent, type LiveEvent, type RawEvent } from './live-events';
import { applyEvent, applyTally, ViewOutOfStepError } from './sitting-reducer';
import { parseSittingView, type SittingView } from './sitting-view';
import { OPENING, runSitting, sittingRun, snapshotOf } from './testing/domain-sitting';

function view(snapshot: unknown): SittingView {
  const parsed = parseSittingView(snapshot);
  if (parsed === null) throw new Error('the snapshot does not parse');
  return parsed;
}

function event(raw: RawEvent): LiveEvent {
  const parsed = parseLiveEvent(raw);
  if (parsed.kind !== 'event') throw new Error(`${raw.type} is ${parsed.kind}`);
  return parsed.event;
}

/** Folds logged events as the client does: the ones it does not know change nothing. */
function fold(start: SittingView, events: readonly RawEvent[]): SittingView {
  return events.reduce((current, raw) => {
    const parsed = parseLiveEvent(raw);
    if (parsed.kind === 'malformed') throw new Error(`${raw.type} is malformed`);
    return parsed.kind === 'event' ? applyEvent(current, parsed.event) : current;
  }, start);
}

/** What the server's tally messages would have said about the running vote. */
function withRunningTally(folded: SittingView, target: SittingView): SittingView {
  const id = target.openVoteId;
  const running = id === null ? undefined : target.votes[id];
  if (id === null || running === undefined) return folded;
  return applyTally(folded, { voteId: id, ...running.tally });
}

describe('applyEvent', () => {
  const opened = runSitting([
    ...OPENING,
    { type: 'agenda.set_current', itemId: 'a2-1' },
    {
      type: 'vote.open',
      voteId: 'v1',
      subject: 'Budget amendment',
      itemId: 'a2-1',
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 120_000,
    },
  ]);
  const start = view(opened.initial);
  const atOpen = fold(
    start,
    opened.log.map((entry) => entry.event),
  );

  it('follows a quorum check: started, confirmed by each member, closed with the result', () => {
    const afterConfirmations = fold(
      start,
      opened.log.slice(0, 7).map((entry) => entry.event),
    );
    expect(afterConfirmations.quorumCheck?.confirmed).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(atOpen.quorumCheck).toBeNull();
    expect(atOpen.lastQuorumCheck?.result).toMatchObject({ present: 5, required: 4, met: true });
    expect(atOpen.presence['m1']?.present).toBe(true);
    expect(atOpen.presence['m7']?.present).toBe(false);
  });

  it('opens a vote with an empty running tally and marks the current item', () => {
    expect(atOpen.currentItemId).toBe('a2-1');
    expect(atOpen.openVoteId).toBe('v1');
    expect(atOpen.votes['v1']).toMatchObject({
      status: 'open',
      subject: 'Budget amendment',
      entitled: ['m1', 'm2', 'm3', 'm4', 'm5'],
      tally: { secret: false, counts: { for: 0, against: 0, abstain: 0 }, voted: 0, voters: [] },
    });
  });

  it('shows the result with its arithmetic once the vote closes, and no voters any more', () => {
    const closedRun = runSitting([
      ...OPENING,
      {
        type: 'vote.open',
        voteId: 'v1',
        subject: 'S',
        itemId: null,
        kind: 'open',
        majority: 'pl.simple',
        durationMs: 60_000,
      },
      { type: 'vote.cast', voteId: 'v1', memberId: 'm1', choice: 'for' },
      { type: 'vote.cast', voteId: 'v1', memberId: 'm2', choice: 'against' },
      { type: 'vote.cast', voteId: 'v1', memberId: 'm3', choice: 'for' },
      { type: 'vote.close', voteId: 'v1', by: 'operator' },
    ]);
    const closed = fold(
      view(closedRun.initial),
      closedRun.log.map((entry) => entry.event),
    );
    const vote = closed.votes['v1'];
    expect(closed.openVoteId).toBeNull();
    expect(vote?.status).toBe('closed');
    expect(vote?.tally).toEqual({
      secret: false,
      counts: { for: 2, against: 1, abstain: 0 },
      voted: 3,
      voters: null,
      choices: null,
      proxied: null,
    });
    expect(vote?.result?.outcome).toMatchObject({
      passed: true,
      forCount: 2,
      againstCount: 1,
      comparison: 'more_than',
      baseSize: 3,
    });
  });

  it('asks for a fresh start when an agenda change cannot apply to its view', () => {
    const change = event({
      type: 'agenda.amended',
      change: { op: 'remove', itemId: 'not-there' },
      basisVoteId: null,
      at: 1,
    });
    expect(() => applyEvent(atOpen, change)).toThrow(ViewOutOfStepError);
  });
});

describe('applyTally', () => {
  const run = runSitting([
    ...OPENING,
    {
      type: 'vote.open',
      voteId: 'v1',
      subject: 'S',
      itemId: null,
      kind: 'secret',
      majority: 'pl.simple',
      durationMs: 60_000,
    },
  ]);
  const running = view(run.log.at(-1)?.snapshot);

  it('updates the running vote: who has voted, and counts only where the server sends them', () => {
    const next = applyTally(running, {
      voteId: 'v1',
      counts: null,
      voted: 2,
      voters: ['m1', 'm4'],
    });
    expect(next.votes['v1']?.tally).toEqual({
      secret: true,
      counts: null,
      voted: 2,
      voters: ['m1', 'm4'],
      choices: null,
      proxied: null,
    });
    expect(running.votes['v1']?.tally.voted).toBe(0);
  });

  it('ignores a tally that arrives after the close, and one of an unknown vote', () => {
    const closed = applyEvent(
      running,
      event({
        type: 'vote.closed',
        voteId: 'v1',
        closedBy: 'system',
        counts: { for: 1, against: 0, abstain: 0 },
        voted: 1,
        entitled: 5,
        outcome: null,
        at: 2,
      }),
    );
    const late = { voteId: 'v1', counts: null, voted: 4, voters: ['m1', 'm2', 'm3', 'm4'] };
    expect(applyTally(closed, late)).toBe(closed);
    expect(applyTally(running, { ...late, voteId: 'v9' })).toBe(running);
  });
});

describe('the fold agrees with the server', () => {
  it('a snapshot at any point plus the events after it gives the snapshot at the end', () => {
    fc.assert(
      fc.property(sittingRun(), fc.nat(), (run, pick) => {
        const points = [run.initial, ...run.log.map((entry) => entry.snapshot)];
        const from = pick % points.length;
        const target = view(snapshotOf(run.final));
        const folded = fold(
          view(points[from]),
          run.log.slice(from).map((entry) => entry.event),
        );
        expect(withRunningTally(folded, target)).toEqual(target);
      }),
      { numRuns: 150 },
    );
  });

  it('passes over event types it does not know, and fields it does not know', () => {
    const run = runSitting(OPENING);
    const start = view(run.initial);
    const noisy = run.log.flatMap((entry) => [
      { ...entry.event, addedLater: { any: 'thing' } },
      { type: 'hall.display_changed', messageId: 'x', text: 'hello' },
    ]);
    expect(fold(start, noisy)).toEqual(view(snapshotOf(run.final)));
    expect(parseSittingView({ ...(snapshotOf(run.final) as object), chat: [] })).toEqual(
      view(snapshotOf(run.final)),
    );
  });
});

describe('the chat', () => {
  const run = runSitting([
    ...OPENING,
    {
      type: 'chat.send',
      messageId: 'msg-1',
      from: { userId: 'u1', memberId: 'm1' },
      to: { kind: 'conductors' },
      text: 'May I speak next?',
    },
    {
      type: 'chat.send',
      messageId: 'msg-2',
      from: { userId: 'op', memberId: null },
      to: { kind: 'member', memberId: 'm1' },
      text: 'Yes, after the break.',
    },
  ]);
  const sent = run.log.filter((entry) => entry.event.type === 'chat.sent');

  it('folds chat messages in the order sent, as the snapshot holds them', () => {
    expect(sent).toHaveLength(2);
    const folded = fold(
      view(run.initial),
      run.log.map((entry) => entry.event),
    );
    expect(folded.chat.map((message) => message.messageId)).toEqual(['msg-1', 'msg-2']);
    expect(folded).toEqual(view(snapshotOf(run.final)));
    expect(folded.chat[1]).toEqual({
      messageId: 'msg-2',
      from: { userId: 'op', memberId: null },
      to: { kind: 'member', memberId: 'm1' },
      text: 'Yes, after the break.',
      at: expect.any(Number) as number,
    });
  });

  it('never shows a message twice', () => {
    const first = sent[0]!.event;
    const once = applyEvent(view(run.initial), event(first));
    expect(applyEvent(once, event(first))).toBe(once);
  });

  it('passes over a message the viewer may not read, keeping its place in the log', () => {
    expect(parseLiveEvent({ type: 'chat.sent', redacted: true })).toEqual({ kind: 'ignored' });
    expect(parseLiveEvent({ type: 'chat.sent', messageId: 'x' })).toEqual({ kind: 'malformed' });
  });

  it("reads an older server's snapshot without a chat as an empty chat", () => {
    const { chat: _chat, ...older } = snapshotOf(run.final) as Record<string, unknown>;
    expect(view(older).chat).toEqual([]);
  });
});
