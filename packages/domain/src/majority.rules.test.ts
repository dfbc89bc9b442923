import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAJORITY_PRESETS,
  MAJORITY_PRESET_IDS,
  majorityPreset,
  majorityPresetsFor,
} from './majority.presets.js';
import type { MajorityPresetId } from './majority.presets.js';
import { evaluateMajority, exactValue, majorityRuleProblems } from './majority.rules.js';
import type { MajorityRule } from './majority.rules.js';

type Row = readonly [
  preset: MajorityPresetId,
  forCount: number,
  against: number,
  abstain: number,
  present: number,
  statutory: number,
  passed: boolean,
  text: string,
];

// Worked examples: each row is what a chair would announce.
const ROWS: readonly Row[] = [
  // zwykła większość: more for than against; abstentions do not count.
  ['pl.simple', 14, 5, 2, 21, 21, true, '14 for; required more than 9.5 of 19'],
  ['pl.simple', 7, 7, 3, 17, 21, false, '7 for; required more than 7 of 14'],
  ['pl.simple', 1, 0, 20, 21, 21, true, '1 for; required more than 0.5 of 1'],
  ['pl.simple', 0, 0, 15, 15, 21, false, '0 for; required more than 0 of 0'],
  ['pl.simple', 0, 0, 0, 15, 21, false, '0 for; required more than 0 of 0'],
  ['pl.simple', 1, 0, 0, 1, 1, true, '1 for; required more than 0.5 of 1'],
  ['pl.simple', 40, 39, 21, 100, 100, true, '40 for; required more than 39.5 of 79'],
  // bezwzględna większość głosów: abstentions count in the base.
  ['pl.absolute_valid', 10, 5, 5, 20, 21, false, '10 for; required more than 10 of 20'],
  ['pl.absolute_valid', 11, 5, 5, 21, 21, true, '11 for; required more than 10.5 of 21'],
  ['pl.absolute_valid', 8, 8, 0, 16, 21, false, '8 for; required more than 8 of 16'],
  ['pl.absolute_valid', 0, 0, 12, 12, 21, false, '0 for; required more than 6 of 12'],
  ['pl.absolute_valid', 0, 0, 0, 12, 21, false, '0 for; required more than 0 of 0'],
  ['pl.absolute_valid', 1, 0, 0, 1, 1, true, '1 for; required more than 0.5 of 1'],
  ['pl.absolute_valid', 50, 30, 20, 100, 100, false, '50 for; required more than 50 of 100'],
  // bezwzględna większość ustawowego składu.
  ['pl.absolute_statutory', 14, 3, 2, 19, 21, true, '14 for; required more than 10.5 of 21'],
  ['pl.absolute_statutory', 10, 0, 0, 10, 21, false, '10 for; required more than 10.5 of 21'],
  ['pl.absolute_statutory', 11, 10, 0, 21, 21, true, '11 for; required more than 10.5 of 21'],
  ['pl.absolute_statutory', 1, 0, 0, 1, 1, true, '1 for; required more than 0.5 of 1'],
  ['pl.absolute_statutory', 0, 0, 1, 1, 1, false, '0 for; required more than 0.5 of 1'],
  ['pl.absolute_statutory', 50, 0, 0, 60, 100, false, '50 for; required more than 50 of 100'],
  ['pl.absolute_statutory', 51, 49, 0, 100, 100, true, '51 for; required more than 50 of 100'],
  ['pl.absolute_statutory', 0, 0, 0, 15, 21, false, '0 for; required more than 10.5 of 21'],
  // 2/3 of the statutory size, at least.
  ['pl.two_thirds_statutory', 14, 0, 0, 21, 21, true, '14 for; required at least 14 of 21'],
  ['pl.two_thirds_statutory', 13, 0, 0, 21, 21, false, '13 for; required at least 14 of 21'],
  ['pl.two_thirds_statutory', 14, 6, 0, 20, 20, true, '14 for; required at least 13 1/3 of 20'],
  ['pl.two_thirds_statutory', 13, 0, 0, 20, 20, false, '13 for; required at least 13 1/3 of 20'],
  ['pl.two_thirds_statutory', 1, 0, 0, 1, 1, true, '1 for; required at least 2/3 of 1'],
  ['pl.two_thirds_statutory', 67, 0, 0, 100, 100, true, '67 for; required at least 66 2/3 of 100'],
  ['pl.two_thirds_statutory', 66, 0, 0, 100, 100, false, '66 for; required at least 66 2/3 of 100'],
  // 3/5 of the statutory size, at least.
  ['pl.three_fifths_statutory', 9, 6, 0, 15, 15, true, '9 for; required at least 9 of 15'],
  ['pl.three_fifths_statutory', 8, 0, 7, 15, 15, false, '8 for; required at least 9 of 15'],
  ['pl.three_fifths_statutory', 13, 0, 0, 21, 21, true, '13 for; required at least 12.6 of 21'],
  ['pl.three_fifths_statutory', 12, 0, 0, 21, 21, false, '12 for; required at least 12.6 of 21'],
  ['pl.three_fifths_statutory', 1, 0, 0, 1, 1, true, '1 for; required at least 0.6 of 1'],
  ['pl.three_fifths_statutory', 60, 40, 0, 100, 100, true, '60 for; required at least 60 of 100'],
  ['pl.three_fifths_statutory', 0, 0, 0, 100, 100, false, '0 for; required at least 60 of 100'],
  // BG: more than half of those present; abstaining counts against.
  ['bg.majority_present', 16, 0, 15, 31, 51, true, '16 for; required more than 15.5 of 31'],
  ['bg.majority_present', 15, 14, 1, 30, 51, false, '15 for; required more than 15 of 30'],
  ['bg.majority_present', 0, 0, 0, 31, 51, false, '0 for; required more than 15.5 of 31'],
  ['bg.majority_present', 0, 0, 31, 31, 51, false, '0 for; required more than 15.5 of 31'],
  ['bg.majority_present', 1, 0, 0, 1, 1, true, '1 for; required more than 0.5 of 1'],
  ['bg.more_than_half_all', 26, 0, 0, 40, 51, true, '26 for; required more than 25.5 of 51'],
  ['bg.more_than_half_all', 25, 0, 0, 40, 51, false, '25 for; required more than 25.5 of 51'],
  ['bg.more_than_half_all', 50, 50, 0, 100, 100, false, '50 for; required more than 50 of 100'],
  ['bg.two_thirds_all', 34, 0, 0, 51, 51, true, '34 for; required at least 34 of 51'],
  ['bg.two_thirds_all', 33, 0, 0, 51, 51, false, '33 for; required at least 34 of 51'],
  ['bg.two_thirds_all', 1, 0, 0, 1, 1, true, '1 for; required at least 2/3 of 1'],
  // RS.
  ['rs.majority_present', 20, 19, 0, 39, 45, true, '20 for; required more than 19.5 of 39'],
  ['rs.majority_present', 20, 10, 10, 40, 45, false, '20 for; required more than 20 of 40'],
  ['rs.majority_all', 23, 0, 0, 30, 45, true, '23 for; required more than 22.5 of 45'],
  ['rs.majority_all', 22, 0, 0, 30, 45, false, '22 for; required more than 22.5 of 45'],
  ['rs.majority_all', 51, 0, 0, 100, 100, true, '51 for; required more than 50 of 100'],
  ['rs.majority_all', 0, 0, 0, 1, 1, false, '0 for; required more than 0.5 of 1'],
];

describe('majority presets: worked examples', () => {
  it.each(ROWS)(
    '%s: %i for, %i against, %i abstain (present %i, statutory %i) -> passed %s',
    (id, forCount, against, abstain, present, statutory, passed, text) => {
      const outcome = evaluateMajority(
        majorityPreset(id).rule,
        { for: forCount, against, abstain },
        { present, statutory },
      );
      expect(outcome.passed).toBe(passed);
      expect(outcome.text).toBe(text);
      expect(outcome.forCount).toBe(forCount);
    },
  );

  it('covers every preset', () => {
    expect(new Set(ROWS.map((row) => row[0]))).toEqual(new Set(MAJORITY_PRESET_IDS));
  });
});

describe('evaluateMajority: structure and guards', () => {
  it('gives the exact threshold as a fraction and the smallest count that passes', () => {
    const outcome = evaluateMajority(
      majorityPreset('pl.absolute_statutory').rule,
      { for: 14, against: 3, abstain: 2 },
      { present: 19, statutory: 21 },
    );
    expect(outcome).toMatchObject({
      passed: true,
      reason: 'passed',
      base: 'statutory',
      baseSize: 21,
      comparison: 'more_than',
      required: { num: 21, den: 2, text: '10.5' },
      minimumFor: 11,
    });
  });

  it.each([
    // A tie fails even under a rule whose threshold it meets.
    [
      { base: 'cast', comparison: 'at_least', num: 1, den: 2 },
      7,
      7,
      0,
      'tie',
      '7 for; required at least 7 of 14; 7 against: a tie fails',
    ],
    [
      { base: 'valid', comparison: 'at_least', num: 1, den: 3 },
      4,
      6,
      0,
      'more_against',
      '4 for; required at least 3 1/3 of 10; 6 against: more against than for',
    ],
    // Nobody voted: an "at least" rule over an empty base must not pass, nor divide by zero.
    [
      { base: 'cast', comparison: 'at_least', num: 1, den: 2 },
      0,
      0,
      0,
      'none_for',
      '0 for; required at least 0 of 0; no votes for',
    ],
    [
      { base: 'valid', comparison: 'at_least', num: 1, den: 2 },
      0,
      0,
      9,
      'below_threshold',
      '0 for; required at least 4.5 of 9',
    ],
    [
      { base: 'cast', comparison: 'more_than', num: 1, den: 2 },
      5,
      4,
      0,
      'passed',
      '5 for; required more than 4.5 of 9',
    ],
  ] as const)('%o with %i/%i/%i -> %s', (rule, f, a, ab, reason, text) => {
    const outcome = evaluateMajority(
      rule,
      { for: f, against: a, abstain: ab },
      { present: 20, statutory: 21 },
    );
    expect(outcome.reason).toBe(reason);
    expect(outcome.passed).toBe(reason === 'passed');
    expect(outcome.text).toBe(text);
  });

  it('refuses invalid rules and counts', () => {
    const bad: MajorityRule = { base: 'cast', comparison: 'more_than', num: 3, den: 2 };
    expect(majorityRuleProblems(bad)).toEqual(['the fraction must not exceed 1']);
    expect(majorityRuleProblems({ ...bad, num: 0 })).toHaveLength(1);
    expect(majorityRuleProblems({ ...bad, den: 0 })).toHaveLength(1);
    expect(() =>
      evaluateMajority(bad, { for: 1, against: 0, abstain: 0 }, { present: 1, statutory: 1 }),
    ).toThrow(RangeError);
    expect(() =>
      evaluateMajority(
        majorityPreset('pl.simple').rule,
        { for: -1, against: 0, abstain: 0 },
        { present: 1, statutory: 1 },
      ),
    ).toThrow(RangeError);
  });

  it('agrees with exact rational comparison for any fraction', () => {
    const rules = fc
      .record({
        base: fc.constantFrom('cast', 'valid', 'present', 'statutory' as const),
        comparison: fc.constantFrom('more_than', 'at_least' as const),
        den: fc.integer({ min: 1, max: 12 }),
        num: fc.integer({ min: 1, max: 12 }),
      })
      .filter((r) => r.num <= r.den);
    const counts = fc.record({
      for: fc.nat(120),
      against: fc.nat(120),
      abstain: fc.nat(120),
      extra: fc.nat(50),
    });
    fc.assert(
      fc.property(rules, counts, (rule, c) => {
        const present = c.for + c.against + c.abstain + c.extra;
        const statutory = present + c.extra;
        const outcome = evaluateMajority(rule, c, { present, statutory });
        const base = {
          cast: c.for + c.against,
          valid: c.for + c.against + c.abstain,
          present,
          statutory,
        }[rule.base];
        // BigInt here only as an independent oracle for the integer comparison.
        const lhs = BigInt(c.for) * BigInt(rule.den);
        const rhs = BigInt(base) * BigInt(rule.num);
        const meets = rule.comparison === 'more_than' ? lhs > rhs : lhs >= rhs;
        expect(outcome.passed).toBe(meets && c.for > c.against);
        expect(outcome.baseSize).toBe(base);
        // required is base x num/den, reduced: cross-multiplying must agree.
        expect(outcome.required.num * rule.den).toBe(base * rule.num * outcome.required.den);
        // minimumFor is the boundary: it meets the threshold, one less does not.
        const passesAt = (n: number) =>
          rule.comparison === 'more_than'
            ? n * rule.den > base * rule.num
            : n * rule.den >= base * rule.num;
        expect(passesAt(outcome.minimumFor)).toBe(true);
        expect(outcome.minimumFor === 0 || !passesAt(outcome.minimumFor - 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('exactValue', () => {
  it.each([
    [21, 2, '10.5'],
    [40, 3, '13 1/3'],
    [2, 3, '2/3'],
    [63, 5, '12.6'],
    [0, 2, '0'],
    [30, 2, '15'],
    [1, 8, '0.125'],
  ])('%i/%i reads %s', (num, den, text) => {
    expect(exactValue(num, den).text).toBe(text);
  });
});

describe('preset lookup', () => {
  it('lists each country’s presets', () => {
    expect(majorityPresetsFor('PL').map((p) => p.id)).toEqual([
      'pl.simple',
      'pl.absolute_valid',
      'pl.absolute_statutory',
      'pl.two_thirds_statutory',
      'pl.three_fifths_statutory',
    ]);
    expect(majorityPresetsFor('BG').map((p) => p.id)).toEqual([
      'bg.majority_present',
      'bg.more_than_half_all',
      'bg.two_thirds_all',
    ]);
    expect(majorityPresetsFor('RS').map((p) => p.id)).toEqual([
      'rs.majority_present',
      'rs.majority_all',
    ]);
  });

  it('has valid rules and unique ids', () => {
    expect(new Set(MAJORITY_PRESETS.map((p) => p.id)).size).toBe(MAJORITY_PRESETS.length);
    for (const preset of MAJORITY_PRESETS) expect(majorityRuleProblems(preset.rule)).toEqual([]);
  });
});
