import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_QUORUM_RULE,
  checkQuorum,
  defaultQuorumCheckDurationMs,
  quorumRequired,
} from './quorum.rules.js';

describe('quorumRequired', () => {
  it.each([
    // [statutory size, at least half (PL), more than half (BG, RS)]
    [1, 1, 1],
    [2, 1, 2],
    [3, 2, 2],
    [15, 8, 8],
    [20, 10, 11],
    [21, 11, 11],
    [45, 23, 23],
    [51, 26, 26],
    [100, 50, 51],
  ])('statutory %i: at least half %i, more than half %i', (size, atLeast, moreThan) => {
    expect(quorumRequired('at_least_half', size)).toBe(atLeast);
    expect(quorumRequired('more_than_half', size)).toBe(moreThan);
  });

  it('refuses sizes that are not whole positive numbers', () => {
    expect(() => quorumRequired('at_least_half', 0)).toThrow(RangeError);
    expect(() => quorumRequired('more_than_half', 10.5)).toThrow(RangeError);
  });

  it('is the smallest whole number satisfying the rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        const atLeast = quorumRequired('at_least_half', n);
        expect(2 * atLeast >= n && 2 * (atLeast - 1) < n).toBe(true);
        const moreThan = quorumRequired('more_than_half', n);
        expect(2 * moreThan > n && 2 * (moreThan - 1) <= n).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkQuorum', () => {
  it.each([
    ['at_least_half', 15, 8, true],
    ['at_least_half', 15, 7, false],
    ['at_least_half', 20, 10, true],
    ['more_than_half', 20, 10, false],
    ['more_than_half', 20, 11, true],
    ['more_than_half', 1, 0, false],
    ['at_least_half', 1, 1, true],
    ['at_least_half', 100, 50, true],
    ['more_than_half', 100, 50, false],
  ] as const)('%s of %i with %i present: met %s', (rule, size, present, met) => {
    const result = checkQuorum(rule, size, present);
    expect(result).toEqual({
      rule,
      statutorySize: size,
      required: quorumRequired(rule, size),
      present,
      met,
    });
  });

  it('uses the country defaults of DESIGN.md section 4', () => {
    expect(DEFAULT_QUORUM_RULE).toEqual({
      PL: 'at_least_half',
      BG: 'more_than_half',
      RS: 'more_than_half',
    });
  });
});

describe('defaultQuorumCheckDurationMs', () => {
  it('gives remote and hybrid sittings two minutes for the stream delay, the hall less', () => {
    expect(defaultQuorumCheckDurationMs('remote')).toBe(120_000);
    expect(defaultQuorumCheckDurationMs('hybrid')).toBe(120_000);
    expect(defaultQuorumCheckDurationMs('hall')).toBe(30_000);
  });
});
