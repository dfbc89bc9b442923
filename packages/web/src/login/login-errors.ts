import { loginRequestSchema, type LoginRequest } from '@veche/protocol';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';

export type LoginField = 'email' | 'password';
export type FieldProblem = 'required' | 'invalid' | 'tooLong';

/**
 * What went wrong, as codes rather than text: the page translates them when it renders, so the
 * messages follow a change of language.
 */
export interface LoginErrors {
  form: ErrorMessageCode | null;
  fields: Partial<Record<LoginField, FieldProblem>>;
}

export interface LoginValues {
  email: string;
  password: string;
}

function isLoginField(field: string): field is LoginField {
  return field === 'email' || field === 'password';
}

/** Reads a validation code (zod's or the server's) as one of the problems the form explains. */
function problemFor(code: string, value: string): FieldProblem {
  if (value.trim() === '') return 'required';
  if (code === 'too_big') return 'tooLong';
  return 'invalid';
}

function fieldsFrom(
  issues: ReadonlyArray<{ field: string; code: string }>,
  values: LoginValues,
): LoginErrors['fields'] {
  const fields: LoginErrors['fields'] = {};
  for (const { field, code } of issues) {
    if (isLoginField(field) && !fields[field]) fields[field] = problemFor(code, values[field]);
  }
  return fields;
}

/** Checks the form with the same schema the server uses, before anything is sent. */
export function validateLogin(
  values: LoginValues,
): { ok: true; request: LoginRequest } | { ok: false; errors: LoginErrors } {
  // The schema checks the format before it trims; people paste addresses with spaces around them.
  const parsed = loginRequestSchema.safeParse({ ...values, email: values.email.trim() });
  if (parsed.success) return { ok: true, request: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({
    field: String(issue.path[0] ?? ''),
    code: issue.code,
  }));
  return { ok: false, errors: { form: null, fields: fieldsFrom(issues, values) } };
}

/**
 * Turns a failed sign-in into messages. The server answers a wrong password and an unknown
 * e-mail with the same `invalid_credentials`, and so does the page: it never tells them apart.
 */
export function loginErrorsFrom(error: unknown, values: LoginValues): LoginErrors {
  if (error instanceof ApiRequestError && error.code === 'validation_failed') {
    const issues = error.issues.length
      ? error.issues
      : error.field
        ? [{ field: error.field, code: 'invalid' }]
        : [];
    const fields = fieldsFrom(issues, values);
    if (Object.keys(fields).length > 0) return { form: null, fields };
  }
  return { form: errorMessageCode(error), fields: {} };
}
