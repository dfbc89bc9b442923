import type { SittingCommand } from './sitting.commands.js';
import { decide } from './sitting.decider.js';
import type { Decision } from './sitting.decision.js';
import type { SittingEvent } from './sitting.events.js';
import { evolve } from './sitting.evolve.js';
import { initialSittingState } from './sitting.state.js';
import type { SittingSetup, SittingState } from './sitting.state.js';

/**
 * A fixed clock and predictable ids for tests (DESIGN.md section 9), here rather than in a test
 * file so that the server's tests can build the same sittings.
 */
export const FIXTURE_T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

/** Member ids m01, m02, ... so that sorted order is numeric order. */
export function fixtureMemberIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `m${String(i + 1).padStart(2, '0')}`);
}

export function fixtureSetup(overrides: Partial<SittingSetup> = {}): SittingSetup {
  const memberCount = overrides.members?.length ?? overrides.statutorySize ?? 15;
  return {
    sittingId: 's-20',
    number: 20,
    mode: 'hybrid',
    statutorySize: 15,
    quorumRule: 'at_least_half',
    members: fixtureMemberIds(memberCount).map((id) => ({ id, name: `Member ${id}` })),
    agenda: [
      { id: 'a1', title: 'Opening' },
      {
        id: 'a2',
        title: 'Draft resolutions',
        speakingLimitMs: 300_000,
        children: [
          { id: 'a2-1', title: 'Budget amendment' },
          { id: 'a2-2', title: 'Street name' },
        ],
      },
      { id: 'a3', title: 'Closing' },
    ],
    ballotChangeAllowed: false,
    defaultSpeakingLimitMs: 180_000,
    initialStatus: 'convened',
    ...overrides,
  };
}

/** A sitting being driven command by command, keeping its log. */
export interface FixtureRun {
  state: SittingState;
  readonly log: SittingEvent[];
  now: number;
}

export function startRun(setup: SittingSetup = fixtureSetup()): FixtureRun {
  return { state: initialSittingState(setup), log: [], now: FIXTURE_T0 };
}

/** Decides a command at the run's clock (advanced by `afterMs` first) and folds its events in. */
export function step(run: FixtureRun, command: SittingCommand, afterMs = 1_000): Decision {
  run.now += afterMs;
  const decision = decide(run.state, command, run.now);
  if (decision.ok) {
    run.log.push(...decision.events);
    run.state = decision.events.reduce(evolve, run.state);
  }
  return decision;
}

/** Like `step`, but a rejection is a broken test fixture. */
export function must(run: FixtureRun, command: SittingCommand, afterMs = 1_000): SittingEvent[] {
  const decision = step(run, command, afterMs);
  if (!decision.ok) {
    throw new Error(`${command.type} rejected: ${JSON.stringify(decision.rejection)}`);
  }
  return [...decision.events];
}

/** Opens the sitting and marks the first `present` members present. */
export function openWithPresent(run: FixtureRun, present: number): void {
  if (run.state.status === 'draft') must(run, { type: 'sitting.convene' });
  must(run, { type: 'sitting.open' });
  for (const member of run.state.setup.members.slice(0, present)) {
    must(run, { type: 'presence.mark', memberId: member.id, present: true }, 100);
  }
}
