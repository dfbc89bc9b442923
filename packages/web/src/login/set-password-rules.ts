import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@veche/protocol';
import type { ErrorMessageCode } from '../api/error-message';

type PasswordProblem = 'required' | 'tooShort' | 'tooLong';
type ConfirmProblem = 'required' | 'mismatch';

/** Codes, not text: the page translates them when it renders, so they follow the language. */
export interface Problems {
  form: 'linkInvalid' | ErrorMessageCode | null;
  password?: PasswordProblem;
  confirm?: ConfirmProblem;
}

/** The same rules as the server's schema, checked before anything is sent. */
export function checkNewPassword(password: string, confirm: string): Problems | null {
  const problems: Problems = { form: null };
  if (password === '') problems.password = 'required';
  else if (password.length < PASSWORD_MIN_LENGTH) problems.password = 'tooShort';
  else if (password.length > PASSWORD_MAX_LENGTH) problems.password = 'tooLong';
  if (confirm === '') problems.confirm = 'required';
  else if (confirm !== password) problems.confirm = 'mismatch';
  return problems.password || problems.confirm ? problems : null;
}
