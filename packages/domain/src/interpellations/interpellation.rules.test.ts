import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  answerDeadline,
  answeredLate,
  interpellationStatus,
  isOverdue,
  mayAttach,
} from './interpellation.rules.js';

const DAY0 = Date.UTC(1900, 0, 1);
const iso = (day: number) => new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);
const anyDay = fc.integer({ min: 0, max: 100_000 });

describe('answer deadline', () => {
  it.each([
    ['2026-03-01', 14, '2026-03-15'],
    ['2026-02-20', 14, '2026-03-06'],
    ['2024-02-20', 14, '2024-03-05'],
    ['2026-12-25', 14, '2027-01-08'],
    ['2026-03-25', 14, '2026-04-08'],
    ['2026-10-20', 14, '2026-11-03'],
    ['2026-01-31', 30, '2026-03-02'],
  ])('filed %s with %i days is due %s', (filedOn, days, due) => {
    expect(answerDeadline(filedOn, days)).toBe(due);
  });

  it('is 14 days by default (PL)', () => {
    expect(answerDeadline('2026-11-24')).toBe('2026-12-08');
  });

  it('refuses a bad date or a number of days that is not a positive whole number', () => {
    expect(() => answerDeadline('2026-02-30')).toThrow(RangeError);
    expect(() => answerDeadline('2026-03-01', 0)).toThrow(RangeError);
    expect(() => answerDeadline('2026-03-01', 1.5)).toThrow(RangeError);
  });

  it('adds calendar days exactly as the UTC calendar does', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -1000, max: 1000 }), (day, n) => {
        expect(addCalendarDays(iso(day), n)).toBe(iso(day + n));
      }),
    );
  });

  it('is always after the filing day, and later for more days', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 365 }), (day, n) => {
        const filed = iso(day);
        expect(answerDeadline(filed, n) > filed).toBe(true);
        expect(answerDeadline(filed, n + 1) > answerDeadline(filed, n)).toBe(true);
      }),
    );
  });
});

describe('overdue', () => {
  it.each([
    ['2026-03-15', null, '2026-03-15', false],
    ['2026-03-15', null, '2026-03-16', true],
    ['2026-03-15', '2026-03-20', '2026-03-21', false],
    ['2026-03-15', '2026-03-10', '2026-03-11', false],
  ])('due %s, answered %s, today %s: %s', (deadline, answeredOn, today, overdue) => {
    expect(isOverdue(deadline, answeredOn, today)).toBe(overdue);
  });

  it('holds exactly when unanswered and today is after the deadline', () => {
    fc.assert(
      fc.property(anyDay, fc.option(anyDay), anyDay, (due, answered, today) => {
        const answeredOn = answered === null ? null : iso(answered);
        expect(isOverdue(iso(due), answeredOn, iso(today))).toBe(answered === null && today > due);
      }),
    );
  });

  it('never holds on or before the deadline of a fresh filing', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 14 }), (filed, elapsed) => {
        const deadline = answerDeadline(iso(filed));
        expect(isOverdue(deadline, null, iso(filed + elapsed))).toBe(false);
        expect(isOverdue(deadline, null, iso(filed + 15))).toBe(true);
      }),
    );
  });

  it('calls an answer after the deadline late', () => {
    expect(answeredLate('2026-03-15', '2026-03-15')).toBe(false);
    expect(answeredLate('2026-03-15', '2026-03-16')).toBe(true);
  });
});

describe('status and files', () => {
  it('is answered once there is an answer', () => {
    expect(interpellationStatus(null)).toBe('filed');
    expect(interpellationStatus('The answer')).toBe('answered');
  });

  it.each([
    ['question', { isAuthor: true, isOffice: false }, 'filed', true],
    ['question', { isAuthor: true, isOffice: false }, 'answered', false],
    ['question', { isAuthor: false, isOffice: true }, 'filed', false],
    ['answer', { isAuthor: false, isOffice: true }, 'answered', true],
    ['answer', { isAuthor: false, isOffice: true }, 'filed', true],
    ['answer', { isAuthor: true, isOffice: false }, 'answered', false],
  ] as const)('%s file by %o when %s: %s', (role, actor, status, allowed) => {
    expect(mayAttach(role, actor, status)).toBe(allowed);
  });
});
