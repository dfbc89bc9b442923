import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chairConflict,
  isIsoDate,
  overlappingTerm,
  spansOverlap,
  spanWithin,
  termOn,
  type DateSpan,
} from './administration.rules.js';

/** Days as numbers and back, so that properties can reason with arithmetic. */
const DAY0 = Date.UTC(2020, 0, 1);
const iso = (day: number) => new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);
const span = fc
  .tuple(fc.integer({ min: 0, max: 4000 }), fc.option(fc.integer({ min: 0, max: 400 })))
  .map(([start, length]): DateSpan => ({
    startsOn: iso(start),
    endsOn: length === null ? null : iso(start + length),
  }));
const days = (s: DateSpan, limit: number) => {
  const start = Math.round((Date.parse(s.startsOn) - DAY0) / 86_400_000);
  const end = s.endsOn === null ? limit : Math.round((Date.parse(s.endsOn) - DAY0) / 86_400_000);
  return { start, end };
};

describe('calendar dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['26-01-01', false],
    ['2026-1-01', false],
  ])('%s is a date: %s', (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });

  it('agrees with the calendar for every day of a few centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => isIsoDate(iso(day))),
    );
  });
});

describe('periods', () => {
  it('overlap exactly when they share a day, whichever way round', () => {
    fc.assert(
      fc.property(span, span, (a, b) => {
        const limit = 10_000;
        const x = days(a, limit);
        const y = days(b, limit);
        const shareDay = Math.max(x.start, y.start) <= Math.min(x.end, y.end);
        return spansOverlap(a, b) === shareDay && spansOverlap(b, a) === shareDay;
      }),
    );
  });

  it('a period within another overlaps it', () => {
    fc.assert(fc.property(span, span, (a, b) => !spanWithin(a, b) || spansOverlap(a, b)));
  });

  it('an open-ended period lies only within an open-ended one', () => {
    expect(
      spanWithin(
        { startsOn: '2024-05-07', endsOn: null },
        { startsOn: '2024-05-07', endsOn: '2029-04-30' },
      ),
    ).toBe(false);
    expect(
      spanWithin(
        { startsOn: '2024-05-07', endsOn: null },
        { startsOn: '2024-05-01', endsOn: null },
      ),
    ).toBe(true);
    expect(
      spanWithin(
        { startsOn: '2024-05-01', endsOn: '2024-05-02' },
        { startsOn: '2024-05-02', endsOn: null },
      ),
    ).toBe(false);
  });
});

describe('terms of office', () => {
  const terms = [
    { id: 't1', startsOn: '2018-11-21', endsOn: '2024-05-06' },
    { id: 't2', startsOn: '2024-05-07', endsOn: null },
  ];

  it('refuses a term that shares a day with another and ignores the term itself', () => {
    expect(
      overlappingTerm({ id: 'new', startsOn: '2024-05-06', endsOn: '2024-05-06' }, terms),
    ).toBe(terms[0]);
    expect(
      overlappingTerm({ id: 'new', startsOn: '2014-01-01', endsOn: '2018-11-20' }, terms),
    ).toBeNull();
    expect(
      overlappingTerm({ id: 't2', startsOn: '2024-05-07', endsOn: '2029-05-06' }, terms),
    ).toBeNull();
  });

  it('finds the term in force on a day', () => {
    expect(termOn('2024-05-06', terms)?.id).toBe('t1');
    expect(termOn('2030-01-01', terms)?.id).toBe('t2');
    expect(termOn('2010-01-01', terms)).toBeNull();
  });

  it('never accepts a set of terms of which two overlap', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 8 }), (spans) => {
        const accepted: { id: string; startsOn: string; endsOn: string | null }[] = [];
        for (const [index, s] of spans.entries()) {
          const candidate = { id: String(index), ...s };
          if (overlappingTerm(candidate, accepted) === null) accepted.push(candidate);
        }
        return accepted.every((a, i) => accepted.every((b, j) => i === j || !spansOverlap(a, b)));
      }),
    );
  });
});

describe('one chair at a time', () => {
  const seat = (
    id: string,
    role: 'chair' | 'member',
    startsOn: string,
    endsOn: string | null,
    bodyId = 'b',
  ) => ({
    id,
    bodyId,
    role,
    startsOn,
    endsOn,
  });

  it('refuses a second chair of a body while the first holds the seat', () => {
    const first = seat('1', 'chair', '2024-05-07', null);
    expect(chairConflict(seat('2', 'chair', '2025-01-01', null), [first])).toBe(first);
    expect(chairConflict(seat('2', 'member', '2025-01-01', null), [first])).toBeNull();
    expect(chairConflict(seat('2', 'chair', '2025-01-01', null, 'other'), [first])).toBeNull();
    expect(chairConflict(seat('1', 'chair', '2024-05-07', '2025-01-01'), [first])).toBeNull();
  });

  it('lets a new chair follow one whose seat has ended', () => {
    const first = seat('1', 'chair', '2024-05-07', '2025-01-31');
    expect(chairConflict(seat('2', 'chair', '2025-02-01', null), [first])).toBeNull();
    expect(chairConflict(seat('2', 'chair', '2025-01-31', null), [first])).toBe(first);
  });

  it('never leaves a body with two chairs on one day', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 8 }), (spans) => {
        const seats: ReturnType<typeof seat>[] = [];
        for (const [index, s] of spans.entries()) {
          const candidate = seat(String(index), 'chair', s.startsOn, s.endsOn);
          if (chairConflict(candidate, seats) === null) seats.push(candidate);
        }
        return seats.every((a) => seats.every((b) => a === b || !spansOverlap(a, b)));
      }),
    );
  });
});
