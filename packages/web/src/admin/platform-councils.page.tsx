import type { Council } from '@veche/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { RouteLink } from '../routing/route-link.component';
import { councilAdminPath } from '../routing/routes';
import { adminApi } from './admin-api';
import { problemsOf, type AdminErrorCode } from './admin-errors';
import { CouncilForm } from './council-form.component';
import './admin.css';

interface Props {
  focusHeading: boolean;
  onSessionEnded: () => void;
}

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; councils: Council[] }
  | { state: 'failed'; code: AdminErrorCode | 'validation_failed' };

/** The platform administrator's councils: the list, and a form to create or edit one. */
export function PlatformCouncilsPage({ focusHeading, onSessionEnded }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.councils.title'));
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [editing, setEditing] = useState<Council | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  useEffect(() => {
    let current = true;
    adminApi.councils().then(
      (councils) => {
        if (current) setLoad({ state: 'loaded', councils });
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
  }, [attempt, onSessionEnded]);

  return (
    <div className="admin" aria-busy={load.state === 'loading'}>
      <div>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('admin.councils.title')}
        </h1>
        <p className="lead">{t('admin.councils.intro')}</p>
      </div>
      <div role="status">{saved && <p className="admin-success">{saved}</p>}</div>
      {load.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {load.state === 'failed' && (
        <p className="problem" role="alert">
          {t(`admin.errors.${load.code}`)}
        </p>
      )}
      {load.state === 'loaded' && (
        <section className="admin-section" aria-labelledby="councils-heading">
          <h2 id="councils-heading">{t('admin.councils.listTitle')}</h2>
          <div className="admin-table-wrap">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.councils.name')}</th>
                  <th scope="col">{t('admin.councils.country')}</th>
                  <th scope="col">{t('admin.councils.timeZone')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {load.councils.map((council) => (
                  <tr key={council.id}>
                    <th scope="row">{council.name}</th>
                    <td>{t(`admin.countries.${council.country}`)}</td>
                    <td>{council.timeZone}</td>
                    <td>
                      <div className="admin-actions">
                        <button
                          type="button"
                          className="button button--quiet"
                          onClick={() => {
                            setSaved(null);
                            setEditing(council);
                          }}
                        >
                          {t('admin.edit')}
                          <span className="visually-hidden"> {council.name}</span>
                        </button>
                        <RouteLink to={councilAdminPath(council.id)}>
                          {t('admin.councils.manage')}
                          <span className="visually-hidden"> {council.name}</span>
                        </RouteLink>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {editing === null && (
            <p>
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  setSaved(null);
                  setEditing('new');
                }}
              >
                {t('admin.councils.create')}
              </button>
            </p>
          )}
          {editing !== null && (
            <CouncilForm
              key={editing === 'new' ? 'new' : editing.id}
              council={editing === 'new' ? null : editing}
              onCancel={() => setEditing(null)}
              onSaved={(council) => {
                setEditing(null);
                setSaved(t('admin.councils.saved', { name: council.name }));
                setAttempt((count) => count + 1);
              }}
            />
          )}
        </section>
      )}
    </div>
  );
}
