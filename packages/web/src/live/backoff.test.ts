import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, reconnectDelay } from './backoff';

describe('reconnectDelay', () => {
  it('doubles from half a second up to the cap, between half and all of each step', () => {
    const low = [0, 1, 2, 3, 4, 5, 6].map((attempt) => reconnectDelay(attempt, () => 0));
    const high = [0, 1, 2, 3, 4, 5, 6].map((attempt) => reconnectDelay(attempt, () => 1));
    expect(low).toEqual([250, 500, 1_000, 2_000, 4_000, 7_500, 7_500]);
    expect(high).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
  });

  it('spreads clients dropped together over the whole window', () => {
    const delays = [0.1, 0.3, 0.5, 0.7, 0.9].map((r) => reconnectDelay(3, () => r));
    expect(new Set(delays).size).toBe(5);
  });

  it('always waits a positive time, never more than the cap', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (a, r) => {
        const delay = reconnectDelay(a, () => r);
        expect(delay).toBeGreaterThanOrEqual(BACKOFF_BASE_MS / 2);
        expect(delay).toBeLessThanOrEqual(BACKOFF_CAP_MS);
      }),
    );
  });
});
