import type { Body, CurrentUser, Person, Term } from '@veche/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { RouteLink } from '../routing/route-link.component';
import { memberImportPath } from '../routing/routes';
import { AccountsSection } from './accounts-section.component';
import { adminApi } from './admin-api';
import { problemsOf, type AdminErrorCode } from './admin-errors';
import { BodiesSection } from './bodies-section.component';
import { PersonsSection } from './persons-section.component';
import { TermsSection } from './terms-section.component';
import './admin.css';

interface Props {
  councilId: string;
  user: CurrentUser;
  focusHeading: boolean;
  onSessionEnded: () => void;
}

interface Council {
  name: string;
  bodies: Body[];
  terms: Term[];
  persons: Person[];
}

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; council: Council }
  | { state: 'failed'; code: AdminErrorCode | 'validation_failed' };

/** The council administrator's page: bodies, terms, people with their seats, and accounts. */
export function CouncilAdminPage({ councilId, user, focusHeading, onSessionEnded }: Props) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [message, setMessage] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const knownName = user.councils.find((council) => council.councilId === councilId)?.councilName;
  const title =
    load.state === 'loaded'
      ? t('admin.council.title', { name: load.council.name })
      : t('admin.council.titlePlain');
  useDocumentTitle(title);

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  useEffect(() => {
    let current = true;
    const name =
      knownName !== undefined
        ? Promise.resolve(knownName)
        : adminApi.council(councilId).then((council) => council.name);
    Promise.all([
      name,
      adminApi.bodies(councilId),
      adminApi.terms(councilId),
      adminApi.persons(councilId),
    ]).then(
      ([name, bodies, terms, persons]) => {
        if (current) setLoad({ state: 'loaded', council: { name, bodies, terms, persons } });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
        else setLoad({ state: 'failed', code: problemsOf(error).form ?? 'unexpected' });
      },
    );
    return () => {
      current = false;
    };
  }, [councilId, knownName, version, onSessionEnded]);

  const changed = (text: string) => {
    setMessage(text);
    setVersion((count) => count + 1);
  };

  return (
    <div className="admin" aria-busy={load.state === 'loading'}>
      <div>
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        <p className="lead">{t('admin.council.intro')}</p>
        <nav aria-label={t('admin.council.sections')}>
          <ul className="admin-toc">
            <li>
              <a href="#bodies">{t('admin.bodies.title')}</a>
            </li>
            <li>
              <a href="#terms">{t('admin.terms.title')}</a>
            </li>
            <li>
              <a href="#persons">{t('admin.persons.title')}</a>
            </li>
            <li>
              <a href="#accounts">{t('admin.accounts.title')}</a>
            </li>
            <li>
              <RouteLink to={memberImportPath(councilId)}>{t('admin.import.title')}</RouteLink>
            </li>
          </ul>
        </nav>
      </div>
      <div role="status">{message && <p className="admin-success">{message}</p>}</div>
      {load.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {load.state === 'failed' && (
        <p className="problem" role="alert">
          {t(`admin.errors.${load.code}`)}
        </p>
      )}
      {load.state === 'loaded' && (
        <>
          <BodiesSection councilId={councilId} bodies={load.council.bodies} onChanged={changed} />
          <TermsSection councilId={councilId} terms={load.council.terms} onChanged={changed} />
          <PersonsSection
            councilId={councilId}
            persons={load.council.persons}
            bodies={load.council.bodies}
            terms={load.council.terms}
            onChanged={changed}
          />
          <AccountsSection
            councilId={councilId}
            persons={load.council.persons}
            currentUserId={user.id}
            onChanged={changed}
          />
        </>
      )}
    </div>
  );
}
