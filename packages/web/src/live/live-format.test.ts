import { describe, expect, it } from 'vitest';
import { documentKind, formatCountdown, formatFileSize, formatThreshold } from './live-format';

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

describe('formatFileSize', () => {
  it('writes kilobytes and megabytes in the reader’s number format', () => {
    expect(formatFileSize(26_365, 'en')).toBe('26 kB');
    expect(formatFileSize(1_432_000, 'pl')).toBe('1,4 MB');
    expect(formatFileSize(12, 'en')).toBe('1 kB');
    expect(formatFileSize(2_500, 'en')).toBe('2.5 kB');
  });
});

describe('documentKind', () => {
  it('names the accepted formats as people know them, and shows any other type as it is', () => {
    expect(documentKind('application/pdf')).toBe('PDF');
    expect(
      documentKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    ).toBe('DOCX');
    expect(documentKind('text/plain')).toBe('text/plain');
  });
});
