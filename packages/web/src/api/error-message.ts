import type { Messages } from '../i18n/resources';
import { ApiRequestError } from './api-error';

/** The error codes the UI has words for: the keys of `errors` in the locale files. */
export type ErrorMessageCode = keyof Messages['errors'];

const KNOWN: ReadonlySet<string> = new Set<ErrorMessageCode>([
  'invalid_credentials',
  'link_invalid',
  'not_a_member',
  'no_account',
  'rate_limited',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'csrf_rejected',
  'unavailable',
  'network',
  'unexpected',
]);

function isKnown(code: string): code is ErrorMessageCode {
  return KNOWN.has(code);
}

/** The translatable message for anything thrown by an API call; unknown codes get a generic one. */
export function errorMessageCode(error: unknown): ErrorMessageCode {
  if (error instanceof ApiRequestError && isKnown(error.code)) return error.code;
  return 'unexpected';
}
