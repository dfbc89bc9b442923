import type { TabletLink } from '@veche/protocol';
import { toString as qrSvg } from 'qrcode';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { Countdown } from '../live/countdown.component';
import type { SittingView } from '../live/sitting-view';
import { tabletPath } from '../routing/routes';

interface Props {
  view: SittingView;
  serverNow: () => number;
}

type Shown =
  | { state: 'idle' }
  | { state: 'asking' }
  | { state: 'shown'; link: TabletLink; url: string; svg: string }
  | { state: 'failed'; code: ErrorMessageCode };

/**
 * Signs a member's tablet in without a password: the operator picks the member and shows a QR
 * code that the tablet's camera opens. The code works once and for two minutes (the server
 * decides both); a new one can be made at any time.
 */
export function ConductTablet({ view, serverNow }: Props) {
  const { t } = useTranslation();
  const ids = { heading: useId(), member: useId() };
  const members = view.setup.members;
  const [memberId, setMemberId] = useState(members[0]?.id ?? '');
  const [shown, setShown] = useState<Shown>({ state: 'idle' });

  const show = async (event?: FormEvent<HTMLFormElement>): Promise<void> => {
    event?.preventDefault();
    setShown({ state: 'asking' });
    try {
      const link = await vecheApi.issueTabletLink(view.setup.sittingId, memberId);
      const url = `${window.location.origin}${tabletPath(link.token)}`;
      const svg = await qrSvg(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      setShown({ state: 'shown', link, url, svg });
    } catch (error) {
      setShown({ state: 'failed', code: errorMessageCode(error) });
    }
  };

  // A code on the screen past its time only misleads: it is taken away when it expires.
  const expiresAt = shown.state === 'shown' ? Date.parse(shown.link.expiresAt) : null;
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = window.setTimeout(
      () => setShown({ state: 'idle' }),
      Math.max(0, expiresAt - serverNow()),
    );
    return () => window.clearTimeout(timer);
  }, [expiresAt, serverNow]);

  return (
    <section className="conduct-panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('conduct.tablet.heading')}</h2>
      <p className="muted">{t('conduct.tablet.intro')}</p>
      <form className="conduct-form" onSubmit={(event) => void show(event)}>
        <div className="conduct-field">
          <label htmlFor={ids.member}>{t('conduct.tablet.member')}</label>
          <select
            id={ids.member}
            value={memberId}
            onChange={(event) => {
              setMemberId(event.target.value);
              setShown({ state: 'idle' });
            }}
          >
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={shown.state === 'asking'}>
          {shown.state === 'shown' ? t('conduct.tablet.again') : t('conduct.tablet.show')}
        </button>
      </form>
      <div aria-live="polite">
        {shown.state === 'failed' && <p className="problem">{t(`errors.${shown.code}`)}</p>}
        {shown.state === 'shown' && (
          <div className="conduct-tablet">
            <p>
              <strong>{t('conduct.tablet.forMember', { name: shown.link.memberName })}</strong>
            </p>
            <div
              className="conduct-tablet__code"
              role="img"
              aria-label={t('conduct.tablet.codeLabel', { name: shown.link.memberName })}
              // The SVG is drawn by the qrcode library from our own address: no outside markup.
              dangerouslySetInnerHTML={{ __html: shown.svg }}
            />
            <Countdown endsAt={expiresAt ?? 0} serverNow={serverNow} />
            <p className="muted">
              {t('conduct.tablet.orOpen')} <code className="conduct-tablet__url">{shown.url}</code>
            </p>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setShown({ state: 'idle' })}
            >
              {t('conduct.tablet.hide')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
