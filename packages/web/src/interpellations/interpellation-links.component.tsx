import type { CurrentUser } from '@veche/protocol';
import { useTranslation } from 'react-i18next';
import { RouteLink } from '../routing/route-link.component';
import { councilInterpellationsPath, myInterpellationsPath, type Route } from '../routing/routes';

interface Props {
  user: CurrentUser;
  currentPage: Route['name'] | undefined;
}

const OFFICE = ['operator', 'council_admin'] as const;

/**
 * The header's links to interpellations: a councillor's own, and the office's list of the
 * council's. With several councils each link names its council.
 */
export function InterpellationLinks({ user, currentPage }: Props) {
  const { t } = useTranslation();
  const filing = user.councils.filter((council) => council.roles.includes('councillor'));
  const answering = user.councils.filter((council) =>
    council.roles.some((role) => (OFFICE as readonly string[]).includes(role)),
  );
  const named = (text: string, name: string, many: boolean) => (many ? `${text}: ${name}` : text);
  return (
    <>
      {filing.map((council) => (
        <li key={`mine-${council.councilId}`}>
          <RouteLink
            to={myInterpellationsPath(council.councilId)}
            aria-current={currentPage === 'myInterpellations' ? 'page' : undefined}
          >
            {named(t('interpellations.nav.mine'), council.councilName, filing.length > 1)}
          </RouteLink>
        </li>
      ))}
      {answering.map((council) => (
        <li key={`office-${council.councilId}`}>
          <RouteLink
            to={councilInterpellationsPath(council.councilId)}
            aria-current={currentPage === 'councilInterpellations' ? 'page' : undefined}
          >
            {named(t('interpellations.nav.office'), council.councilName, answering.length > 1)}
          </RouteLink>
        </li>
      ))}
    </>
  );
}
