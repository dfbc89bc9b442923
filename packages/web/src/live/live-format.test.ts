import { describe, expect, it } from 'vitest';
import { formatCountdown, formatThreshold } from './live-format';

describe('formatCountdown', () => {
  it.each([
    [120_000, '2:00'],
    [65_400, '1:06'],
    [9_000, '0:09'],
    [1, '0:01'],
    [0, '0:00'],
    [-5_000, '0:00'],
    [3_723_000, '1:02:03'],
  ])('%i ms -> %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('formatThreshold', () => {
  it('writes decimals the reader’s way and leaves fractions as they are', () => {
    expect(formatThreshold('10.5', 'pl')).toBe('10,5');
    expect(formatThreshold('10.5', 'en')).toBe('10.5');
    expect(formatThreshold('7', 'bg')).toBe('7');
    expect(formatThreshold('13 1/3', 'sr-Latn')).toBe('13 1/3');
  });
});
