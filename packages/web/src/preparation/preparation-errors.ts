import type { TFunction } from 'i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode } from '../api/error-message';

/** A refused save as the page shows it: one message, and one per offending field. */
export interface SaveProblem {
  readonly message: string;
  /** By the server's field path (`title`, `items.1.children.0.title`). */
  readonly fields: ReadonlyMap<string, string>;
}

const PREPARATION_CODES = [
  'stale_version',
  'preparation_closed',
  'number_taken',
  'renumbering_closed',
  'date_in_past',
  'no_term',
  'outside_term',
  'unknown_reference',
  'item_has_documents',
  'agenda_empty',
  'already_convened',
  'unknown_item',
] as const;
type PreparationCode = (typeof PREPARATION_CODES)[number];

const isPreparationCode = (code: string): code is PreparationCode =>
  (PREPARATION_CODES as readonly string[]).includes(code);

/** The words for one field's problem, from the validation issue's code and the field. */
function fieldMessage(t: TFunction, field: string, code: string): string {
  if (code === 'too_deep') return t('preparation.fieldErrors.tooDeep');
  if (code === 'too_many') return t('preparation.fieldErrors.tooMany');
  if (code === 'required' || code === 'too_small') return t('preparation.fieldErrors.required');
  if (code === 'too_big') return t('preparation.fieldErrors.tooLong');
  if (/Url$/.test(field)) return t('preparation.fieldErrors.invalidUrl');
  if (field === 'startsAt' || field === 'recordingStartedAt')
    return t('preparation.fieldErrors.invalidDate');
  return t('preparation.fieldErrors.invalid');
}

/** Turns anything a preparation call threw into words, in the UI language. */
export function saveProblem(t: TFunction, error: unknown): SaveProblem {
  if (!(error instanceof ApiRequestError)) {
    return { message: t('errors.unexpected'), fields: new Map() };
  }
  const fields = new Map<string, string>();
  for (const issue of error.issues)
    fields.set(issue.field, fieldMessage(t, issue.field, issue.code));
  if (isPreparationCode(error.code)) {
    const titles = error.facts.titles;
    const title = Array.isArray(titles) && typeof titles[0] === 'string' ? titles[0] : '';
    const message = t(`preparation.errors.${error.code}`, { title });
    if (error.field !== undefined && !fields.has(error.field)) fields.set(error.field, message);
    return { message, fields };
  }
  return { message: t(`errors.${errorMessageCode(error)}`), fields };
}
