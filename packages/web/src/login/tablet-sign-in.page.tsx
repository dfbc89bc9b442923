import type { TabletLogin } from '@veche/protocol';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { RouteLink } from '../routing/route-link.component';

interface Props {
  token: string;
  onSignedIn: (login: TabletLogin) => void;
}

/**
 * A code works once, so it is redeemed once per page load: React may run an effect twice
 * (StrictMode, a quick remount), and the second run must share the first one's answer rather
 * than spend the code again.
 */
const redeeming = new Map<string, Promise<TabletLogin>>();

function redeemOnce(token: string): Promise<TabletLogin> {
  let answer = redeeming.get(token);
  if (answer === undefined) {
    answer = vecheApi.tabletLogin(token);
    redeeming.set(token, answer);
    // A failure for want of a network may be tried again; the server keeps an unused code.
    answer.catch(() => redeeming.delete(token));
  }
  return answer;
}

/**
 * Where a tablet's QR code leads: signs the tablet in as the member the operator chose, then
 * opens the sitting in place of this address (so Back does not return to a spent code).
 */
export function TabletSignInPage({ token, onSignedIn }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('tablet.title'));
  const [problem, setProblem] = useState<ErrorMessageCode | null>(null);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The latest callback, without redeeming again when the parent renders anew.
  const signedIn = useEffectEvent(onSignedIn);

  useEffect(() => {
    let current = true;
    redeemOnce(token).then(
      (login) => {
        if (current) signedIn(login);
      },
      (error: unknown) => {
        if (!current) return;
        setProblem(errorMessageCode(error));
        headingRef.current?.focus();
      },
    );
    return () => {
      current = false;
    };
  }, [token, attempt]);

  const retryable = problem === 'network' || problem === 'unavailable' || problem === 'unexpected';
  return (
    <div className="login">
      <h1 ref={headingRef} tabIndex={-1}>
        {problem === null ? t('tablet.title') : t('tablet.failedTitle')}
      </h1>
      {problem === null ? (
        <p className="lead" role="status">
          {t('tablet.working')}
        </p>
      ) : (
        <>
          <p className="problem" role="alert">
            {t(`errors.${problem}`)}
          </p>
          {retryable && (
            <p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setProblem(null);
                  setAttempt((count) => count + 1);
                }}
              >
                {t('tablet.retry')}
              </button>
            </p>
          )}
          <p>
            <RouteLink to="/">{t('tablet.toSignIn')}</RouteLink>
          </p>
        </>
      )}
    </div>
  );
}
