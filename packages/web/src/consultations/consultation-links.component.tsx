import type { CurrentUser } from '@veche/protocol';
import { useTranslation } from 'react-i18next';
import { RouteLink } from '../routing/route-link.component';
import { councilConsultationsPath, type Route } from '../routing/routes';

interface Props {
  user: CurrentUser;
  currentPage: Route['name'] | undefined;
}

/** The office: operators and council administrators manage consultations. */
const OFFICE = ['operator', 'council_admin'] as const;
const PAGES: readonly Route['name'][] = ['councilConsultations', 'newConsultation', 'consultation'];

/** The header's link to the office's consultations; with several councils each names its council. */
export function ConsultationLinks({ user, currentPage }: Props) {
  const { t } = useTranslation();
  const office = user.councils.filter((council) =>
    council.roles.some((role) => (OFFICE as readonly string[]).includes(role)),
  );
  return (
    <>
      {office.map((council) => (
        <li key={`consultations-${council.councilId}`}>
          <RouteLink
            to={councilConsultationsPath(council.councilId)}
            aria-current={
              currentPage !== undefined && PAGES.includes(currentPage) ? 'page' : undefined
            }
          >
            {office.length > 1
              ? `${t('consultations.nav')}: ${council.councilName}`
              : t('consultations.nav')}
          </RouteLink>
        </li>
      ))}
    </>
  );
}
