import type { CurrentUser } from '@veche/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField, codeFormText, codeProblemText } from '../account/code-field.component';
import {
  checkCode,
  codeErrorsFrom,
  type CodeErrors,
  type CodeKind,
} from '../account/second-factor-form';
import { vecheApi } from '../api/veche-api';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { ErrorSummary } from './error-summary.component';

interface Props {
  /** From the password step: answered here with a code, once. */
  challenge: string;
  onSignedIn: (user: CurrentUser) => void;
  /** The challenge is void (too many wrong codes, or expired): back to the password. */
  onStartOver: (reason: 'challenge_invalid' | null) => void;
}

const FIELD_ID = 'login-code';

/**
 * The second step of signing in for an account with a second factor: the 6-digit code from the
 * app, or (behind a toggle) one of the recovery codes.
 */
export function SecondFactorStep({ challenge, onSignedIn, onStartOver }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('secondFactor.stepTitle'));
  const [kind, setKind] = useState<Exclude<CodeKind, 'any'>>('totp');
  const [code, setCode] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<CodeErrors | null>(null);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The step replaces the password form: its heading takes the focus, so a screen reader says
  // where the user now is.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  // After switching between the app's code and a recovery code, the (new) field has the focus.
  const switched = useRef(false);
  useEffect(() => {
    if (switched.current) document.getElementById(FIELD_ID)?.focus();
  }, [kind]);

  const fail = (next: CodeErrors) => {
    setErrors(next);
    setFailedAttempts((count) => count + 1);
  };

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    const checked = checkCode(code, kind);
    if (!checked.ok) {
      fail({ field: checked.problem, attemptsLeft: null, form: null });
      return;
    }
    setErrors(null);
    setSubmitting(true);
    try {
      onSignedIn(await vecheApi.loginSecondFactor({ challenge, code: checked.code }));
    } catch (error) {
      const next = codeErrorsFrom(error);
      setSubmitting(false);
      if (next.form?.kind === 'secondFactor' && next.form.code === 'challenge_invalid') {
        onStartOver('challenge_invalid');
        return;
      }
      fail(next);
    }
  }

  const fieldError = codeProblemText(t, errors?.field ?? null, errors?.attemptsLeft ?? null);
  const formError = codeFormText(t, errors);
  const label = kind === 'totp' ? t('secondFactor.code') : t('secondFactor.recoveryCode');

  return (
    <div className="login">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('secondFactor.stepTitle')}
      </h1>
      <p className="lead">
        {kind === 'totp' ? t('secondFactor.stepIntro') : t('secondFactor.stepRecoveryIntro')}
      </p>
      {errors && (fieldError || formError) && (
        <ErrorSummary
          key={failedAttempts}
          title={t('login.errorSummaryTitle')}
          formMessage={formError}
          fieldMessages={fieldError ? [{ fieldId: FIELD_ID, message: fieldError }] : []}
        />
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <CodeField
          // A new field for the other kind: the browser's suggestions and the keyboard change too.
          key={kind}
          id={FIELD_ID}
          label={label}
          kind={kind}
          value={code}
          onChange={setCode}
          error={fieldError}
        />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('secondFactor.verifying') : t('secondFactor.verify')}
        </button>
        <p className="visually-hidden" role="status">
          {submitting ? t('secondFactor.verifying') : ''}
        </p>
      </form>
      <div className="second-factor-step__other">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setKind(kind === 'totp' ? 'recovery' : 'totp');
            setCode('');
            setErrors(null);
            switched.current = true;
          }}
        >
          {kind === 'totp' ? t('secondFactor.useRecovery') : t('secondFactor.useApp')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onStartOver(null)}>
          {t('secondFactor.startOver')}
        </button>
      </div>
    </div>
  );
}
