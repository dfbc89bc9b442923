import type { WireCommand } from '@veche/protocol';
import { viewAfter } from './testing/domain-sitting';
import { tracked } from './testing/tracked-command';
import { describe, expect, it } from 'vitest';
import { parseLiveEvent } from './live-events';
import {
  ballotState,
  ballotTag,
  latestOutcome,
  myFloorRequests,
  presenceState,
  presenceTag,
} from './live-selectors';
import { applyEvent } from './sitting-reducer';

const open = {
  type: 'vote.open',
  voteId: 'v1',
  subject: 'Budget',
  itemId: null,
  kind: 'named',
  majority: 'pl.simple',
  durationMs: 60_000,
} as const;
const cast = (choice: string): WireCommand => ({ type: 'vote.cast', voteId: 'v1', choice });

describe('presence in a quorum check', () => {
  const view = viewAfter(
    { type: 'quorum.start', checkId: 'c1', durationMs: 60_000 },
    { type: 'presence.confirm', memberId: 'm2' },
  );

  it('is confirmed when the check lists the member, pending while the command travels', () => {
    expect(presenceState(view, 'm2', [])).toEqual({ kind: 'confirmed' });
    const sent = tracked({ type: 'presence.confirm' }, presenceTag('c1'), 'sent');
    expect(presenceState(view, 'm3', [sent])).toEqual({ kind: 'pending', command: sent });
    expect(presenceState(view, 'm3', [])).toEqual({ kind: 'none' });
  });

  it('counts an earlier check’s confirmation for nothing', () => {
    const old = tracked({ type: 'presence.confirm' }, presenceTag('c0'), 'accepted');
    expect(presenceState(view, 'm3', [old])).toEqual({ kind: 'none' });
  });
});

describe('a ballot', () => {
  const view = viewAfter(open);
  const vote = view.votes['v1']!;

  it('shows the choice as sent, then recorded', () => {
    const sent = tracked(cast('for'), ballotTag('v1'), 'sent');
    expect(ballotState(vote, 'm1', false, [sent])).toMatchObject({
      choice: 'for',
      status: 'pending',
      canChoose: false,
    });
    const recorded = { ...sent, status: 'accepted' as const };
    expect(ballotState(vote, 'm1', false, [recorded])).toMatchObject({
      choice: 'for',
      status: 'recorded',
      canChoose: false,
    });
  });

  it('may be changed only where the council allows it, and never in a secret vote', () => {
    const recorded = tracked(cast('for'), ballotTag('v1'), 'accepted');
    expect(ballotState(vote, 'm1', true, [recorded]).canChoose).toBe(true);
    const secret = { ...vote, tally: { ...vote.tally, secret: true } };
    expect(ballotState(secret, 'm1', true, [recorded]).canChoose).toBe(false);
  });

  it('keeps the recorded choice when a change is refused', () => {
    const first = tracked(cast('for'), ballotTag('v1'), 'accepted');
    const change = tracked(cast('against'), ballotTag('v1'), 'rejected', {
      error: { code: 'vote_closed' },
    });
    expect(ballotState(vote, 'm1', true, [first, change])).toMatchObject({
      choice: 'for',
      status: 'failed',
      command: change,
    });
  });

  it('is recorded after a reload when the tally lists the member, and not offered to those not entitled', () => {
    const voted = { ...vote, tally: { ...vote.tally, voters: ['m4'] } };
    expect(ballotState(voted, 'm4', false, [])).toMatchObject({
      status: 'recorded',
      choice: null,
      canChoose: false,
    });
    expect(ballotState(vote, 'm7', false, []).canChoose).toBe(false);
  });
});

describe('what stays on screen', () => {
  it('shows the last result until the next check or vote starts', () => {
    const closed = viewAfter(open, { type: 'vote.close', voteId: 'v1', by: 'operator' });
    expect(latestOutcome(closed)).toMatchObject({ kind: 'vote', vote: { id: 'v1' } });
    const checking = viewAfter(
      open,
      { type: 'vote.close', voteId: 'v1', by: 'operator' },
      { type: 'quorum.start', checkId: 'c1', durationMs: 60_000 },
    );
    expect(latestOutcome(checking)).toEqual({ kind: 'none' });
    const checked = viewAfter(
      open,
      { type: 'vote.close', voteId: 'v1', by: 'operator' },
      { type: 'quorum.start', checkId: 'c1', durationMs: 60_000 },
      { type: 'quorum.close', by: 'operator' },
    );
    expect(latestOutcome(checked)).toMatchObject({ kind: 'quorum', check: { checkId: 'c1' } });
    expect(latestOutcome(viewAfter(open))).toEqual({ kind: 'none' });
  });
});

describe('requests for the floor', () => {
  it('lists the member’s own requests with their places: formal motions go first', () => {
    let view = viewAfter(
      {
        type: 'speaker.request',
        requestId: 'r1',
        speaker: { kind: 'member', memberId: 'm1' },
        speechType: 'normal',
      },
      {
        type: 'speaker.request',
        requestId: 'r2',
        speaker: { kind: 'member', memberId: 'm2' },
        speechType: 'normal',
      },
    );
    const motion = parseLiveEvent({
      type: 'speaker.requested',
      entry: {
        requestId: 'r3',
        speaker: { kind: 'member', memberId: 'm2' },
        type: 'formal_motion',
        itemId: null,
        requestedAt: 5,
      },
      at: 5,
    });
    if (motion.kind === 'event') view = applyEvent(view, motion.event);
    expect(myFloorRequests(view, 'm2', [])).toEqual([
      { requestId: 'r3', type: 'formal_motion', position: 1, withdrawing: false },
      { requestId: 'r2', type: 'normal', position: 3, withdrawing: false },
    ]);
    const withdrawing = tracked(
      { type: 'speaker.withdraw', requestId: 'r2' },
      'withdraw:r2',
      'sent',
    );
    expect(myFloorRequests(view, 'm2', [withdrawing])[1]?.withdrawing).toBe(true);
  });
});
