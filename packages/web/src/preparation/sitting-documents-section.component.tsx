import type { PreparedAgendaItem, SittingDocument } from '@veche/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { documentKind, formatFileSize } from '../live/live-format';
import { ErrorSummary } from '../login/error-summary.component';
import { documentGroups, uploadTargets } from './document-groups';
import { FormField } from '../forms/form-field.component';
import { officeApi } from './office-api';
import './office.css';

interface Props {
  sittingId: string;
  /** The saved agenda: a document belongs to an item the server knows. */
  agenda: readonly PreparedAgendaItem[];
  /** After an upload: the page refreshes the items' document counts. */
  onUploaded: () => void;
  onSessionEnded: () => void;
}

/** Upload refusals with words of their own: `preparation.documents.errors.<code>`. */
const UPLOAD_CODES = [
  'file_too_large',
  'file_type_unsupported',
  'file_empty',
  'unknown_item',
  'validation_failed',
] as const;

type UploadCode = (typeof UPLOAD_CODES)[number];
const isUploadCode = (code: string): code is UploadCode =>
  (UPLOAD_CODES as readonly string[]).includes(code);

interface UploadProblem {
  readonly attempt: number;
  readonly message: string;
  /** `file`, `title` or `itemId`, when the refusal names one. */
  readonly field: string | null;
}

/** The formats the server accepts (it reads the file's content, not only its name). */
const FORMATS = 'PDF, DOCX, ODT, PNG, JPEG, WebP';

const FIELD_IDS: Readonly<Record<string, string>> = {
  file: 'document-file',
  title: 'document-title',
  itemId: 'document-item',
};

/**
 * The sitting's documents, grouped by agenda item, and the office's upload: a file, its title,
 * the item it belongs to (or the sitting as a whole), and whether the public may read it.
 */
export function SittingDocumentsSection({ sittingId, agenda, onUploaded, onSessionEnded }: Props) {
  const { t, i18n } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [documents, setDocuments] = useState<SittingDocument[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [title, setTitle] = useState('');
  const [itemId, setItemId] = useState('');
  const [isPublic, setIsPublic] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<UploadProblem | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    vecheApi.sittingDocuments(sittingId).then(
      (fresh) => {
        if (!current) return;
        setDocuments(fresh);
        setLoadProblem(null);
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
        else setLoadProblem(t(`errors.${errorMessageCode(error)}`));
      },
    );
    return () => {
      current = false;
    };
  }, [sittingId, reloads, onSessionEnded, t]);

  const fail = (error: unknown) => {
    if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
    const code = error instanceof ApiRequestError ? error.code : null;
    const own = code !== null && isUploadCode(code);
    const field =
      error instanceof ApiRequestError ? (error.field ?? error.issues[0]?.field ?? null) : null;
    setProblem((previous) => ({
      attempt: (previous?.attempt ?? 0) + 1,
      message: own
        ? t(`preparation.documents.errors.${code}`, { formats: FORMATS })
        : t(`errors.${errorMessageCode(error)}`),
      field: field !== null && field in FIELD_IDS ? field : null,
    }));
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (uploading) return;
    const file = fileRef.current?.files?.[0];
    setUploaded(null);
    if (file === undefined) {
      setProblem((previous) => ({
        attempt: (previous?.attempt ?? 0) + 1,
        message: t('preparation.documents.errors.noFile'),
        field: 'file',
      }));
      return;
    }
    setUploading(true);
    try {
      const document = await officeApi.uploadDocument(sittingId, {
        file,
        title,
        itemId: itemId === '' ? null : itemId,
        isPublic,
      });
      setProblem(null);
      setUploaded(t('preparation.documents.uploaded', { title: document.title }));
      setTitle('');
      if (fileRef.current !== null) fileRef.current.value = '';
      setReloads((count) => count + 1);
      onUploaded();
    } catch (error) {
      fail(error);
    } finally {
      setUploading(false);
    }
  };

  const targets = uploadTargets(agenda);
  const groups = documents === null ? [] : documentGroups(documents, agenda);
  const fieldError = (field: string) => (problem?.field === field ? problem.message : undefined);

  return (
    <section className="preparation__section" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('preparation.documents.title')}</h2>
      {documents === null && loadProblem === null && <p className="muted">{t('app.loading')}</p>}
      {loadProblem !== null && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('preparation.documents.loadFailed')}</strong> {loadProblem}
          </p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setReloads((count) => count + 1)}
          >
            {t('preparation.editor.retry')}
          </button>
        </div>
      )}
      {documents !== null && groups.length === 0 && (
        <p className="empty">{t('preparation.documents.none')}</p>
      )}
      {groups.map((group) => {
        const heading =
          group.item === null
            ? t('preparation.documents.ofSitting')
            : t('preparation.documents.ofItem', {
                number: group.item.number,
                title: group.item.title,
              });
        return (
          <div key={group.item?.id ?? 'sitting'} className="office-documents__group">
            <h3>{heading}</h3>
            <ul className="office-documents__list" aria-label={heading}>
              {group.documents.map((document) => (
                <li key={document.id} className="office-documents__item">
                  <a href={document.url} target="_blank" rel="noopener noreferrer">
                    {document.title}
                    <span className="visually-hidden"> {t('documents.opensNewTab')}</span>
                  </a>
                  <span className="office-documents__meta">
                    {documentKind(document.mediaType)},{' '}
                    {formatFileSize(document.sizeBytes, i18n.language)} ·{' '}
                    {document.isPublic
                      ? t('preparation.documents.public')
                      : t('preparation.documents.membersOnly')}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}

      <form
        className="form office-documents__form"
        noValidate
        onSubmit={(event) => void upload(event)}
      >
        <h3>{t('preparation.documents.uploadTitle')}</h3>
        {problem !== null && (
          <ErrorSummary
            key={problem.attempt}
            title={t('preparation.documents.uploadFailed')}
            formMessage={problem.field === null ? problem.message : null}
            fieldMessages={
              problem.field === null
                ? []
                : [
                    {
                      fieldId: FIELD_IDS[problem.field] ?? 'document-file',
                      message: problem.message,
                    },
                  ]
            }
          />
        )}
        <FormField
          id="document-file"
          label={t('preparation.documents.file')}
          hint={t('preparation.documents.fileHint', { formats: FORMATS })}
          error={fieldError('file')}
        >
          {(control) => (
            <input
              {...control}
              ref={fileRef}
              type="file"
              accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp"
            />
          )}
        </FormField>
        <FormField
          id="document-title"
          label={t('preparation.documents.documentTitle')}
          hint={t('preparation.documents.documentTitleHint')}
          error={fieldError('title')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={300}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </FormField>
        <FormField
          id="document-item"
          label={t('preparation.documents.item')}
          error={fieldError('itemId')}
        >
          {(control) => (
            <select {...control} value={itemId} onChange={(event) => setItemId(event.target.value)}>
              <option value="">{t('preparation.documents.wholeSitting')}</option>
              {targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {`${target.number}. ${target.title}`}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <label className="office-documents__check" htmlFor="document-public">
          <input
            id="document-public"
            type="checkbox"
            checked={isPublic}
            onChange={(event) => setIsPublic(event.target.checked)}
          />
          <span>{t('preparation.documents.isPublic')}</span>
        </label>
        <div className="preparation__save">
          <button type="submit" className="button button--primary" disabled={uploading}>
            {uploading ? t('preparation.documents.uploading') : t('preparation.documents.upload')}
          </button>
          <div role="status">{uploaded !== null && <p className="confirmation">{uploaded}</p>}</div>
        </div>
      </form>
    </section>
  );
}
