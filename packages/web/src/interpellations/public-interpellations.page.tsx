import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { InterpellationCard } from './interpellation-card.component';
import { InterpellationList } from './interpellation-list.component';
import { interpellationsApi } from './interpellations-api';
import { useInterpellations } from './use-interpellations.hook';
import './interpellations.css';

interface Props {
  councilId: string;
  focusHeading: boolean;
}

/**
 * A council's interpellations and questions for anyone, no sign-in (DESIGN.md section 6: the
 * answers are published): each with its text, its deadline, the answer and the files.
 */
export function PublicInterpellationsPage({ councilId, focusHeading }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('interpellations.publicTitle'));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  const load = useCallback(() => interpellationsApi.published(councilId), [councilId]);
  const { loaded } = useInterpellations(load);

  return (
    <div className="interpellations">
      <div>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('interpellations.publicTitle')}
        </h1>
        <p className="lead">{t('interpellations.publicIntro')}</p>
      </div>
      <InterpellationList loaded={loaded}>
        {(item) => <InterpellationCard interpellation={item} />}
      </InterpellationList>
    </div>
  );
}
