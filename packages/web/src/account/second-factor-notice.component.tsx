import type { CurrentUser } from '@veche/protocol';
import { useTranslation } from 'react-i18next';
import { RouteLink } from '../routing/route-link.component';
import { securityPath } from '../routing/routes';

/**
 * For staff (operator, chair, administrators) without a second factor: a polite word on their
 * home page, with the way to the account page. Nothing is forced.
 */
export function SecondFactorNotice({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  if (user.secondFactorRecommended !== true) return null;
  return (
    <p className="notice second-factor-notice">
      {t('secondFactor.notice')}{' '}
      <RouteLink to={securityPath()}>{t('secondFactor.noticeLink')}</RouteLink>
    </p>
  );
}
