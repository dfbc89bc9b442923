import type { Country, QuorumRuleKind, SittingMode } from './vocabulary.js';

/** The answer to "may this body decide now?", with the numbers that show why. */
export interface QuorumResult {
  readonly rule: QuorumRuleKind;
  readonly statutorySize: number;
  /** Smallest whole number of present members that satisfies the rule. */
  readonly required: number;
  readonly present: number;
  readonly met: boolean;
}

function assertCount(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be a whole number of at least ${min}, not ${String(value)}`);
  }
}

/**
 * Smallest number of members present that satisfies the quorum rule, by integer arithmetic only.
 * "at least half" (PL, art. 14 of the municipal self-government act: "w obecności co najmniej
 * połowy ustawowego składu rady") is ceil(n/2); "more than half" (BG, RS) is floor(n/2) + 1.
 * DESIGN.md section 4.
 */
export function quorumRequired(rule: QuorumRuleKind, statutorySize: number): number {
  assertCount('statutorySize', statutorySize, 1);
  const half = Math.floor(statutorySize / 2);
  switch (rule) {
    case 'at_least_half':
      // n - floor(n/2) is ceil(n/2) without any fractional step.
      return statutorySize - half;
    case 'more_than_half':
      return half + 1;
  }
}

/** Checks a body's quorum for a number of members present (DESIGN.md section 4, "Quorum"). */
export function checkQuorum(
  rule: QuorumRuleKind,
  statutorySize: number,
  present: number,
): QuorumResult {
  assertCount('present', present, 0);
  const required = quorumRequired(rule, statutorySize);
  return { rule, statutorySize, required, present, met: present >= required };
}

/** Each country's default quorum rule; a council may configure another (DESIGN.md section 4). */
export const DEFAULT_QUORUM_RULE: Readonly<Record<Country, QuorumRuleKind>> = {
  PL: 'at_least_half',
  BG: 'more_than_half',
  RS: 'more_than_half',
};

/** Remote and hybrid checks last two minutes: the stream lags behind the hall (DESIGN.md seed 002). */
export const REMOTE_QUORUM_CHECK_MS = 120_000;
/** In the hall everyone sees the chair at once, so a short window is enough. */
export const HALL_QUORUM_CHECK_MS = 30_000;

/**
 * Default length of a quorum check window in milliseconds: 120 s for remote and hybrid sittings,
 * because of the live stream's delay (DESIGN.md section 4 and seed 002), 30 s in the hall.
 */
export function defaultQuorumCheckDurationMs(mode: SittingMode): number {
  switch (mode) {
    case 'hall':
      return HALL_QUORUM_CHECK_MS;
    case 'remote':
    case 'hybrid':
      return REMOTE_QUORUM_CHECK_MS;
  }
}
