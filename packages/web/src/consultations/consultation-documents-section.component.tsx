import type { Consultation, ConsultationDocument } from '@veche/protocol';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode } from '../api/error-message';
import { FormField } from '../forms/form-field.component';
import { InputField } from '../forms/fields.component';
import { documentKind, formatFileSize } from '../live/live-format';
import { consultationsApi } from './consultations-api';

interface Props {
  consultation: Consultation;
  onChanged: (documents: ConsultationDocument[]) => void;
  onSessionEnded: () => void;
}

/** Refusals with words of their own: `consultations.documents.errors.<code>`. */
const UPLOAD_CODES = ['file_too_large', 'file_type_unsupported', 'file_empty'] as const;
type UploadCode = (typeof UPLOAD_CODES)[number];
const isUploadCode = (code: string): code is UploadCode =>
  (UPLOAD_CODES as readonly string[]).includes(code);
const FORMATS = 'PDF, DOCX, ODT, PNG, JPEG, WebP';

/**
 * The consultation's documents (the draft, maps, an explanatory note), public once it is
 * published: the office uploads a file with a title and removes one; the remove button names it.
 */
export function ConsultationDocumentsSection({ consultation, onChanged, onSessionEnded }: Props) {
  const { t, i18n } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; field: 'file' | null } | null>(null);
  const [status, setStatus] = useState('');
  const documents = consultation.documents;

  const fail = (error: unknown) => {
    if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
    const code = error instanceof ApiRequestError ? error.code : '';
    const own = isUploadCode(code);
    setProblem({
      message: isUploadCode(code)
        ? t(`consultations.documents.errors.${code}`, { formats: FORMATS })
        : t(`errors.${errorMessageCode(error)}`),
      field: own ? 'file' : null,
    });
    if (own) fileRef.current?.focus();
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus('');
    const file = fileRef.current?.files?.[0];
    if (file === undefined) {
      setProblem({ message: t('consultations.documents.errors.noFile'), field: 'file' });
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const added = await consultationsApi.uploadDocument(consultation.id, file, title);
      onChanged([...documents, added]);
      setProblem(null);
      setTitle('');
      if (fileRef.current !== null) fileRef.current.value = '';
      setStatus(t('consultations.documents.uploaded', { title: added.title }));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (document: ConsultationDocument) => {
    if (busy) return;
    setBusy(true);
    setStatus('');
    try {
      await consultationsApi.removeDocument(consultation.id, document.id);
      onChanged(documents.filter((item) => item.id !== document.id));
      setProblem(null);
      setStatus(t('consultations.documents.removed', { title: document.title }));
      // The button is gone with its document: the focus goes back to the section.
      headingRef.current?.focus();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="consultations__section" aria-labelledby="consultation-documents-heading">
      <h2 id="consultation-documents-heading" ref={headingRef} tabIndex={-1}>
        {t('consultations.documents.heading')}
      </h2>
      {documents.length === 0 ? (
        <p className="empty">{t('consultations.documents.none')}</p>
      ) : (
        <ul className="consultation-documents">
          {documents.map((document) => (
            <li key={document.id}>
              <a href={document.url}>{document.title}</a>{' '}
              <span className="muted">
                ({document.fileName}, {documentKind(document.mediaType)},{' '}
                {formatFileSize(document.sizeBytes, i18n.language)})
              </span>{' '}
              <button
                type="button"
                className="button button--quiet"
                aria-label={t('consultations.documents.removeNamed', { title: document.title })}
                disabled={busy}
                onClick={() => void remove(document)}
              >
                {t('consultations.documents.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form" noValidate onSubmit={(event) => void upload(event)}>
        <h3>{t('consultations.documents.uploadHeading')}</h3>
        <FormField
          id="consultation-document-file"
          label={t('consultations.documents.file')}
          hint={t('consultations.documents.fileHint', { formats: FORMATS })}
          error={problem?.field === 'file' ? problem.message : undefined}
        >
          {(control) => (
            <input
              {...control}
              ref={fileRef}
              type="file"
              accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,.webp"
            />
          )}
        </FormField>
        <InputField
          id="consultation-document-title"
          label={t('consultations.documents.title')}
          hint={t('consultations.documents.titleHint')}
          value={title}
          onChange={setTitle}
          error={null}
        />
        {problem !== null && problem.field === null && (
          <p className="field__error" role="alert">
            {problem.message}
          </p>
        )}
        <p role="status" className="consultations__status">
          {status}
        </p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('consultations.documents.uploading') : t('consultations.documents.upload')}
        </button>
      </form>
    </section>
  );
}
