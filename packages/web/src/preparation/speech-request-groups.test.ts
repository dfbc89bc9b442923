import type { SpeechRequest } from '@veche/protocol';
import { describe, expect, it } from 'vitest';
import {
  formatFiledAt,
  lastDayPassed,
  speechRequestGroups,
  speechRequestStatusKey,
  waitingForDecision,
} from './speech-request-groups';

const request = (
  id: string,
  itemId: string,
  itemNumber: string | null,
  filedAt: string,
  change: Partial<SpeechRequest> = {},
): SpeechRequest => ({
  id,
  sittingId: 's',
  itemId,
  itemNumber,
  itemTitle: `Item ${itemId}`,
  name: `Resident ${id}`,
  email: `${id}@example.org`,
  language: 'bg',
  summary: 'On the budget',
  status: 'pending',
  filedAt,
  verifiedAt: filedAt,
  reviewedAt: null,
  rejectionReason: null,
  attachment: null,
  queued: false,
  ...change,
});

describe('requests to speak by agenda item', () => {
  it('follows the agenda’s order, numbers compared part by part, and keeps the filing order within an item', () => {
    const groups = speechRequestGroups([
      request('r1', 'b10', '2.10', '2026-09-26T10:00:00Z'),
      request('r2', 'a', '1', '2026-09-26T09:00:00Z'),
      request('r3', 'b9', '2.9', '2026-09-25T09:00:00Z'),
      request('r4', 'a', '1', '2026-09-24T09:00:00Z'),
      request('r5', 'c', '10', '2026-09-24T09:00:00Z'),
      request('r6', 'b', '2', '2026-09-24T09:00:00Z'),
    ]);
    expect(groups.map((group) => [group.number, group.requests.map((one) => one.id)])).toEqual([
      ['1', ['r4', 'r2']],
      ['2', ['r6']],
      ['2.9', ['r3']],
      ['2.10', ['r1']],
      ['10', ['r5']],
    ]);
  });

  it('puts the items removed from the agenda last, with their titles', () => {
    const groups = speechRequestGroups([
      request('r1', 'gone', null, '2026-09-24T09:00:00Z'),
      request('r2', 'a', '1', '2026-09-25T09:00:00Z'),
    ]);
    expect(groups.map(({ itemId, number, title }) => ({ itemId, number, title }))).toEqual([
      { itemId: 'a', number: '1', title: 'Item a' },
      { itemId: 'gone', number: null, title: 'Item gone' },
    ]);
  });

  it('has no group when there is no request', () => {
    expect(speechRequestGroups([])).toEqual([]);
  });
});

describe('the status the office reads', () => {
  const at = '2026-09-24T09:00:00Z';
  it.each([
    ['unverified', false, 'unverified'],
    ['pending', false, 'pending'],
    ['approved', false, 'approvedNotQueued'],
    ['approved', true, 'approvedQueued'],
    ['rejected', false, 'rejected'],
  ] as const)('%s (queued: %s) reads as %s', (status, queued, key) => {
    expect(speechRequestStatusKey(request('r', 'a', '1', at, { status, queued }))).toBe(key);
  });
});

describe('the requests waiting for a decision', () => {
  it('counts the verified ones not yet decided, not those still unverified', () => {
    const at = '2026-09-24T09:00:00Z';
    const requests = (['unverified', 'pending', 'approved', 'pending', 'rejected'] as const).map(
      (status, index) => request(`r${String(index)}`, 'a', '1', at, { status }),
    );
    expect(waitingForDecision(requests)).toBe(2);
    expect(waitingForDecision([])).toBe(0);
  });
});

describe('the last day for requests', () => {
  // 27 September 2026 ends at 21:00 UTC in Sofia (UTC+3 in summer).
  it.each([
    ['2026-09-27T20:59:59Z', false],
    ['2026-09-27T21:00:00Z', true],
    ['2026-09-26T12:00:00Z', false],
  ])('at %s, on the council’s clock, has passed: %s', (now, passed) => {
    expect(lastDayPassed('2026-09-27', Date.parse(now), 'Europe/Sofia')).toBe(passed);
  });

  it('falls back to UTC for a zone it does not know', () => {
    expect(lastDayPassed('2026-09-27', Date.parse('2026-09-28T00:30:00Z'), 'Nowhere/City')).toBe(
      true,
    );
  });
});

describe('the filing time', () => {
  it('is written on the council’s clock', () => {
    expect(formatFiledAt('2026-09-26T21:30:00Z', 'Europe/Sofia', 'en-GB')).toContain('27 Sept');
    expect(formatFiledAt('2026-09-26T21:30:00Z', 'Europe/Sofia', 'en-GB')).toContain('00:30');
  });
});
