import { toRoman } from './roman.js';

/**
 * Placeholders a resolution number pattern may use (DESIGN.md section 4; PL councils write
 * "XX/123/2026": sitting in Roman numerals / sequence / year).
 */
export const RESOLUTION_PLACEHOLDERS = ['sittingRoman', 'sitting', 'seq', 'year', 'body'] as const;
export type ResolutionPlaceholder = (typeof RESOLUTION_PLACEHOLDERS)[number];

export interface ResolutionNumberValues {
  /** The sitting's number within the term (1 to 3999, so it can be written in Roman numerals). */
  readonly sitting: number;
  /** The resolution's sequence number (within the term, or the year: the council decides). */
  readonly seq: number;
  readonly year: number;
  /** The body's short code, e.g. "RM" or "OS". */
  readonly body: string;
}

export type PatternProblem =
  | { readonly code: 'unknown_placeholder'; readonly placeholder: string; readonly at: number }
  | { readonly code: 'invalid_width'; readonly placeholder: string; readonly at: number }
  | { readonly code: 'unbalanced_brace'; readonly at: number }
  | { readonly code: 'missing_seq' }
  | { readonly code: 'empty_pattern' };

type Token =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'field'; readonly name: ResolutionPlaceholder; readonly width: number };

const WIDTH_LIMIT = 9;

function parse(pattern: string): { tokens: Token[]; problems: PatternProblem[] } {
  const tokens: Token[] = [];
  const problems: PatternProblem[] = [];
  let i = 0;
  let text = '';
  while (i < pattern.length) {
    const ch = pattern[i] ?? '';
    if (ch === '}') {
      problems.push({ code: 'unbalanced_brace', at: i });
      i += 1;
      continue;
    }
    if (ch !== '{') {
      text += ch;
      i += 1;
      continue;
    }
    const end = pattern.indexOf('}', i + 1);
    const nextOpen = pattern.indexOf('{', i + 1);
    if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
      problems.push({ code: 'unbalanced_brace', at: i });
      i += 1;
      continue;
    }
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
    const body = pattern.slice(i + 1, end);
    const [name = '', width, ...extra] = body.split(':');
    if (!(RESOLUTION_PLACEHOLDERS as readonly string[]).includes(name)) {
      problems.push({ code: 'unknown_placeholder', placeholder: body, at: i });
    } else if (width !== undefined || extra.length > 0) {
      // Only the sequence number is ever zero-padded ("{seq:3}" -> "007").
      const n = Number(width);
      if (name !== 'seq' || extra.length > 0 || !/^[1-9]$/.test(width ?? '') || n > WIDTH_LIMIT) {
        problems.push({ code: 'invalid_width', placeholder: body, at: i });
      } else tokens.push({ kind: 'field', name: 'seq', width: n });
    } else tokens.push({ kind: 'field', name: name as ResolutionPlaceholder, width: 0 });
    i = end + 1;
  }
  if (text !== '') tokens.push({ kind: 'text', text });
  if (pattern.trim() === '') problems.push({ code: 'empty_pattern' });
  else if (!tokens.some((token) => token.kind === 'field' && token.name === 'seq')) {
    // Without the sequence number every resolution of a sitting would get the same number.
    problems.push({ code: 'missing_seq' });
  }
  return { tokens, problems };
}

/** Human-readable reason for a pattern problem (English; clients translate by `code`). */
export function describePatternProblem(problem: PatternProblem): string {
  switch (problem.code) {
    case 'unknown_placeholder':
      return `unknown placeholder {${problem.placeholder}} at ${problem.at}; known: ${RESOLUTION_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}, {seq:N}`;
    case 'invalid_width':
      return `invalid {${problem.placeholder}} at ${problem.at}: only {seq:N} with N from 1 to ${WIDTH_LIMIT} takes a width`;
    case 'unbalanced_brace':
      return `unbalanced brace at ${problem.at}`;
    case 'missing_seq':
      return 'the pattern has no {seq}, so every resolution would get the same number';
    case 'empty_pattern':
      return 'the pattern is empty';
  }
}

/** Checks a resolution number pattern; an empty list means it is valid (DESIGN.md section 4). */
export function validateResolutionPattern(pattern: string): PatternProblem[] {
  return parse(pattern).problems;
}

export type ResolutionNumberResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problems: readonly PatternProblem[]; readonly reason: string };

function valueProblem(values: ResolutionNumberValues): string | null {
  if (!Number.isInteger(values.sitting) || values.sitting < 1 || values.sitting > 3999) {
    return 'sitting must be a whole number from 1 to 3999';
  }
  if (!Number.isSafeInteger(values.seq) || values.seq < 1) return 'seq must be a whole number >= 1';
  if (!Number.isInteger(values.year) || values.year < 1 || values.year > 9999) {
    return 'year must be a whole number from 1 to 9999';
  }
  return null;
}

/**
 * Formats a resolution number, e.g. "{sittingRoman}/{seq}/{year}" -> "XX/123/2026". Never gives
 * output for an invalid pattern or values: it returns the problems instead.
 */
export function formatResolutionNumber(
  pattern: string,
  values: ResolutionNumberValues,
): ResolutionNumberResult {
  const { tokens, problems } = parse(pattern);
  if (problems.length > 0) {
    return { ok: false, problems, reason: problems.map(describePatternProblem).join('; ') };
  }
  const bad = valueProblem(values);
  if (bad !== null) return { ok: false, problems: [], reason: bad };
  const parts = tokens.map((token) => {
    if (token.kind === 'text') return token.text;
    switch (token.name) {
      case 'sittingRoman':
        return toRoman(values.sitting);
      case 'sitting':
        return String(values.sitting);
      case 'seq':
        return String(values.seq).padStart(token.width, '0');
      case 'year':
        return String(values.year);
      case 'body':
        return values.body;
    }
  });
  return { ok: true, value: parts.join('') };
}
