import type { Interpellation } from '@veche/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A council's calendar day (YYYY-MM-DD) in the reader's language; the day itself, no shift. */
export function formatDay(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

interface Props {
  interpellation: Interpellation;
  /** `h2` on a page of cards, `h3` under a section heading. */
  headingLevel?: 2 | 3;
  /** Extra controls (the office's answer form). */
  children?: ReactNode;
}

/**
 * One interpellation or question: number, kind, status and deadline as words (an overdue one
 * says so in text and with a sign, never by colour alone), its text, the answer and the files.
 */
export function InterpellationCard({ interpellation: item, headingLevel = 2, children }: Props) {
  const { t, i18n } = useTranslation();
  const day = (date: string) => formatDay(date, i18n.language);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const questionFiles = item.files.filter((file) => file.role === 'question');
  const answerFiles = item.files.filter((file) => file.role === 'answer');
  const headingId = `interpellation-${item.id}`;
  return (
    <article className="interpellation" aria-labelledby={headingId}>
      <p className="interpellation__eyebrow">
        {t(`interpellations.kind.${item.kind}`)}{' '}
        {t('interpellations.number', { number: item.number })}
      </p>
      <Heading id={headingId} className="interpellation__subject">
        {item.subject}
      </Heading>
      <p className="interpellation__badges">
        <span className={`badge badge--${item.status === 'answered' ? 'open' : 'convened'}`}>
          {t(`interpellations.status.${item.status}`)}
        </span>
        {item.overdue && (
          <span className="badge badge--overdue">
            <span aria-hidden="true">⚠ </span>
            {t('interpellations.overdue')}
          </span>
        )}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('interpellations.author')}</dt>
          <dd>{item.authorName}</dd>
        </div>
        <div>
          <dt>{t('interpellations.addressee')}</dt>
          <dd>{item.addressee}</dd>
        </div>
        <div>
          <dt>{t('interpellations.filedOn')}</dt>
          <dd>{day(item.filedOn)}</dd>
        </div>
        <div>
          <dt>{t('interpellations.deadline')}</dt>
          <dd>{day(item.deadline)}</dd>
        </div>
        {item.answeredOn !== null && (
          <div>
            <dt>{t('interpellations.answeredOn')}</dt>
            <dd>
              {day(item.answeredOn)}
              {item.answeredLate && ` (${t('interpellations.late')})`}
            </dd>
          </div>
        )}
      </dl>
      <p className="interpellation__text">{item.text}</p>
      <FileList files={questionFiles} label={t('interpellations.questionFiles')} />
      {item.answerText !== null && (
        <section className="interpellation__answer" aria-label={t('interpellations.answer')}>
          <p className="interpellation__answer-title">{t('interpellations.answer')}</p>
          <p className="interpellation__text">{item.answerText}</p>
          <FileList files={answerFiles} label={t('interpellations.answerFiles')} />
        </section>
      )}
      {children}
    </article>
  );
}

function FileList({ files, label }: { files: Interpellation['files']; label: string }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <div className="interpellation__files">
      <p className="interpellation__files-title">{label}</p>
      <ul>
        {files.map((file) => (
          <li key={file.id}>
            <a href={file.url} target="_blank" rel="noopener">
              {file.title}
            </a>{' '}
            <span className="muted">
              {t('interpellations.fileFacts', {
                name: file.fileName,
                size: Math.max(1, Math.round(file.sizeBytes / 1024)),
              })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
