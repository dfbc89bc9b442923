import { useTranslation } from 'react-i18next';
import { FIELD_ERROR_CODES, type FieldErrorCode, type FormProblems } from './admin-errors';

const isFieldCode = (code: string): code is FieldErrorCode =>
  (FIELD_ERROR_CODES as readonly string[]).includes(code);

/** The examples some field messages show, the same in every language. */
const FIELD_EXAMPLES = { example: 'Europe/Warsaw', seq: '{seq}' };

/** Translates a form's problems: a field's own, or the form's as a whole. */
export function useProblemText() {
  const { t } = useTranslation();
  return {
    field: (problems: FormProblems | null, field: string): string | null => {
      const code = problems?.fields[field];
      if (code === undefined) return null;
      return isFieldCode(code)
        ? t(`admin.fieldErrors.${code}`, FIELD_EXAMPLES)
        : t(`admin.errors.${code}`);
    },
    form: (problems: FormProblems | null): string | null => {
      const code = problems?.form ?? null;
      return code === null ? null : t(`admin.errors.${code}`);
    },
  };
}

/** The error summary's links: each problem field, by the id of its control. */
export function summaryLinks(
  problems: FormProblems | null,
  fieldText: (problems: FormProblems | null, field: string) => string | null,
  idOf: (field: string) => string,
): { fieldId: string; message: string }[] {
  if (problems === null) return [];
  return Object.keys(problems.fields).flatMap((field) => {
    const message = fieldText(problems, field);
    return message === null ? [] : [{ fieldId: idOf(field), message }];
  });
}
