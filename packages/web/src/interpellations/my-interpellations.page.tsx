import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { RouteLink } from '../routing/route-link.component';
import { publicInterpellationsPath } from '../routing/routes';
import { InterpellationCard } from './interpellation-card.component';
import { InterpellationForm } from './interpellation-form.component';
import { interpellationsApi } from './interpellations-api';
import { InterpellationList } from './interpellation-list.component';
import { useInterpellations } from './use-interpellations.hook';
import './interpellations.css';

interface Props {
  councilId: string;
  focusHeading: boolean;
  onSessionEnded: () => void;
}

/** A councillor's own interpellations and questions, and the form to file one. */
export function MyInterpellationsPage({ councilId, focusHeading, onSessionEnded }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('interpellations.mineTitle'));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  const load = useCallback(() => interpellationsApi.mine(councilId), [councilId]);
  const { loaded, replace } = useInterpellations(load, onSessionEnded);

  return (
    <div className="interpellations">
      <div>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('interpellations.mineTitle')}
        </h1>
        <p className="lead">{t('interpellations.mineIntro')}</p>
        <p>
          <RouteLink to={publicInterpellationsPath(councilId)}>
            {t('interpellations.publicLink')}
          </RouteLink>
        </p>
      </div>
      <InterpellationForm councilId={councilId} onFiled={replace} />
      <section aria-labelledby="my-interpellations">
        <h2 id="my-interpellations">{t('interpellations.mineListTitle')}</h2>
        <InterpellationList loaded={loaded}>
          {(item) => <InterpellationCard interpellation={item} headingLevel={3} />}
        </InterpellationList>
      </section>
    </div>
  );
}
