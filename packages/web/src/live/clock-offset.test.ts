import { describe, expect, it } from 'vitest';
import { offsetFromMessage, offsetFromPong, UNKNOWN_OFFSET } from './clock-offset';

describe('the server clock offset', () => {
  it('takes a first estimate from any message', () => {
    // The server is 90 s ahead; the message took 40 ms to arrive.
    const offset = offsetFromMessage(UNKNOWN_OFFSET, 1_000_090_000, 1_000_000_040);
    expect(offset.offsetMs).toBe(89_960);
  });

  it('prefers a ping answer, placing the server time in the middle of the round trip', () => {
    const first = offsetFromMessage(UNKNOWN_OFFSET, 1_000_090_000, 1_000_000_040);
    // Sent at 1_000_000_100, back at 1_000_000_300: the server read 1_000_090_200 half-way.
    const pong = offsetFromPong(first, 1_000_000_100, 1_000_090_200, 1_000_000_300);
    expect(pong.offsetMs).toBe(90_000);
    expect(offsetFromMessage(pong, 1_000_090_500, 1_000_000_700)).toBe(pong);
  });

  it('keeps the sample with the shortest round trip, until it grows old', () => {
    const quick = offsetFromPong(UNKNOWN_OFFSET, 0, 5_010, 20);
    const slow = offsetFromPong(quick, 1_000, 6_400, 1_800);
    expect(slow).toBe(quick);
    const later = offsetFromPong(quick, 600_000, 606_500, 601_000);
    expect(later.offsetMs).toBe(6_000);
  });
});
