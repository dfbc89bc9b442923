import type { ReactNode } from 'react';

interface FrameProps {
  id: string;
  label: string;
  hint?: string;
  error: string | null;
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, hint and error of a field, tied to its control (WCAG 1.3.1, 3.3.1). */
function Frame({ id, label, hint, error, children }: FrameProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === null ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error === null ? 'field' : 'field field--error'}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error !== null && (
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

interface TextProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}

export function TextInput({ id, label, hint, value, onChange, error }: TextProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          type="text"
          value={value}
          autoComplete="off"
          aria-invalid={error === null ? undefined : true}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Frame>
  );
}

export function TextArea({ id, label, hint, value, onChange, error }: TextProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          value={value}
          rows={6}
          aria-invalid={error === null ? undefined : true}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Frame>
  );
}

interface FileProps {
  id: string;
  label: string;
  hint?: string;
  onChange: (file: File | null) => void;
  error: string | null;
}

export function FileInput({ id, label, hint, onChange, error }: FileProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          type="file"
          accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,.webp"
          aria-invalid={error === null ? undefined : true}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        />
      )}
    </Frame>
  );
}

/** A polite status line: what just happened, read out without moving the focus. */
export function StatusText({ text }: { text: string | null }) {
  return (
    <p role="status" className="interpellation__status">
      {text}
    </p>
  );
}
