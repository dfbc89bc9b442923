import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type CurrentUser } from '@veche/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { RouteLink } from '../routing/route-link.component';
import { ErrorSummary } from './error-summary.component';
import { checkNewPassword, type Problems } from './set-password-rules';
import { TextField } from './text-field.component';

interface Props {
  token: string;
  onSignedIn: (user: CurrentUser) => void;
}

function problemsFrom(error: unknown): Problems {
  if (error instanceof ApiRequestError && error.code === 'link_invalid') {
    return { form: 'linkInvalid' };
  }
  if (error instanceof ApiRequestError && error.field === 'password') {
    const tooBig = error.issues.some((issue) => issue.code === 'too_big');
    return { form: null, password: tooBig ? 'tooLong' : 'tooShort' };
  }
  return { form: errorMessageCode(error) };
}

/**
 * Where an invitation e-mail's link leads: the person chooses a password (its rules written out
 * beside the field), repeats it, and is signed in on the home page. The link works once; a used
 * or expired one says so and points to the council office.
 */
export function SetPasswordPage({ token, onSignedIn }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('setPassword.title'));
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<Problems | null>(null);
  const [failedAttempts, setFailedAttempts] = useState(0);

  function fail(found: Problems): void {
    setProblems(found);
    setFailedAttempts((count) => count + 1);
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    const checked = checkNewPassword(password, confirm);
    if (checked !== null) return fail(checked);
    setProblems(null);
    setSubmitting(true);
    try {
      onSignedIn(await vecheApi.setPassword(token, password));
    } catch (error) {
      fail(problemsFrom(error));
      setSubmitting(false);
    }
  }

  const limits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  const passwordError = problems?.password
    ? t(`setPassword.fieldErrors.password.${problems.password}`, limits)
    : null;
  const confirmError = problems?.confirm
    ? t(`setPassword.fieldErrors.confirm.${problems.confirm}`)
    : null;
  const form = problems?.form ?? null;
  const formMessage =
    form === null
      ? null
      : form === 'linkInvalid'
        ? t('setPassword.linkInvalid')
        : t(`errors.${form}`);
  const linkSpent = form === 'linkInvalid';

  return (
    <div className="login">
      <h1>{t('setPassword.title')}</h1>
      <p className="lead">{t('setPassword.intro')}</p>
      {problems && (
        <ErrorSummary
          key={failedAttempts}
          title={t('setPassword.errorSummaryTitle')}
          formMessage={formMessage}
          fieldMessages={[
            ...(passwordError ? [{ fieldId: 'set-password-new', message: passwordError }] : []),
            ...(confirmError ? [{ fieldId: 'set-password-confirm', message: confirmError }] : []),
          ]}
        />
      )}
      {linkSpent ? (
        <p>
          <RouteLink to="/">{t('setPassword.toSignIn')}</RouteLink>
        </p>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <TextField
            id="set-password-new"
            label={t('setPassword.password')}
            hint={t('setPassword.rules', limits)}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={passwordError}
          />
          <TextField
            id="set-password-confirm"
            label={t('setPassword.confirm')}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
            error={confirmError}
          />
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('setPassword.submitting') : t('setPassword.submit')}
          </button>
          <p className="visually-hidden" role="status">
            {submitting ? t('setPassword.submitting') : ''}
          </p>
        </form>
      )}
    </div>
  );
}
