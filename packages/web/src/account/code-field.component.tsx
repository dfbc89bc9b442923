import type { TFunction } from 'i18next';
import type { CodeErrors, CodeKind, CodeProblem } from './second-factor-form';

interface Props {
  id: string;
  label: string;
  kind: CodeKind;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}

/**
 * A labelled field for a second-factor code. For the app's code it asks phones for the number
 * pad and lets them offer a code from a message or an app (`one-time-code`); for a recovery code
 * it keeps the phone from capitalising or correcting what is typed.
 */
export function CodeField({ id, label, kind, value, onChange, error }: Props) {
  const errorId = `${id}-error`;
  const digits = kind === 'totp';
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {error && (
        <p id={errorId} className="field__error">
          <span className="field__error-icon" aria-hidden="true">
            !
          </span>
          {error}
        </p>
      )}
      <input
        id={id}
        name={id}
        type="text"
        className={digits ? 'code-field code-field--digits' : 'code-field'}
        inputMode={digits ? 'numeric' : 'text'}
        autoComplete={digits ? 'one-time-code' : 'off'}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={digits ? 7 : 40}
        required
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** The words of a code field's problem (with the tries left after a wrong code). */
export function codeProblemText(
  t: TFunction,
  problem: CodeProblem | null,
  attemptsLeft: number | null = null,
): string | null {
  if (problem === null) return null;
  if (problem === 'code_invalid') {
    const base = t('secondFactor.errors.code_invalid');
    return attemptsLeft === null
      ? base
      : `${base} ${t('secondFactor.attemptsLeft', { count: attemptsLeft })}`;
  }
  return t(`secondFactor.fieldErrors.${problem}`);
}

/** The words of a whole attempt's problem, if it has one. */
export function codeFormText(t: TFunction, errors: CodeErrors | null): string | null {
  const form = errors?.form;
  if (!form) return null;
  return form.kind === 'secondFactor'
    ? t(`secondFactor.errors.${form.code}`)
    : t(`errors.${form.code}`);
}
