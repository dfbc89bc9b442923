import { describe, expect, it } from 'vitest';
import { bodyCode, resolutionsOf } from './resolutions.rules.js';
import type { SittingCommand } from './sitting/sitting.commands.js';
import { must, openWithPresent, startRun, type FixtureRun } from './sitting/sitting.fixtures.js';

const DRAFTS = new Set(['a2-1', 'a2-2']);

/** A named vote on `itemId` in which `yes` of the ten present vote for and the rest against. */
function vote(run: FixtureRun, voteId: string, itemId: string, yes: number): void {
  must(run, {
    type: 'vote.open',
    voteId,
    subject: `Vote ${voteId}`,
    itemId,
    kind: 'named',
    majority: 'pl.simple',
    durationMs: 60_000,
  });
  for (let i = 1; i <= 10; i++) {
    const memberId = `m${String(i).padStart(2, '0')}`;
    const command: SittingCommand = {
      type: 'vote.cast',
      voteId,
      memberId,
      choice: i <= yes ? 'for' : 'against',
    };
    must(run, command);
  }
  must(run, { type: 'vote.close', voteId, by: 'operator' });
}

describe('what a sitting resolved', () => {
  it('takes each draft resolution’s last vote, in the agenda’s order, with its number on the agenda', () => {
    const run = startRun();
    openWithPresent(run, 10);
    vote(run, 'street', 'a2-2', 3); // rejected
    vote(run, 'amendment', 'a2-1', 4); // an amendment rejected...
    vote(run, 'budget', 'a2-1', 8); // ...then the whole adopted
    vote(run, 'opening', 'a1', 9); // not a draft resolution
    expect(resolutionsOf(run.state, DRAFTS)).toEqual([
      {
        itemId: 'a2-1',
        itemNumber: '2.1',
        title: 'Budget amendment',
        voteId: 'budget',
        adopted: true,
        decidedAt: run.state.votes['budget']!.result!.closedAt,
      },
      expect.objectContaining({
        itemId: 'a2-2',
        itemNumber: '2.2',
        voteId: 'street',
        adopted: false,
      }),
    ]);
  });

  it('passes over annulled votes and items never voted on', () => {
    const run = startRun();
    openWithPresent(run, 10);
    vote(run, 'budget', 'a2-1', 8);
    must(run, { type: 'vote.annul', voteId: 'budget', reason: 'The count was wrong' });
    expect(resolutionsOf(run.state, DRAFTS)).toEqual([]);
    vote(run, 'budget-again', 'a2-1', 2);
    expect(resolutionsOf(run.state, DRAFTS)).toEqual([
      expect.objectContaining({ itemId: 'a2-1', voteId: 'budget-again', adopted: false }),
    ]);
  });
});

describe('a body’s code', () => {
  it.each([
    ['Rada Miejska w Wierzbowie', 'RMW'],
    ['Общински съвет Кюстендил', 'ОК'],
    ['Skupština opštine Vrbas', 'SV'],
    ['komisja budżetowa', 'KOM'],
  ])('%s -> %s', (name, code) => {
    expect(bodyCode(name)).toBe(code);
  });
});
