import type { SittingCommand } from '@veche/domain';
import { describe, expect, it } from 'vitest';
import { feedReceive, newFeed } from '../live/sitting-feed';
import { OPENING, runSitting, viewAfter } from '../live/testing/domain-sitting';
import {
  choiceSymbol,
  hallGridShape,
  currentItem,
  namedChoices,
  namedRows,
  openVote,
  standingResult,
} from './public-selectors';

const open: SittingCommand = {
  type: 'vote.open',
  voteId: 'v1',
  subject: 'Budget',
  itemId: null,
  kind: 'named',
  majority: 'pl.simple',
  durationMs: 60_000,
};
const cast = (memberId: string, choice: string): SittingCommand => ({
  type: 'vote.cast',
  voteId: 'v1',
  memberId,
  choice,
});
const close: SittingCommand = { type: 'vote.close', voteId: 'v1', by: 'operator' };
const request: SittingCommand = {
  type: 'speaker.request',
  requestId: 'r1',
  speaker: { kind: 'member', memberId: 'm2' },
  speechType: 'normal',
};

describe('the public view of a sitting', () => {
  it('names the current item with its agenda number', () => {
    expect(currentItem(viewAfter())).toBeNull();
    expect(currentItem(viewAfter({ type: 'agenda.set_current', itemId: 'a2-1' }))).toEqual({
      number: '2.1',
      title: 'Amendment',
    });
  });

  it('keeps a vote’s result until the next action: a vote, a check or a speaker', () => {
    const running = viewAfter(open, cast('m1', 'for'));
    expect(openVote(running)?.id).toBe('v1');
    expect(standingResult(running)).toBeNull();

    const closed = viewAfter(open, cast('m1', 'for'), close);
    expect(openVote(closed)).toBeNull();
    expect(standingResult(closed)?.id).toBe('v1');
    // A request for the floor is not an action of the chair: the result stays.
    expect(standingResult(viewAfter(open, close, request))?.id).toBe('v1');
    expect(standingResult(viewAfter(open, close, request, { type: 'speaker.grant' }))).toBeNull();
    expect(
      standingResult(
        viewAfter(open, close, { type: 'quorum.start', checkId: 'c1', durationMs: 60_000 }),
      ),
    ).toBeNull();
  });

  it('puts the named list in the order of the members, with their names', () => {
    const view = viewAfter(open, close);
    expect(
      namedRows(view, [
        { memberId: 'm3', choice: 'against', enteredByOperator: true },
        { memberId: 'm1', choice: 'for', enteredByOperator: false },
        { memberId: 'm2', choice: 'abstain', enteredByOperator: false },
      ]),
    ).toEqual([
      { memberId: 'm1', name: 'Member m1', choice: 'for', enteredByOperator: false },
      { memberId: 'm2', name: 'Member m2', choice: 'abstain', enteredByOperator: false },
      // A ballot the operator entered for the member says so.
      { memberId: 'm3', name: 'Member m3', choice: 'against', enteredByOperator: true },
    ]);
    expect(['for', 'against', 'abstain'].map(choiceSymbol)).toEqual(['✓', '✗', '–']);
  });

  it('lays the hall display’s grid out in more columns as the council grows', () => {
    expect(hallGridShape(5)).toEqual({ columns: 2, rows: 3 });
    expect(hallGridShape(15)).toEqual({ columns: 3, rows: 5 });
    expect(hallGridShape(45)).toEqual({ columns: 4, rows: 12 });
    expect(hallGridShape(110)).toEqual({ columns: 6, rows: 19 });
    expect(hallGridShape(0)).toEqual({ columns: 2, rows: 1 });
    // Rows stay within what one screen holds, for every council size the product serves.
    for (let seats = 1; seats <= 110; seats++) {
      const { columns, rows } = hallGridShape(seats);
      expect(columns * rows).toBeGreaterThanOrEqual(seats);
      expect(rows).toBeLessThanOrEqual(20);
    }
  });
});

describe('the named list in the feed', () => {
  it('is taken from the vote.sealed event and kept across a new snapshot', () => {
    const run = runSitting([...OPENING, open, close]);
    let feed = newFeed('sitting');
    feed = feedReceive(feed, { type: 'snapshot', seq: 0, state: run.initial }).feed;
    for (const entry of run.log) {
      const event =
        entry.event.type === 'vote.sealed'
          ? {
              ...entry.event,
              named: [
                { memberId: 'm1', choice: 'for', enteredByUserId: null },
                { memberId: 'm2', choice: 'against', enteredByUserId: 'operator-1' },
              ],
            }
          : entry.event;
      feed = feedReceive(feed, { type: 'event', seq: entry.seq, event }).feed;
    }
    expect(feed.seq).toBe(run.log.length);
    // Who entered a ballot for the member is kept.
    expect(feed.named).toEqual({
      v1: [
        { memberId: 'm1', choice: 'for', enteredByOperator: false },
        { memberId: 'm2', choice: 'against', enteredByOperator: true },
      ],
    });
    const last = run.log.at(-1)!;
    feed = feedReceive(feed, { type: 'snapshot', seq: last.seq, state: last.snapshot }).feed;
    expect(feed.named['v1']).toHaveLength(2);
  });

  it('comes from the state for a page opened after the close', () => {
    const view = viewAfter(open, cast('m1', 'for'), cast('m2', 'against'), close);
    const vote = view.votes['v1']!;
    const late = {
      ...vote,
      tally: { ...vote.tally, choices: { m1: 'for', m2: 'against' }, proxied: ['m2'] },
    };
    // The operator's mark comes with the state too: a page loaded late still shows it.
    expect(namedChoices(newFeed('sitting'), late)).toEqual([
      { memberId: 'm1', choice: 'for', enteredByOperator: false },
      { memberId: 'm2', choice: 'against', enteredByOperator: true },
    ]);
    // Without a seal or choices (an open or secret vote) there is no list.
    expect(
      namedChoices(newFeed('sitting'), { ...vote, tally: { ...vote.tally, choices: null } }),
    ).toBeUndefined();
  });
});
