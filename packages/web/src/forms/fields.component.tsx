import { FormField } from '../forms/form-field.component';

/*
 * The app's labelled form fields, each a control inside `FormField` (label, hint and error tied
 * to it for screen readers). Errors are translated text, or null when the field is fine.
 */

interface InputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  type?: 'text' | 'email' | 'date' | 'number' | 'url' | 'time';
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  /** For a time: 1 to let seconds be entered. */
  step?: number;
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
  step,
}: InputProps) {
  return (
    <FormField id={id} label={label} error={error ?? undefined} hint={hint}>
      {(control) => (
        <input
          {...control}
          name={id}
          type={type}
          value={value}
          required={required}
          autoComplete={autoComplete}
          step={step}
          inputMode={type === 'number' ? 'numeric' : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
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
    <FormField id={id} label={label} error={error ?? undefined} hint={hint}>
      {(control) => (
        <select
          {...control}
          name={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

interface TextAreaProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}

export function TextAreaField({ id, label, hint, value, onChange, error }: TextAreaProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error ?? undefined}>
      {(control) => (
        <textarea
          {...control}
          value={value}
          rows={6}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

interface FileProps {
  id: string;
  label: string;
  hint?: string;
  onChange: (file: File | null) => void;
  error: string | null;
}

/** A file input for the documents Veche accepts (judged by content on the server). */
export function FileField({ id, label, hint, onChange, error }: FileProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error ?? undefined}>
      {(control) => (
        <input
          {...control}
          type="file"
          accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,.webp"
          onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        />
      )}
    </FormField>
  );
}
