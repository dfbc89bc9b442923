import { secondFactorCodeSchema, totpCodeSchema } from '@veche/protocol';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';

/** Which kind of code a field takes: the app's six digits, or either that or a recovery code. */
export type CodeKind = 'totp' | 'recovery' | 'any';

/** What is wrong with the code typed, as the field says it. */
export type CodeProblem = 'required' | 'invalid' | 'recoveryInvalid' | 'code_invalid';

/** The second factor's own refusals, worded under `secondFactor.errors`. */
export type SecondFactorErrorCode =
  'code_invalid' | 'challenge_invalid' | 'second_factor_required' | 'second_factor_enabled';

const OWN_CODES: ReadonlySet<string> = new Set<SecondFactorErrorCode>([
  'code_invalid',
  'challenge_invalid',
  'second_factor_required',
  'second_factor_enabled',
]);

/**
 * A failed attempt, as codes the page translates when it renders (so the words follow a change
 * of language): a problem with the code field, or with the attempt as a whole.
 */
export interface CodeErrors {
  field: CodeProblem | null;
  /** Tries the sign-in's challenge has left after a wrong code, when the server says. */
  attemptsLeft: number | null;
  form:
    | { kind: 'secondFactor'; code: SecondFactorErrorCode }
    | { kind: 'app'; code: ErrorMessageCode }
    | null;
}

/** The code as sent: an app's code without the spaces some apps show in the middle. */
export function normalizeCode(raw: string, kind: CodeKind): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\s/g, '');
  if (kind === 'totp' || /^\d{6}$/.test(digits)) return digits;
  return trimmed.replace(/\s+/g, '-');
}

/** Checks a code with the protocol's schemas before anything is sent. */
export function checkCode(
  raw: string,
  kind: CodeKind,
): { ok: true; code: string } | { ok: false; problem: CodeProblem } {
  const code = normalizeCode(raw, kind);
  if (code === '') return { ok: false, problem: 'required' };
  if (kind === 'totp') {
    return totpCodeSchema.safeParse(code).success
      ? { ok: true, code }
      : { ok: false, problem: 'invalid' };
  }
  if (kind === 'recovery' && !/^[0-9A-Za-z]{4}(-?[0-9A-Za-z]{4}){3}$/.test(code)) {
    return { ok: false, problem: 'recoveryInvalid' };
  }
  return secondFactorCodeSchema.safeParse(code).success
    ? { ok: true, code }
    : { ok: false, problem: kind === 'any' ? 'invalid' : 'recoveryInvalid' };
}

/** Reads a failed call: a wrong code belongs to the field, the rest to the whole form. */
export function codeErrorsFrom(error: unknown): CodeErrors {
  if (error instanceof ApiRequestError) {
    if (error.code === 'code_invalid') {
      return { field: 'code_invalid', attemptsLeft: attemptsLeftOf(error), form: null };
    }
    if (error.code === 'validation_failed' && error.field === 'code') {
      return { field: 'invalid', attemptsLeft: null, form: null };
    }
    if (OWN_CODES.has(error.code)) {
      return {
        field: null,
        attemptsLeft: null,
        form: { kind: 'secondFactor', code: error.code as SecondFactorErrorCode },
      };
    }
  }
  return { field: null, attemptsLeft: null, form: { kind: 'app', code: errorMessageCode(error) } };
}

function attemptsLeftOf(error: ApiRequestError): number | null {
  const left = error.facts.attemptsLeft;
  return typeof left === 'number' && Number.isInteger(left) && left > 0 ? left : null;
}

/** The text of the file a user may download with their recovery codes. */
export function recoveryCodesFile(title: string, note: string, codes: readonly string[]): string {
  return [title, '', ...codes, '', note, ''].join('\n');
}
