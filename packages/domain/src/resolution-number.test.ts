import { describe, expect, it } from 'vitest';
import {
  describePatternProblem,
  formatResolutionNumber,
  validateResolutionPattern,
} from './resolution-number.js';

const values = { sitting: 20, seq: 123, year: 2026, body: 'RM' };

describe('formatResolutionNumber', () => {
  it.each([
    ['{sittingRoman}/{seq}/{year}', 'XX/123/2026'],
    ['Uchwała nr {sittingRoman}/{seq}/{year}', 'Uchwała nr XX/123/2026'],
    ['{body}-{sitting}-{seq:5}', 'RM-20-00123'],
    ['{seq:2}/{year}', '123/2026'],
    ['{year}.{seq:3}', '2026.123'],
    ['Решение № {seq}', 'Решение № 123'],
  ])('%s -> %s', (pattern, expected) => {
    expect(formatResolutionNumber(pattern, values)).toEqual({ ok: true, value: expected });
  });

  it('pads a small sequence number', () => {
    expect(formatResolutionNumber('{seq:3}', { ...values, seq: 7 })).toEqual({
      ok: true,
      value: '007',
    });
  });

  it.each([
    ['{sittingRoman}/{number}/{year}', 'unknown_placeholder'],
    ['{Seq}', 'unknown_placeholder'],
    ['{seq:0}', 'invalid_width'],
    ['{seq:x}', 'invalid_width'],
    ['{year:4}/{seq}', 'invalid_width'],
    ['{seq', 'unbalanced_brace'],
    ['{seq}}', 'unbalanced_brace'],
    ['{{seq}', 'unbalanced_brace'],
    ['{sittingRoman}/{year}', 'missing_seq'],
    ['', 'empty_pattern'],
  ])('refuses %j (%s) and formats nothing', (pattern, code) => {
    const problems = validateResolutionPattern(pattern);
    expect(problems.map((problem) => problem.code)).toContain(code);
    const result = formatResolutionNumber(pattern, values);
    expect(result.ok).toBe(false);
    expect('value' in result).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });

  it('names the unknown placeholder and the known ones in its reason', () => {
    const [problem] = validateResolutionPattern('{number}/{seq}');
    expect(problem).toBeDefined();
    if (problem !== undefined) {
      expect(describePatternProblem(problem)).toMatch(
        /unknown placeholder \{number\}.*\{sittingRoman\}/,
      );
    }
  });

  it('accepts the valid patterns', () => {
    expect(validateResolutionPattern('{sittingRoman}/{seq:3}/{year}')).toEqual([]);
  });

  it('refuses values it cannot write', () => {
    expect(formatResolutionNumber('{sittingRoman}/{seq}', { ...values, sitting: 4000 }).ok).toBe(
      false,
    );
    expect(formatResolutionNumber('{seq}', { ...values, seq: 0 }).ok).toBe(false);
  });
});
