import { ApiRequestError } from '../api/api-error';

/** Codes the administration pages have words for: `admin.errors.<code>`. */
export const ADMIN_ERROR_CODES = [
  'stale_version',
  'term_overlap',
  'chair_taken',
  'outside_term',
  'unknown_reference',
  'already_ended',
  'email_taken',
  'already_member',
  'import_too_large',
  'import_header_invalid',
  'forbidden',
  'not_found',
  'unauthenticated',
  'network',
  'unexpected',
] as const;
export type AdminErrorCode = (typeof ADMIN_ERROR_CODES)[number];

/** Field problems the pages translate: `admin.fieldErrors.<code>`. */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid',
  'too_small',
  'too_big',
  'timeZone',
  'resolutionNumberPattern',
  'defaultLanguage',
  'majorityPreset',
  'languages',
  'endsOn',
  'email',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FormProblems {
  /** A problem with the whole attempt; null when every problem belongs to a field. */
  readonly form: AdminErrorCode | 'validation_failed' | null;
  /** By field name as the API names it (`startsOn`, `plenary.name`, ...). */
  readonly fields: Readonly<Record<string, FieldErrorCode | AdminErrorCode>>;
}

const NUMBER_FIELDS = new Set(['statutorySize', 'speechRequestDeadlineDays']);

/** The field named by a validation issue, in words the page has for it. */
function fieldCode(field: string, code: string): FieldErrorCode {
  const last = field.split('.').pop() ?? field;
  if (code === 'custom' && (FIELD_ERROR_CODES as readonly string[]).includes(last)) {
    return last as FieldErrorCode;
  }
  if (last === 'email' || last === 'timeZone' || last === 'languages') return last;
  // Below the minimum: a number too small, or a text left empty.
  if (code === 'too_small') return NUMBER_FIELDS.has(last) ? 'too_small' : 'required';
  if (code === 'too_big') return 'too_big';
  if (code === 'invalid_type') return 'required';
  return 'invalid';
}

/** What went wrong, by field, for a form to show next to each field and in its summary. */
export function problemsOf(error: unknown): FormProblems {
  if (!(error instanceof ApiRequestError)) return { form: 'unexpected', fields: {} };
  if (error.code === 'validation_failed' && error.issues.length > 0) {
    const fields: Record<string, FieldErrorCode> = {};
    for (const issue of error.issues) fields[issue.field] ??= fieldCode(issue.field, issue.code);
    return { form: null, fields };
  }
  const known = (ADMIN_ERROR_CODES as readonly string[]).includes(error.code)
    ? (error.code as AdminErrorCode)
    : 'unexpected';
  if (error.field !== undefined && error.field !== '(body)' && known !== 'unexpected') {
    return { form: null, fields: { [error.field]: known } };
  }
  return { form: known, fields: {} };
}
