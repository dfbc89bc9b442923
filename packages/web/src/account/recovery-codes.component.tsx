import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { recoveryCodesFile } from './second-factor-form';

interface Props {
  codes: readonly string[];
  email: string;
  onSaved: () => void;
}

/**
 * The recovery codes, shown once (the server keeps only their hashes): a list to copy or print,
 * a text file to download, and "I have saved them" to move on.
 */
export function RecoveryCodes({ codes, email, onSaved }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // They replace the form the user just sent: the heading takes the focus and is read out.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const download = () => {
    const text = recoveryCodesFile(
      t('secondFactor.fileTitle', { email }),
      t('secondFactor.fileNote'),
      codes,
    );
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'veche-recovery-codes.txt';
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="account-panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('secondFactor.codesHeading')}
      </h2>
      <p>{t('secondFactor.codesIntro')}</p>
      <ol className="recovery-codes" aria-label={t('secondFactor.codesLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="account-panel__actions">
        <button type="button" className="button" onClick={download}>
          {t('secondFactor.download')}
        </button>
        <button type="button" className="button button--primary" onClick={onSaved}>
          {t('secondFactor.saved')}
        </button>
      </div>
    </section>
  );
}
