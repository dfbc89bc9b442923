/** What a majority is counted against (DESIGN.md section 4, "Majority rules"). */
export const MAJORITY_BASES = ['cast', 'valid', 'present', 'statutory'] as const;
export type MajorityBase = (typeof MAJORITY_BASES)[number];

/** "more than" a fraction of the base, or "at least" that fraction. */
export const THRESHOLD_COMPARISONS = ['more_than', 'at_least'] as const;
export type ThresholdComparison = (typeof THRESHOLD_COMPARISONS)[number];

/** A threshold over a base: `comparison` num/den of `base`, e.g. more than 1/2 of cast. */
export interface MajorityRule {
  readonly base: MajorityBase;
  readonly comparison: ThresholdComparison;
  readonly num: number;
  readonly den: number;
}

/** Counts of the three standard options; other options never count towards a majority. */
export interface MajorityCounts {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
}

/** Sizes a rule may need besides the ballots: present when the vote opened, statutory size. */
export interface MajoritySizes {
  readonly present: number;
  readonly statutory: number;
}

/** An exact rational value, reduced, with a readable form ("10.5", "13 1/3", "0"). */
export interface ExactValue {
  readonly num: number;
  readonly den: number;
  readonly text: string;
}

export const MAJORITY_REASONS = [
  'passed',
  'below_threshold',
  'none_for',
  'tie',
  'more_against',
] as const;
export type MajorityReason = (typeof MAJORITY_REASONS)[number];

/** The outcome with all its arithmetic, so that a client can render it in any language. */
export interface MajorityOutcome {
  readonly passed: boolean;
  readonly reason: MajorityReason;
  readonly rule: MajorityRule;
  readonly forCount: number;
  readonly againstCount: number;
  readonly abstainCount: number;
  readonly base: MajorityBase;
  readonly baseSize: number;
  readonly comparison: ThresholdComparison;
  /** The threshold num/den x baseSize, exactly: 10.5 is { num: 21, den: 2 }. */
  readonly required: ExactValue;
  /** Smallest whole number of votes for that meets the threshold. */
  readonly minimumFor: number;
  /** English rendering, e.g. "14 for; required more than 10.5 of 21". */
  readonly text: string;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** Integer division without a floating step, for non-negative safe integers. */
function intDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

function decimalDigits(den: number): number | null {
  // A reduced fraction has a finite decimal form only when its denominator is 2^a * 5^b.
  let rest = den;
  let twos = 0;
  let fives = 0;
  while (rest % 2 === 0) [rest, twos] = [rest / 2, twos + 1];
  while (rest % 5 === 0) [rest, fives] = [rest / 5, fives + 1];
  return rest === 1 ? Math.max(twos, fives) : null;
}

/** Builds a reduced exact value from an integer numerator and a positive integer denominator. */
export function exactValue(num: number, den: number): ExactValue {
  const g = gcd(num, den) || 1;
  const n = num / g;
  const d = den / g;
  const whole = intDiv(n, d);
  const rest = n % d;
  let text: string;
  if (rest === 0) text = String(whole);
  else {
    const digits = decimalDigits(d);
    if (digits !== null && digits <= 6) {
      const scaled = intDiv(rest * 10 ** digits, d);
      text = `${whole}.${String(scaled).padStart(digits, '0')}`;
    } else text = whole === 0 ? `${rest}/${d}` : `${whole} ${rest}/${d}`;
  }
  return { num: n, den: d, text };
}

/** Lists what is wrong with a rule: a fraction must satisfy 0 < num/den <= 1 in whole numbers. */
export function majorityRuleProblems(rule: MajorityRule): string[] {
  const problems: string[] = [];
  if (!(MAJORITY_BASES as readonly string[]).includes(rule.base)) problems.push('unknown base');
  if (!(THRESHOLD_COMPARISONS as readonly string[]).includes(rule.comparison)) {
    problems.push('unknown comparison');
  }
  if (!Number.isSafeInteger(rule.num) || rule.num < 1)
    problems.push('num must be a whole number >= 1');
  if (!Number.isSafeInteger(rule.den) || rule.den < 1)
    problems.push('den must be a whole number >= 1');
  else if (rule.num > rule.den) problems.push('the fraction must not exceed 1');
  return problems;
}

function baseSizeOf(base: MajorityBase, counts: MajorityCounts, sizes: MajoritySizes): number {
  switch (base) {
    case 'cast':
      return counts.for + counts.against;
    case 'valid':
      return counts.for + counts.against + counts.abstain;
    case 'present':
      return sizes.present;
    case 'statutory':
      return sizes.statutory;
  }
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number >= 0, not ${String(value)}`);
  }
}

const COMPARISON_WORDS: Readonly<Record<ThresholdComparison, string>> = {
  more_than: 'more than',
  at_least: 'at least',
};

/**
 * Evaluates a majority rule on a vote's counts (DESIGN.md section 4, "Majority rules"). The
 * threshold is compared exactly: for x den against baseSize x num, in integers. A tie fails and
 * so does a vote with no votes for, whatever the rule (DESIGN.md section 4: "A tie fails"); that
 * also keeps an empty vote (base 0) from passing. Throws a RangeError on an invalid rule or count.
 */
export function evaluateMajority(
  rule: MajorityRule,
  counts: MajorityCounts,
  sizes: MajoritySizes,
): MajorityOutcome {
  const problems = majorityRuleProblems(rule);
  if (problems.length > 0) throw new RangeError(`invalid majority rule: ${problems.join('; ')}`);
  assertCount('for', counts.for);
  assertCount('against', counts.against);
  assertCount('abstain', counts.abstain);
  assertCount('present', sizes.present);
  assertCount('statutory', sizes.statutory);

  const baseSize = baseSizeOf(rule.base, counts, sizes);
  const product = baseSize * rule.num;
  const lhs = counts.for * rule.den;
  const thresholdMet = rule.comparison === 'more_than' ? lhs > product : lhs >= product;
  const floor = intDiv(product, rule.den);
  const exact = product % rule.den === 0;
  const minimumFor = rule.comparison === 'more_than' ? floor + 1 : exact ? floor : floor + 1;

  let reason: MajorityReason;
  if (!thresholdMet) reason = 'below_threshold';
  else if (counts.for === 0) reason = 'none_for';
  else if (counts.for === counts.against) reason = 'tie';
  else if (counts.for < counts.against) reason = 'more_against';
  else reason = 'passed';

  const required = exactValue(product, rule.den);
  let text = `${counts.for} for; required ${COMPARISON_WORDS[rule.comparison]} ${required.text} of ${baseSize}`;
  if (reason === 'tie') text += `; ${counts.against} against: a tie fails`;
  if (reason === 'more_against') text += `; ${counts.against} against: more against than for`;
  if (reason === 'none_for') text += '; no votes for';

  return {
    passed: reason === 'passed',
    reason,
    rule,
    forCount: counts.for,
    againstCount: counts.against,
    abstainCount: counts.abstain,
    base: rule.base,
    baseSize,
    comparison: rule.comparison,
    required,
    minimumFor,
    text,
  };
}
