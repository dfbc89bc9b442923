import type { SittingDocument } from '@veche/protocol';
import { useTranslation } from 'react-i18next';
import { documentKind, formatFileSize } from './live-format';

interface Props {
  documents: readonly SittingDocument[];
  /** Names the list for screen readers: which item's documents these are. */
  label: string;
}

/**
 * Documents as links that open the file in the device's own viewer (a new tab: the live page
 * and its connection stay where they are), each with its format and size, so that a councillor
 * on a weak link knows what a tap will cost.
 */
export function DocumentList({ documents, label }: Props) {
  const { t, i18n } = useTranslation();
  if (documents.length === 0) return null;
  return (
    <ul className="document-list" aria-label={label}>
      {documents.map((document) => (
        <li key={document.id}>
          <a
            className="document-list__link"
            href={document.url}
            target="_blank"
            rel="noopener noreferrer"
          >
            <span className="document-list__title">{document.title}</span>{' '}
            <span className="document-list__meta">
              ({documentKind(document.mediaType)},{' '}
              {formatFileSize(document.sizeBytes, i18n.language)})
            </span>
            <span className="visually-hidden"> {t('documents.opensNewTab')}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
