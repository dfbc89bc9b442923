import type {
  CurrentUser,
  RecoveryCodes as Codes,
  SecondFactorSetup,
  SecondFactorStatus,
} from '@veche/protocol';
import { toString as qrSvg } from 'qrcode';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { CodeForm } from './code-form.component';
import { RecoveryCodes } from './recovery-codes.component';

interface Props {
  user: CurrentUser;
  focusHeading: boolean;
  onSessionEnded: () => void;
  /** The second factor was turned on or off: the app asks again who the user is. */
  onChanged: () => void;
}

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; status: SecondFactorStatus }
  | { state: 'failed'; code: ErrorMessageCode };

/** What the page shows besides the state: a setup under way, or codes to save. */
type Step =
  | { name: 'overview' }
  | { name: 'setup'; setup: SecondFactorSetup; svg: string }
  | { name: 'codes'; codes: Codes['recoveryCodes'] };

/** The secret in groups of four, as authenticator apps accept it typed in. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * The user's account security: the TOTP second factor's state; setting it up (a QR code and the
 * key as text, then a code to confirm, then the recovery codes once); new recovery codes;
 * turning it off.
 */
export function AccountSecurityPage({ user, focusHeading, onSessionEnded, onChanged }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('secondFactor.title'));
  const ids = { status: useId(), setup: useId() };
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [step, setStep] = useState<Step>({ name: 'overview' });
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState<'turnedOn' | 'turnedOff' | null>(null);
  const [problem, setProblem] = useState<ErrorMessageCode | null>(null);
  const [starting, setStarting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const setupHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  useEffect(() => {
    let current = true;
    vecheApi.secondFactorStatus().then(
      (status) => {
        if (current) setLoad({ state: 'loaded', status });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
        else setLoad({ state: 'failed', code: errorMessageCode(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt, onSessionEnded]);

  useEffect(() => {
    if (step.name === 'setup') setupHeadingRef.current?.focus();
  }, [step.name]);

  const reload = () => setAttempt((count) => count + 1);

  const startSetup = async (): Promise<void> => {
    setStarting(true);
    setProblem(null);
    setAnnouncement(null);
    try {
      const setup = await vecheApi.setUpSecondFactor();
      const svg = await qrSvg(setup.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      setStep({ name: 'setup', setup, svg });
    } catch (error) {
      setProblem(errorMessageCode(error));
    } finally {
      setStarting(false);
    }
  };

  const status = load.state === 'loaded' ? load.status : null;

  return (
    <div className="account-security" aria-busy={load.state === 'loading'}>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('secondFactor.title')}
      </h1>
      <p className="lead">{t('secondFactor.intro')}</p>
      <div role="status" className="notice-region">
        {announcement && <p className="notice">{t(`secondFactor.${announcement}`)}</p>}
      </div>
      {load.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {load.state === 'failed' && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('secondFactor.loadFailed')}</strong> {t(`errors.${load.code}`)}
          </p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setLoad({ state: 'loading' });
              reload();
            }}
          >
            {t('secondFactor.retry')}
          </button>
        </div>
      )}

      {status && step.name === 'codes' && (
        <RecoveryCodes
          codes={step.codes}
          email={user.email}
          onSaved={() => {
            setStep({ name: 'overview' });
            reload();
            window.setTimeout(() => headingRef.current?.focus());
          }}
        />
      )}

      {status && step.name === 'setup' && (
        <section className="account-panel" aria-labelledby={ids.setup}>
          <h2 id={ids.setup} ref={setupHeadingRef} tabIndex={-1}>
            {t('secondFactor.setUpHeading')}
          </h2>
          <p>{t('secondFactor.scan')}</p>
          <div
            className="second-factor-qr"
            role="img"
            aria-label={t('secondFactor.qrLabel')}
            // The SVG is drawn by the qrcode library from the server's otpauth address.
            dangerouslySetInnerHTML={{ __html: step.svg }}
          />
          <p>{t('secondFactor.manual')}</p>
          <p>
            <code className="second-factor-secret">{grouped(step.setup.secret)}</code>
          </p>
          <CodeForm
            className="account-panel__nested"
            intro={t('secondFactor.enterCode')}
            label={t('secondFactor.code')}
            kind="totp"
            submitLabel={t('secondFactor.confirm')}
            onSubmit={async (code) => {
              const { recoveryCodes } = await vecheApi.confirmSecondFactor(code);
              setStep({ name: 'codes', codes: recoveryCodes });
              setAnnouncement('turnedOn');
              onChanged();
            }}
            extra={
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setStep({ name: 'overview' });
                  window.setTimeout(() => headingRef.current?.focus());
                }}
              >
                {t('secondFactor.cancel')}
              </button>
            }
          />
        </section>
      )}

      {status && step.name === 'overview' && (
        <>
          <section className="account-panel" aria-labelledby={ids.status}>
            <h2 id={ids.status}>{t('secondFactor.statusHeading')}</h2>
            <p className={status.enabled ? 'account-state account-state--on' : 'account-state'}>
              <span className="account-state__mark" aria-hidden="true">
                {status.enabled ? '\u2713' : '!'}
              </span>
              {status.enabled ? t('secondFactor.statusOn') : t('secondFactor.statusOff')}
            </p>
            {status.enabled && (
              <p>{t('secondFactor.recoveryLeft', { count: status.recoveryCodesLeft })}</p>
            )}
            {!status.enabled && status.staff && <p>{t('secondFactor.staffAdvice')}</p>}
            {problem && (
              <p className="problem" role="alert">
                {t(`errors.${problem}`)}
              </p>
            )}
            {!status.enabled && (
              <button
                type="button"
                className="button button--primary"
                disabled={starting}
                onClick={() => void startSetup()}
              >
                {starting ? t('secondFactor.working') : t('secondFactor.setUp')}
              </button>
            )}
          </section>
          {status.enabled && (
            <>
              <CodeForm
                heading={t('secondFactor.renewHeading')}
                intro={t('secondFactor.renewIntro')}
                label={t('secondFactor.codeOrRecovery')}
                kind="any"
                submitLabel={t('secondFactor.renew')}
                onSubmit={async (code) => {
                  const { recoveryCodes } = await vecheApi.renewRecoveryCodes(code);
                  setAnnouncement(null);
                  setStep({ name: 'codes', codes: recoveryCodes });
                }}
              />
              <CodeForm
                heading={t('secondFactor.turnOffHeading')}
                intro={t('secondFactor.turnOffIntro')}
                label={t('secondFactor.codeOrRecovery')}
                kind="any"
                submitLabel={t('secondFactor.turnOff')}
                onSubmit={async (code) => {
                  await vecheApi.turnOffSecondFactor(code);
                  setAnnouncement('turnedOff');
                  reload();
                  onChanged();
                }}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
