import { ApiRequestError } from '../api/api-error';
import {
  FIELD_ERROR_CODES,
  problemsOf,
  type AdminErrorCode,
  type FieldErrorCode,
} from './admin-errors';

/** Refusals of the accounts' endpoints, with words in `admin.accounts.errors.<code>`. */
export const ACCOUNT_ERROR_CODES = [
  'email_taken',
  'person_has_account',
  'unknown_person',
  'cannot_deactivate_self',
  'mail_failed',
] as const;
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[number];

/** A translation key of the accounts' problems. */
export type AccountProblemKey =
  | `admin.accounts.errors.${AccountErrorCode | 'roles'}`
  | `admin.fieldErrors.${FieldErrorCode}`
  | `admin.errors.${AdminErrorCode | 'validation_failed'}`;

/** What went wrong, as translation keys: the attempt's own, and one per field. */
export interface AccountProblems {
  readonly form: AccountProblemKey | null;
  /** By the API's field name; `roles.1` counts as `roles`. */
  readonly fields: Readonly<Record<string, AccountProblemKey>>;
}

const isAccountCode = (code: string): code is AccountErrorCode =>
  (ACCOUNT_ERROR_CODES as readonly string[]).includes(code);

const isFieldCode = (code: string): code is FieldErrorCode =>
  (FIELD_ERROR_CODES as readonly string[]).includes(code);

/** The field an issue is about, as the form names its controls. */
const formField = (field: string) => field.split('.')[0] ?? field;

/**
 * Turns a refused invitation, deactivation or reactivation into translation keys. The accounts'
 * own codes have their own words (an account with this address, not "a person of the council");
 * the rest is worded like every other administration form.
 */
export function accountProblemsOf(error: unknown): AccountProblems {
  if (error instanceof ApiRequestError && isAccountCode(error.code)) {
    const key = `admin.accounts.errors.${error.code}` as const;
    return error.field === undefined || error.field === '(body)'
      ? { form: key, fields: {} }
      : { form: null, fields: { [formField(error.field)]: key } };
  }
  const problems = problemsOf(error);
  const fields: Record<string, AccountProblemKey> = {};
  for (const [field, code] of Object.entries(problems.fields)) {
    const name = formField(field);
    fields[name] ??=
      name === 'roles'
        ? 'admin.accounts.errors.roles'
        : isFieldCode(code)
          ? `admin.fieldErrors.${code}`
          : `admin.errors.${code}`;
  }
  return { form: problems.form === null ? null : `admin.errors.${problems.form}`, fields };
}
