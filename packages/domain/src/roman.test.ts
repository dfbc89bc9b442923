import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromRoman, toRoman } from './roman.js';

describe('Roman numerals', () => {
  it.each([
    [1, 'I'],
    [4, 'IV'],
    [9, 'IX'],
    [14, 'XIV'],
    [20, 'XX'],
    [40, 'XL'],
    [49, 'XLIX'],
    [90, 'XC'],
    [400, 'CD'],
    [1994, 'MCMXCIV'],
    [2026, 'MMXXVI'],
    [3999, 'MMMCMXCIX'],
  ])('%i is %s', (value, text) => {
    expect(toRoman(value)).toBe(text);
    expect(fromRoman(text)).toBe(value);
  });

  it('round-trips every number from 1 to 3999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), (n) => fromRoman(toRoman(n)) === n),
      { numRuns: 200 },
    );
  });

  it.each(['', 'IIII', 'VX', 'IC', 'ABC', 'MMMM'])('rejects %j', (text) => {
    expect(fromRoman(text)).toBeNull();
  });

  it('reads lower case and surrounding spaces', () => {
    expect(fromRoman(' xx ')).toBe(20);
  });

  it.each([0, -1, 4000, 1.5])('cannot write %d', (value) => {
    expect(() => toRoman(value)).toThrow(RangeError);
  });
});
