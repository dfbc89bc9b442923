import type { ReactNode } from 'react';

/** What a control needs to be tied to its hint and its error for screen readers. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  /** The input, select or textarea, given the props that tie it to the label, hint and error. */
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with an optional hint and its error written out above it. */
export function FormField({ id, label, hint, error, children }: Props) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint === undefined ? null : hintId, error === undefined ? null : errorId]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p id={errorId} className="field__error">
          <span className="field__error-icon" aria-hidden="true">
            !
          </span>
          {error}
        </p>
      )}
      {children({
        id,
        'aria-invalid': error === undefined ? undefined : true,
        'aria-describedby': described === '' ? undefined : described,
      })}
    </div>
  );
}
