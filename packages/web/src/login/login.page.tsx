import type { CurrentUser } from '@veche/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { vecheApi } from '../api/veche-api';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { ErrorSummary } from './error-summary.component';
import { loginErrorsFrom, validateLogin, type LoginErrors } from './login-errors';
import { SecondFactorStep } from './second-factor-step.component';
import { TextField } from './text-field.component';

interface Props {
  onSignedIn: (user: CurrentUser) => void;
  /** Says why the user is here again (signed out, session ended), if they did not just arrive. */
  arrivalMessage: string | null;
  focusHeading: boolean;
}

export function LoginPage({ onSignedIn, arrivalMessage, focusHeading }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<LoginErrors | null>(null);
  const [failedAttempts, setFailedAttempts] = useState(0);
  // Set after a right password for an account with a second factor: the code step follows.
  const [challenge, setChallenge] = useState<string | null>(null);
  const [challengeVoid, setChallengeVoid] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  // Back from the code step without an error to read: the heading says where the user is.
  const backFromCode = useRef(false);
  useEffect(() => {
    if (challenge === null && backFromCode.current && !challengeVoid) headingRef.current?.focus();
    backFromCode.current = challenge !== null;
  }, [challenge, challengeVoid]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    const values = { email, password };
    const checked = validateLogin(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailedAttempts((count) => count + 1);
      return;
    }
    setErrors(null);
    setChallengeVoid(false);
    setSubmitting(true);
    try {
      const answer = await vecheApi.login(checked.request);
      if ('secondFactorRequired' in answer) {
        setChallenge(answer.challenge);
        setPassword('');
        setSubmitting(false);
      } else {
        onSignedIn(answer);
      }
    } catch (error) {
      setErrors(loginErrorsFrom(error, values));
      setFailedAttempts((count) => count + 1);
      setSubmitting(false);
    }
  }

  const fieldError = (field: 'email' | 'password'): string | null => {
    const problem = errors?.fields[field];
    return problem ? t(`fieldErrors.${field}.${problem}`) : null;
  };

  if (challenge !== null) {
    return (
      <SecondFactorStep
        challenge={challenge}
        onSignedIn={onSignedIn}
        onStartOver={(reason) => {
          setChallenge(null);
          setChallengeVoid(reason === 'challenge_invalid');
          setFailedAttempts((count) => count + 1);
        }}
      />
    );
  }

  return (
    <div className="login">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('login.title')}
      </h1>
      <p className="lead">{t('login.intro')}</p>
      {arrivalMessage && !errors && !challengeVoid && <p className="notice">{arrivalMessage}</p>}
      {challengeVoid && !errors && (
        <ErrorSummary
          key={failedAttempts}
          title={t('login.errorSummaryTitle')}
          formMessage={t('secondFactor.errors.challenge_invalid')}
          fieldMessages={[]}
        />
      )}
      {errors && (
        <ErrorSummary
          key={failedAttempts}
          title={t('login.errorSummaryTitle')}
          formMessage={errors.form ? t(`errors.${errors.form}`) : null}
          fieldMessages={(['email', 'password'] as const).flatMap((field) => {
            const message = fieldError(field);
            return message ? [{ fieldId: `login-${field}`, message }] : [];
          })}
        />
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="login-email"
          label={t('login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={fieldError('email')}
        />
        <TextField
          id="login-password"
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldError('password')}
        />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
        <p className="visually-hidden" role="status">
          {submitting ? t('login.submitting') : ''}
        </p>
      </form>
      {/* A plain link: the portal is served by the server, not a page of this app. */}
      <p className="login__portal">
        <a href="/portal">{t('login.portal')}</a>
      </p>
    </div>
  );
}
