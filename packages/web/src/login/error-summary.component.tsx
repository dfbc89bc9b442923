import { useEffect, useRef } from 'react';

interface Props {
  title: string;
  /** A problem with the whole attempt (wrong credentials, too many attempts, no connection). */
  formMessage: string | null;
  /** Problems with single fields; each links to its field. */
  fieldMessages: ReadonlyArray<{ fieldId: string; message: string }>;
}

/**
 * Shown above the form after a failed attempt. It takes the focus when it appears, so a screen
 * reader reads it at once and a keyboard user starts from it (WCAG 3.3.1).
 */
export function ErrorSummary({ title, formMessage, fieldMessages }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // Mounted afresh for every failed attempt (the page keys it), so each attempt takes the focus;
  // a change of language re-renders it without moving the focus.
  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <div ref={ref} className="error-summary" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        <span className="error-summary__icon" aria-hidden="true">
          !
        </span>
        {title}
      </h2>
      {formMessage && <p className="error-summary__message">{formMessage}</p>}
      {fieldMessages.length > 0 && (
        <ul className="error-summary__list">
          {fieldMessages.map(({ fieldId, message }) => (
            <li key={fieldId}>
              <a
                href={`#${fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(fieldId)?.focus();
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
