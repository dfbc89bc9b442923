import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VOTE_KINDS } from '../vote-tally.js';
import { evolveAll } from './evolve-all.js';
import { fixtureSetup, openWithPresent, startRun, step } from './sitting.fixtures.js';
import type { SittingCommand } from './sitting.commands.js';
import { evolve } from './sitting.evolve.js';
import { initialSittingState } from './sitting.state.js';

const MEMBERS = 9;
const memberId = fc.integer({ min: 1, max: MEMBERS }).map((n) => `m0${String(n)}`);

/** What happens during a vote: ballots (some refused), now and then an extension or a new vote. */
const action = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({ cast: memberId, choice: fc.constantFrom('for', 'against', 'abstain') }),
  },
  { weight: 1, arbitrary: fc.constant({ extend: true as const }) },
  { weight: 1, arbitrary: fc.record({ next: fc.constantFrom(...VOTE_KINDS) }) },
);

describe('folding many events at once', () => {
  it('gives exactly the state that folding them one by one gives, wherever the log is cut', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VOTE_KINDS),
        fc.boolean(),
        fc.integer({ min: 1, max: MEMBERS }),
        fc.array(action, { maxLength: 60 }),
        fc.nat(),
        (kind, ballotChangeAllowed, present, actions, cut) => {
          const setup = fixtureSetup({ statutorySize: MEMBERS, ballotChangeAllowed });
          const run = startRun(setup);
          openWithPresent(run, present);
          let votes = 0;
          const open = (voteKind: string): void => {
            votes++;
            step(run, {
              type: 'vote.open',
              voteId: `v${String(votes)}`,
              subject: `Draft ${String(votes)}`,
              itemId: null,
              kind: voteKind,
              majority: 'pl.simple',
              durationMs: 60_000,
            } as SittingCommand);
          };
          open(kind);
          for (const next of actions) {
            const voteId = run.state.openVoteId ?? `v${String(votes)}`;
            if ('cast' in next) {
              step(
                run,
                {
                  type: 'vote.cast',
                  voteId,
                  memberId: next.cast,
                  choice: next.choice,
                  enteredBy: null,
                },
                10,
              );
            } else if ('extend' in next) {
              step(run, { type: 'vote.extend', voteId, extraMs: 30_000 }, 10);
            } else {
              step(run, { type: 'vote.close', voteId, by: 'operator' }, 10);
              open(next.next);
            }
          }
          const initial = initialSittingState(setup);
          const oneByOne = run.log.reduce(evolve, initial);
          expect(evolveAll(initial, run.log)).toStrictEqual(oneByOne);
          const at = cut % (run.log.length + 1);
          const inTwo = evolveAll(evolveAll(initial, run.log.slice(0, at)), run.log.slice(at));
          expect(inTwo).toStrictEqual(oneByOne);
        },
      ),
      { numRuns: 300 },
    );
  });
});
