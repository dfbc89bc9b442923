import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockOf, instantOnClock } from './council-clock';

describe('the council’s clock', () => {
  it('reads a wall-clock time in the council’s zone, summer and winter', () => {
    expect(instantOnClock('2026-10-27', '10:01:05', 'Europe/Warsaw')).toBe(
      '2026-10-27T09:01:05.000Z',
    );
    expect(instantOnClock('2026-07-01', '10:00', 'Europe/Warsaw')).toBe('2026-07-01T08:00:00.000Z');
    expect(instantOnClock('2026-07-01', '10:00', 'Europe/Sofia')).toBe('2026-07-01T07:00:00.000Z');
    expect(instantOnClock('2026-07-01', '10:00', 'UTC')).toBe('2026-07-01T10:00:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    for (const [date, time] of [
      ['27.10.2026', '10:00'],
      ['2026-02-30', '10:00'],
      ['2026-10-27', '25:00'],
      ['2026-10-27', '10:00:61'],
      ['', ''],
    ] as const) {
      expect(instantOnClock(date, time, 'Europe/Warsaw')).toBeNull();
    }
    expect(instantOnClock('2026-10-27', '10:00', 'Nowhere/Atlantis')).toBeNull();
  });

  it('gives back the instant it shows, to the second', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom('Europe/Warsaw', 'Europe/Sofia', 'Europe/Belgrade', 'UTC'),
        (ms, zone) => {
          const instant = new Date(Math.floor(ms / 1000) * 1000).toISOString();
          const { date, time } = clockOf(instant, zone);
          const back = instantOnClock(date, time, zone)!;
          // In the hour repeated when summer time ends, either reading of the clock is right.
          expect(clockOf(back, zone)).toEqual({ date, time });
        },
      ),
    );
  });
});
