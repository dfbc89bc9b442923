import type { ReactNode } from 'react';

interface FieldFrameProps {
  id: string;
  label: string;
  /** The translated problem, or null. */
  error: string | null;
  hint?: string;
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, hint and error of one field, tied to its control for screen readers (WCAG 3.3.1). */
function FieldFrame({ id, label, error, hint, children }: FieldFrameProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === null ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          <span className="field__error-icon" aria-hidden="true">
            !
          </span>
          {error}
        </p>
      )}
      {children(describedBy)}
    </div>
  );
}

interface InputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  type?: 'text' | 'email' | 'date' | 'number';
  hint?: string;
  required?: boolean;
  autoComplete?: string;
}

export function InputField({
  id,
  label,
  value,
  onChange,
  error,
  type = 'text',
  hint,
  required = false,
  autoComplete = 'off',
}: InputProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(describedBy) => (
        <input
          id={id}
          name={id}
          type={type}
          value={value}
          required={required}
          autoComplete={autoComplete}
          inputMode={type === 'number' ? 'numeric' : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

interface SelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  options: readonly { value: string; label: string }[];
  hint?: string;
}

export function SelectField({ id, label, value, onChange, error, options, hint }: SelectProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(describedBy) => (
        <select
          id={id}
          name={id}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
