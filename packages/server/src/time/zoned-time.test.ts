import { describe, expect, it } from 'vitest';
import { instantOf, localDateIn, wallClockIn } from './zoned-time.js';

describe('wall-clock time in a council’s time zone', () => {
  it.each([
    // Winter: Warsaw is UTC+1, Sofia UTC+2, Belgrade UTC+1.
    [
      'Europe/Warsaw',
      { year: 2026, month: 12, day: 1, hour: 10, minute: 0 },
      '2026-12-01T09:00:00.000Z',
    ],
    [
      'Europe/Sofia',
      { year: 2026, month: 9, day: 30, hour: 10, minute: 0 },
      '2026-09-30T07:00:00.000Z',
    ],
    [
      'Europe/Belgrade',
      { year: 2026, month: 7, day: 15, hour: 18, minute: 30 },
      '2026-07-15T16:30:00.000Z',
    ],
  ])('%s %o is %s', (zone, local, iso) => {
    expect(instantOf(local, zone).toISOString()).toBe(iso);
    expect(wallClockIn(new Date(iso), zone)).toEqual(local);
  });

  it('moves a time in the hour skipped in spring to the same time after the change', () => {
    // 2026-03-29 02:30 does not exist in Warsaw (02:00 -> 03:00): 03:30 CEST, 01:30 UTC.
    expect(
      instantOf(
        { year: 2026, month: 3, day: 29, hour: 2, minute: 30 },
        'Europe/Warsaw',
      ).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first of the two 02:30s in the autumn', () => {
    // 2026-10-25 02:30 happens twice in Warsaw; the first is CEST (UTC+2).
    expect(
      instantOf(
        { year: 2026, month: 10, day: 25, hour: 2, minute: 30 },
        'Europe/Warsaw',
      ).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('a council’s calendar day', () => {
  it('is the date on the council’s clock, not in UTC', () => {
    const lateEvening = new Date('2026-11-30T23:30:00Z');
    expect(localDateIn(lateEvening, 'Europe/Warsaw')).toBe('2026-12-01');
    expect(localDateIn(lateEvening, 'UTC')).toBe('2026-11-30');
    expect(localDateIn(new Date('2026-01-05T08:00:00Z'), 'Europe/Belgrade')).toBe('2026-01-05');
  });
});
