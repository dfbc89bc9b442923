import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SittingView } from '../live/sitting-view';
import type { Run } from './conduct-run';
import { presenceList } from './conduct-selectors';

interface Props {
  view: SittingView;
  busy: boolean;
  run: Run;
}

/** Who is present, with manual marking for members in the hall (arrivals and departures). */
export function ConductPresence({ view, busy, run }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const list = presenceList(view);
  const present = list.filter((entry) => entry.present === true).length;
  const confirmed = new Set(view.quorumCheck?.confirmed ?? []);
  const mayMark = view.status === 'open' || view.status === 'suspended';
  return (
    <section className="conduct-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('conduct.presence.heading')}</h2>
      <p className="muted">
        {t('conduct.presence.summary', { present, total: view.setup.statutorySize })}
      </p>
      <ul className="conduct-list">
        {list.map(({ member, present: here }) => {
          const isHere = here === true || confirmed.has(member.id);
          return (
            <li key={member.id} className="conduct-list__row">
              <span>
                <span aria-hidden="true">{isHere ? '✓ ' : '– '}</span>
                {member.name}{' '}
                <span className="muted">
                  (
                  {isHere
                    ? t('conduct.presence.present')
                    : here === false
                      ? t('conduct.presence.absent')
                      : t('conduct.presence.unknown')}
                  )
                </span>
              </span>
              <button
                type="button"
                className="button button--quiet"
                disabled={busy || !mayMark}
                // The visible words first, so that speech input finds the button (WCAG 2.5.3).
                aria-label={`${t(
                  isHere ? 'conduct.presence.markAbsent' : 'conduct.presence.markPresent',
                )}: ${member.name}`}
                onClick={() =>
                  run({ type: 'presence.mark', memberId: member.id, present: !isHere }, 'presence')
                }
              >
                {isHere ? t('conduct.presence.markAbsent') : t('conduct.presence.markPresent')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
