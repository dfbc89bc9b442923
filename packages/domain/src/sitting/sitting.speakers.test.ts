import { describe, expect, it } from 'vitest';
import { numberAgenda } from './agenda-tree.js';
import type { SittingCommand } from './sitting.commands.js';
import { fixtureSetup, must, openWithPresent, startRun, step } from './sitting.fixtures.js';
import type { SpeechType } from './speaker-queue.js';

const request = (
  requestId: string,
  memberId: string,
  speechType: SpeechType = 'normal',
  itemId?: string,
): SittingCommand => ({
  type: 'speaker.request',
  requestId,
  speaker: { kind: 'member', memberId },
  speechType,
  itemId: itemId ?? null,
});

describe('speakers in the sitting', () => {
  it('queues formal motions first and grants in queue order', () => {
    const run = startRun();
    openWithPresent(run, 10);
    must(run, request('r1', 'm01'));
    must(run, request('r2', 'm02', 'ad_vocem'));
    must(run, request('r3', 'm03', 'formal_motion'));
    must(run, {
      type: 'speaker.request',
      requestId: 'r4',
      speaker: { kind: 'resident', requestId: 'rr-7', name: 'Ivana Petrova' },
      speechType: 'normal',
      itemId: 'a2-1',
    });
    expect(run.state.speakerQueue.map((entry) => entry.requestId)).toEqual([
      'r3',
      'r2',
      'r1',
      'r4',
    ]);
    must(run, { type: 'speaker.grant' });
    expect(run.state.currentSpeaker?.requestId).toBe('r3');
    expect(step(run, { type: 'speaker.grant' })).toMatchObject({
      ok: false,
      rejection: { code: 'floor_taken', facts: { requestId: 'r3' } },
    });
    must(run, { type: 'speaker.end' });
    must(run, { type: 'speaker.grant', requestId: 'r4' });
    expect(run.state.currentSpeaker?.speaker).toEqual({
      kind: 'resident',
      requestId: 'rr-7',
      name: 'Ivana Petrova',
    });
  });

  it('uses the item’s limit, else the sitting default, and extends it', () => {
    const run = startRun();
    openWithPresent(run, 10);
    must(run, { type: 'agenda.set_current', itemId: 'a2' });
    must(run, request('r1', 'm01'));
    const [granted] = must(run, { type: 'speaker.grant' });
    expect(granted).toMatchObject({ limitMs: 300_000, endsAt: run.now + 300_000 });
    const [extended] = must(run, { type: 'speaker.extend', extraMs: 60_000 });
    expect(extended).toMatchObject({ endsAt: run.now - 1_000 + 360_000 });
    const [ended] = must(run, { type: 'speaker.end' }, 400_000);
    expect(ended).toMatchObject({ spokeMs: 401_000, overranMs: 41_000, reason: 'ended' });
    must(run, { type: 'agenda.set_current', itemId: 'a1' });
    must(run, request('r2', 'm02'));
    expect(must(run, { type: 'speaker.grant' })[0]).toMatchObject({ limitMs: 180_000 });
  });

  it.each<[string, SittingCommand, string]>([
    ['an absent member', request('r9', 'm12'), 'not_present'],
    ['a stranger', request('r9', 'zz'), 'unknown_member'],
    ['an unknown item', request('r9', 'm02', 'normal', 'zz'), 'unknown_item'],
    ['a reused request id', request('r1', 'm02'), 'duplicate_id'],
    ['a second request of the same type', request('r9', 'm01'), 'already_requested'],
    [
      'withdrawing what was never asked',
      { type: 'speaker.withdraw', requestId: 'r9' },
      'unknown_request',
    ],
    ['granting an unknown request', { type: 'speaker.grant', requestId: 'r9' }, 'unknown_request'],
    ['ending when nobody speaks', { type: 'speaker.end' }, 'floor_free'],
    ['extending when nobody speaks', { type: 'speaker.extend', extraMs: 1000 }, 'floor_free'],
  ])('refuses %s', (_name, command, code) => {
    const run = startRun();
    openWithPresent(run, 10);
    must(run, request('r1', 'm01'));
    expect(step(run, command)).toMatchObject({ ok: false, rejection: { code } });
  });

  it('lets a member withdraw, and says when the queue is empty', () => {
    const run = startRun();
    openWithPresent(run, 10);
    must(run, request('r1', 'm01'));
    must(run, request('r2', 'm01', 'ad_vocem'));
    must(run, { type: 'speaker.withdraw', requestId: 'r1' });
    must(run, { type: 'speaker.withdraw', requestId: 'r2' });
    expect(step(run, { type: 'speaker.grant' })).toEqual({
      ok: false,
      rejection: { code: 'queue_empty', facts: {} },
    });
  });
});

describe('agenda in the sitting', () => {
  it('edits freely before opening and records every change once open', () => {
    const run = startRun(fixtureSetup({ initialStatus: 'draft' }));
    must(run, { type: 'agenda.amend', change: { op: 'remove', itemId: 'a3' } });
    must(run, { type: 'sitting.convene' });
    must(run, { type: 'sitting.open' });
    const [amended] = must(run, {
      type: 'agenda.amend',
      change: {
        op: 'insert',
        parentId: 'a2',
        position: 0,
        item: { id: 'urgent', title: 'Urgent draft', speakingLimitMs: 120_000 },
      },
    });
    expect(amended).toMatchObject({ type: 'agenda.amended', basisVoteId: null });
    expect(numberAgenda(run.state.agenda).map((item) => `${item.number} ${item.id}`)).toEqual([
      '1 a1',
      '2 a2',
      '2.1 urgent',
      '2.2 a2-1',
      '2.3 a2-2',
    ]);
  });

  it('will not remove the current item or the item being voted on', () => {
    const run = startRun();
    openWithPresent(run, 10);
    must(run, { type: 'agenda.set_current', itemId: 'a2-1' });
    expect(step(run, { type: 'agenda.amend', change: { op: 'remove', itemId: 'a2' } })).toEqual({
      ok: false,
      rejection: { code: 'item_in_use', facts: { itemId: 'a2-1', by: 'current_item' } },
    });
    must(run, { type: 'agenda.set_current', itemId: 'a1' });
    must(run, {
      type: 'vote.open',
      voteId: 'v1',
      subject: 'S',
      itemId: 'a2-2',
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 60_000,
    });
    expect(
      step(run, { type: 'agenda.amend', change: { op: 'remove', itemId: 'a2-2' } }),
    ).toMatchObject({
      ok: false,
      rejection: { code: 'item_in_use', facts: { by: 'open_vote' } },
    });
  });

  it('ties a change to the vote that approved it, which must have passed', () => {
    const run = startRun();
    openWithPresent(run, 10);
    must(run, {
      type: 'vote.open',
      voteId: 'v1',
      subject: 'Change the agenda',
      itemId: null,
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 60_000,
    });
    const change = { op: 'move', itemId: 'a3', parentId: null, position: 0 } as const;
    expect(step(run, { type: 'agenda.amend', change, basisVoteId: 'v1' })).toMatchObject({
      ok: false,
      rejection: { code: 'invalid_argument' },
    });
    must(run, { type: 'vote.cast', voteId: 'v1', memberId: 'm01', choice: 'for' });
    must(run, { type: 'vote.close', voteId: 'v1', by: 'operator' });
    expect(must(run, { type: 'agenda.amend', change, basisVoteId: 'v1' })[0]).toMatchObject({
      basisVoteId: 'v1',
    });
    expect(step(run, { type: 'agenda.amend', change, basisVoteId: 'v7' })).toMatchObject({
      ok: false,
      rejection: { code: 'unknown_vote' },
    });
  });

  it('freezes the agenda of a closed sitting', () => {
    const run = startRun();
    must(run, { type: 'sitting.open' });
    must(run, { type: 'sitting.close' });
    expect(
      step(run, { type: 'agenda.amend', change: { op: 'remove', itemId: 'a1' } }),
    ).toMatchObject({
      ok: false,
      rejection: { code: 'invalid_transition' },
    });
  });
});
