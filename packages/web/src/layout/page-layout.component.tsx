import type { CurrentUser } from '@veche/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language';
import { AppUpdateNotice } from '../pwa/app-update-notice.component';
import { RouteLink } from '../routing/route-link.component';
import {
  councilAdminPath,
  PLATFORM_COUNCILS_PATH,
  securityPath,
  type Route,
} from '../routing/routes';
import { LanguageSwitcher } from './language-switcher.component';
import { InterpellationLinks } from '../interpellations/interpellation-links.component';
import { ConsultationLinks } from '../consultations/consultation-links.component';

interface Props {
  user: CurrentUser | null;
  signingOut?: boolean;
  onChooseLanguage: (language: Language) => void;
  onSignOut?: () => void;
  /** A message about the whole app (e.g. a preference that could not be saved). */
  notice?: string | null;
  /** The page shown, so that the menu marks it. */
  currentPage?: Route['name'];
  children: ReactNode;
}

/** The frame of every page: skip link, header with the language switcher, main, footer. */
export function PageLayout({
  user,
  signingOut = false,
  onChooseLanguage,
  onSignOut,
  notice,
  currentPage,
  children,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <p className="brand">
            <span className="brand__mark" aria-hidden="true">
              V
            </span>
            <span>{t('app.name')}</span>
          </p>
          <LanguageSwitcher onChoose={onChooseLanguage} />
        </div>
        {user && (
          <div className="site-header__account">
            <nav aria-label={t('nav.label')}>
              <ul className="nav-list">
                <li>
                  <RouteLink to="/" aria-current={currentPage === 'sittings' ? 'page' : undefined}>
                    {t('nav.upcoming')}
                  </RouteLink>
                </li>
                {user.isPlatformAdmin === true && (
                  <li>
                    <RouteLink
                      to={PLATFORM_COUNCILS_PATH}
                      aria-current={currentPage === 'platformCouncils' ? 'page' : undefined}
                    >
                      {t('admin.nav.councils')}
                    </RouteLink>
                  </li>
                )}
                {user.councils
                  .filter((council) => council.roles.includes('council_admin'))
                  .map((council, _index, administered) => (
                    <li key={council.councilId}>
                      <RouteLink
                        to={councilAdminPath(council.councilId)}
                        aria-current={currentPage === 'councilAdmin' ? 'page' : undefined}
                      >
                        {administered.length === 1
                          ? t('admin.nav.administration')
                          : t('admin.nav.administrationOf', { name: council.councilName })}
                      </RouteLink>
                    </li>
                  ))}
                <InterpellationLinks user={user} currentPage={currentPage} />
                <ConsultationLinks user={user} currentPage={currentPage} />
                <li>
                  <RouteLink
                    to={securityPath()}
                    aria-current={currentPage === 'security' ? 'page' : undefined}
                  >
                    {t('secondFactor.nav')}
                  </RouteLink>
                </li>
              </ul>
            </nav>
            <div className="account">
              <p className="account__name">{t('account.signedInAs', { name: user.displayName })}</p>
              <button
                type="button"
                className="button button--inverse"
                onClick={onSignOut}
                disabled={signingOut}
              >
                {signingOut ? t('account.signingOut') : t('account.signOut')}
              </button>
            </div>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <div role="status" className="notice-region">
          {notice && <p className="notice">{notice}</p>}
          <AppUpdateNotice />
        </div>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
