import { describe, expect, it } from 'vitest';
import type { SittingStatus } from '../vocabulary.js';
import type { SittingCommand } from './sitting.commands.js';
import { decide } from './sitting.decider.js';
import { fixtureSetup, must, openWithPresent, startRun, step } from './sitting.fixtures.js';
import { initialSittingState } from './sitting.state.js';

const lifecycle: SittingCommand[] = [
  { type: 'sitting.convene' },
  { type: 'sitting.open' },
  { type: 'sitting.suspend' },
  { type: 'sitting.resume' },
  { type: 'sitting.close' },
];

// From each status, which lifecycle command is accepted and where it leads.
const TRANSITIONS: ReadonlyArray<[SittingStatus, string, SittingStatus | null]> = [
  ['draft', 'sitting.convene', 'convened'],
  ['draft', 'sitting.open', null],
  ['draft', 'sitting.suspend', null],
  ['draft', 'sitting.resume', null],
  ['draft', 'sitting.close', null],
  ['convened', 'sitting.convene', null],
  ['convened', 'sitting.open', 'open'],
  ['convened', 'sitting.suspend', null],
  ['convened', 'sitting.close', null],
  ['open', 'sitting.open', null],
  ['open', 'sitting.suspend', 'suspended'],
  ['open', 'sitting.resume', null],
  ['open', 'sitting.close', 'closed'],
  ['suspended', 'sitting.suspend', null],
  ['suspended', 'sitting.resume', 'open'],
  ['suspended', 'sitting.close', 'closed'],
  ['suspended', 'sitting.open', null],
  ['closed', 'sitting.open', null],
  ['closed', 'sitting.resume', null],
  ['closed', 'sitting.close', null],
];

const PATHS: Record<SittingStatus, SittingCommand[]> = {
  draft: [],
  convened: lifecycle.slice(0, 1),
  open: lifecycle.slice(0, 2),
  suspended: lifecycle.slice(0, 3),
  closed: lifecycle.slice(0, 2).concat([{ type: 'sitting.close' }]),
};

describe('sitting lifecycle', () => {
  it.each(TRANSITIONS)('from %s, %s -> %s', (from, type, to) => {
    const run = startRun(fixtureSetup({ initialStatus: 'draft' }));
    for (const command of PATHS[from]) must(run, command);
    expect(run.state.status).toBe(from);
    const decision = step(run, { type } as SittingCommand);
    if (to === null) {
      expect(decision).toEqual({
        ok: false,
        rejection: { code: 'invalid_transition', facts: { command: type, status: from } },
      });
    } else {
      expect(decision.ok).toBe(true);
      expect(run.state.status).toBe(to);
    }
  });

  it('records when it opened and closed', () => {
    const run = startRun();
    must(run, { type: 'sitting.open' });
    const openedAt = run.now;
    must(run, { type: 'sitting.close' });
    expect(run.state.openedAt).toBe(openedAt);
    expect(run.state.closedAt).toBe(run.now);
  });

  it('puts the members, with their names, into the opening event', () => {
    const setup = fixtureSetup();
    const run = startRun(setup);
    const decision = step(run, { type: 'sitting.open' });
    expect(decision).toEqual({
      ok: true,
      events: [{ type: 'sitting.opened', members: setup.members, at: run.now }],
    });
  });

  it('will not suspend or close during a vote or a quorum check', () => {
    const run = startRun();
    openWithPresent(run, 10);
    must(run, { type: 'quorum.start', checkId: 'q1' });
    expect(step(run, { type: 'sitting.suspend' })).toMatchObject({
      ok: false,
      rejection: { code: 'quorum_check_running', facts: { checkId: 'q1' } },
    });
    for (const member of run.state.setup.members.slice(0, 10)) {
      must(run, { type: 'presence.confirm', memberId: member.id }, 10);
    }
    must(run, { type: 'quorum.close', by: 'operator' });
    must(run, {
      type: 'vote.open',
      voteId: 'v1',
      subject: 'S',
      itemId: null,
      kind: 'open',
      majority: 'pl.simple',
      durationMs: 60_000,
    });
    expect(step(run, { type: 'sitting.close' })).toMatchObject({
      ok: false,
      rejection: { code: 'vote_in_progress', facts: { voteId: 'v1' } },
    });
  });

  it('takes the floor back when suspending', () => {
    const run = startRun();
    openWithPresent(run, 10);
    must(run, {
      type: 'speaker.request',
      requestId: 'r1',
      speaker: { kind: 'member', memberId: 'm01' },
      speechType: 'normal',
    });
    must(run, { type: 'speaker.grant' });
    const events = must(run, { type: 'sitting.suspend', reason: 'break' }, 200_000);
    expect(events.map((event) => event.type)).toEqual(['speaker.ended', 'sitting.suspended']);
    expect(events[0]).toMatchObject({ reason: 'suspended', spokeMs: 200_000, overranMs: 20_000 });
    expect(run.state.currentSpeaker).toBeNull();
  });

  it('refuses an impossible setup', () => {
    expect(() => initialSittingState(fixtureSetup({ statutorySize: 0 }))).toThrow(RangeError);
    expect(() =>
      initialSittingState(
        fixtureSetup({
          statutorySize: 2,
          members: [
            { id: 'a', name: 'A' },
            { id: 'b', name: 'B' },
            { id: 'c', name: 'C' },
          ],
        }),
      ),
    ).toThrow(RangeError);
  });
});

describe('quorum check and presence', () => {
  it('is a roll call: who confirmed is present, everyone else absent', () => {
    const run = startRun(fixtureSetup({ mode: 'remote' }));
    openWithPresent(run, 3);
    const [started] = must(run, { type: 'quorum.start', checkId: 'q1' });
    expect(started).toMatchObject({ durationMs: 120_000, endsAt: run.now + 120_000 });
    for (const memberId of ['m04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10']) {
      must(run, { type: 'presence.confirm', memberId }, 500);
    }
    must(run, { type: 'presence.mark', memberId: 'm01', present: true });
    expect(step(run, { type: 'presence.confirm', memberId: 'm04' })).toMatchObject({
      ok: false,
      rejection: { code: 'already_confirmed' },
    });
    expect(step(run, { type: 'quorum.close', by: 'system' })).toMatchObject({
      ok: false,
      rejection: { code: 'deadline_not_reached' },
    });
    expect(step(run, { type: 'presence.confirm', memberId: 'm11' }, 120_000)).toMatchObject({
      ok: false,
      rejection: { code: 'deadline_passed' },
    });
    const [closed] = must(run, { type: 'quorum.close', by: 'system' });
    expect(closed).toMatchObject({
      type: 'quorum.check_closed',
      result: { rule: 'at_least_half', statutorySize: 15, required: 8, present: 8, met: true },
    });
    expect(run.state.presence.m01?.present).toBe(true);
    expect(run.state.presence.m02?.present).toBe(false);
    expect(run.state.presence.m10?.present).toBe(true);
    expect(run.state.quorumCheck).toBeNull();
  });

  it('uses a shorter window in the hall', () => {
    const run = startRun(fixtureSetup({ mode: 'hall' }));
    openWithPresent(run, 0);
    expect(must(run, { type: 'quorum.start', checkId: 'q1' })[0]).toMatchObject({
      durationMs: 30_000,
    });
  });

  it('records arrivals and departures with their time, refusing no-ops and strangers', () => {
    const run = startRun();
    must(run, { type: 'sitting.open' });
    expect(step(run, { type: 'presence.mark', memberId: 'm01', present: false })).toMatchObject({
      ok: false,
      rejection: { code: 'unchanged' },
    });
    expect(step(run, { type: 'presence.mark', memberId: 'zz', present: true })).toMatchObject({
      ok: false,
      rejection: { code: 'unknown_member', facts: { memberId: 'zz' } },
    });
    must(run, { type: 'presence.mark', memberId: 'm01', present: true });
    expect(run.state.presence.m01).toEqual({ present: true, since: run.now });
    must(run, { type: 'sitting.suspend' });
    must(run, { type: 'presence.mark', memberId: 'm01', present: false });
    expect(run.state.presence.m01).toEqual({ present: false, since: run.now });
  });

  it('decides nothing before the sitting opens', () => {
    const state = initialSittingState(fixtureSetup());
    expect(decide(state, { type: 'quorum.start', checkId: 'q' }, 0)).toMatchObject({
      ok: false,
      rejection: { code: 'sitting_not_open', facts: { status: 'convened' } },
    });
  });
});
