import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField, codeFormText, codeProblemText } from './code-field.component';
import { checkCode, codeErrorsFrom, type CodeErrors, type CodeKind } from './second-factor-form';

interface Props {
  /** Without one, the form is part of a larger section (the setup) and has no heading. */
  heading?: string;
  intro: ReactNode;
  label: string;
  kind: CodeKind;
  submitLabel: string;
  /** Sends the checked code; a rejection is shown by the form. */
  onSubmit: (code: string) => Promise<void>;
  /** Other buttons beside the submit button (e.g. Cancel). */
  extra?: ReactNode;
  className?: string;
}

/**
 * A small form around one code field, for the account page: it checks the code before sending,
 * moves the focus to the field when something is wrong (its error is tied to it, so a screen
 * reader reads both), and says problems of the whole attempt in an alert.
 */
export function CodeForm({
  heading,
  intro,
  label,
  kind,
  submitLabel,
  onSubmit,
  extra,
  className = 'account-panel',
}: Props) {
  const { t } = useTranslation();
  const ids = { heading: useId(), field: useId() };
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<CodeErrors | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const focusField = () => window.setTimeout(() => document.getElementById(ids.field)?.focus());

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    const checked = checkCode(code, kind);
    if (!checked.ok) {
      setErrors({ field: checked.problem, attemptsLeft: null, form: null });
      focusField();
      return;
    }
    setErrors(null);
    setSubmitting(true);
    try {
      await onSubmit(checked.code);
    } catch (error) {
      const next = codeErrorsFrom(error);
      setErrors(next);
      setSubmitting(false);
      if (next.field !== null) focusField();
      return;
    }
    setSubmitting(false);
    setCode('');
  }

  const formError = codeFormText(t, errors);
  const content = (
    <>
      <p>{intro}</p>
      {formError && (
        <p className="problem" role="alert">
          {formError}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <CodeField
          id={ids.field}
          label={label}
          kind={kind}
          value={code}
          onChange={setCode}
          error={codeProblemText(t, errors?.field ?? null)}
        />
        <div className="account-panel__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('secondFactor.working') : submitLabel}
          </button>
          {extra}
        </div>
      </form>
    </>
  );
  if (heading === undefined) return <div className={className}>{content}</div>;
  return (
    <section className={className} aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{heading}</h2>
      {content}
    </section>
  );
}
