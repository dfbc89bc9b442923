import type { NotificationsResponse } from '@veche/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vecheApi } from '../api/veche-api';
import { isLanguage } from '../i18n/language';
import { RouteLink } from '../routing/route-link.component';
import { livePath } from '../routing/routes';

/**
 * What the member was told about sittings (convened, changed), newest first, as the e-mails
 * said it, in the language of the page. Shown only when there is something; a failure to load
 * hides it (the sittings below still say everything).
 */
export function Notifications() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [loaded, setLoaded] = useState<NotificationsResponse | null>(null);
  const [marking, setMarking] = useState(false);
  const language = isLanguage(i18n.language) ? i18n.language : 'en';

  useEffect(() => {
    let current = true;
    vecheApi.notifications(language).then(
      (answer) => {
        if (current) setLoaded(answer);
      },
      () => {
        if (current) setLoaded(null);
      },
    );
    return () => {
      current = false;
    };
  }, [language]);

  if (loaded === null || loaded.notifications.length === 0) return null;
  const markRead = async () => {
    setMarking(true);
    try {
      await vecheApi.markNotificationsRead();
      setLoaded({
        unread: 0,
        notifications: loaded.notifications.map((notification) => ({
          ...notification,
          read: true,
        })),
      });
    } finally {
      setMarking(false);
    }
  };
  return (
    <section className="notifications" aria-labelledby={headingId}>
      <div className="notifications__header">
        <h2 id={headingId}>
          {t('notifications.title')}
          {loaded.unread > 0 && (
            <span className="notifications__count">
              {' '}
              {t('notifications.unread', { count: loaded.unread })}
            </span>
          )}
        </h2>
        {loaded.unread > 0 && (
          <button
            type="button"
            className="button button--quiet"
            disabled={marking}
            onClick={() => void markRead()}
          >
            {t('notifications.markRead')}
          </button>
        )}
      </div>
      <ul className="notifications__list">
        {loaded.notifications.map((notification) => (
          <li key={notification.id} className="notifications__item">
            <p className="notifications__title">
              {!notification.read && (
                <span className="badge badge--convened">{t('notifications.new')}</span>
              )}{' '}
              <strong>{t(`notifications.kind.${notification.kind}`)}</strong>{' '}
              <RouteLink to={livePath(notification.sittingId)}>
                {notification.sittingName}
              </RouteLink>
            </p>
            {notification.changes.length > 0 && (
              <ul className="notifications__changes">
                {notification.changes.map((change, index) => (
                  <li key={index}>{change}</li>
                ))}
              </ul>
            )}
            <p className="muted">
              <time dateTime={notification.createdAt}>
                {new Intl.DateTimeFormat(i18n.language, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(new Date(notification.createdAt))}
              </time>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
