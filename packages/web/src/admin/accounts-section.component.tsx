import { COUNCIL_ROLES, LANGUAGES, type CouncilRole, type Language } from '@veche/domain';
import type { CouncilAccount, Person } from '@veche/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../login/error-summary.component';
import { MESSAGES } from '../i18n/resources';
import {
  accountProblemsOf,
  type AccountProblemKey,
  type AccountProblems,
} from './account-problems';
import { adminApi } from './admin-api';
import { InputField, SelectField } from '../forms/fields.component';

interface Props {
  councilId: string;
  /** The council's people, to tie an account to one of them (a councillor). */
  persons: readonly Person[];
  /** The signed-in administrator: the server refuses to deactivate them. */
  currentUserId: string;
  onChanged: (message: string) => void;
}

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; accounts: CouncilAccount[] }
  | { state: 'failed'; problem: AccountProblemKey };

/** An account waiting for the administrator's "yes" before it is deactivated or reactivated. */
interface Pending {
  readonly account: CouncilAccount;
  readonly active: boolean;
}

const fullName = (person: Person) => `${person.givenName} ${person.familyName}`;

/**
 * The council's accounts: who may sign in, with which roles, and whether they have set their
 * password yet. An administrator invites a person by e-mail (the account waits for its password
 * as "invited"), and deactivates or reactivates an account after confirming.
 */
export function AccountsSection({ councilId, persons, currentUserId, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [reloads, setReloads] = useState(0);
  const [inviting, setInviting] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);

  useEffect(() => {
    let current = true;
    adminApi.accounts(councilId).then(
      (accounts) => {
        if (current) setLoad({ state: 'loaded', accounts });
      },
      (error: unknown) => {
        if (current) {
          setLoad({
            state: 'failed',
            problem: accountProblemsOf(error).form ?? 'admin.errors.unexpected',
          });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [councilId, reloads]);

  const changed = (message: string) => {
    setInviting(false);
    setPending(null);
    setReloads((count) => count + 1);
    onChanged(message);
  };

  const day = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  const statusText = (account: CouncilAccount) => {
    if (account.status === 'invited' && account.invitationExpiresAt !== null) {
      return t('admin.accounts.status.invitedUntil', { until: day(account.invitationExpiresAt) });
    }
    if (account.status === 'deactivated' && account.deactivatedAt !== null) {
      return t('admin.accounts.status.deactivatedOn', { on: day(account.deactivatedAt) });
    }
    return t(`admin.accounts.status.${account.status}`);
  };
  const personName = (personId: string | null) => {
    const person = persons.find((candidate) => candidate.id === personId);
    return person === undefined ? null : fullName(person);
  };

  return (
    <section className="admin-section" aria-labelledby="accounts-heading" id="accounts">
      <h2 id="accounts-heading">{t('admin.accounts.title')}</h2>
      <p>{t('admin.accounts.intro')}</p>
      {!inviting && (
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setPending(null);
              setInviting(true);
            }}
          >
            {t('admin.accounts.invite')}
          </button>
        </p>
      )}
      {inviting && (
        <InviteForm
          councilId={councilId}
          persons={persons}
          onCancel={() => setInviting(false)}
          onInvited={(account) =>
            changed(
              t('admin.accounts.invited', { name: account.displayName, email: account.email }),
            )
          }
        />
      )}
      {load.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {load.state === 'failed' && (
        <p className="problem" role="alert">
          {t(load.problem)}
        </p>
      )}
      {load.state === 'loaded' && (
        <ul className="admin-list" aria-label={t('admin.accounts.listLabel')}>
          {load.accounts.map((account) => (
            <li key={account.id} className="admin-item accounts__item">
              <div>
                <strong>{account.displayName}</strong>
                {account.id === currentUserId && (
                  <span className="muted"> ({t('admin.accounts.you')})</span>
                )}
                <span className="muted"> · {account.email}</span>
                <br />
                <span className={`accounts__status accounts__status--${account.status}`}>
                  {statusText(account)}
                </span>
                <br />
                <span>
                  {t('admin.accounts.rolesOf', {
                    roles: account.roles
                      .map((role) => t(`admin.accounts.roles.${role}`))
                      .join(', '),
                  })}
                </span>
                {personName(account.personId) !== null && (
                  <span className="muted">
                    {' '}
                    · {t('admin.accounts.personOf', { name: personName(account.personId) })}
                  </span>
                )}
              </div>
              {pending?.account.id !== account.id && (
                <div className="admin-actions">
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => {
                      setInviting(false);
                      setPending({ account, active: account.status === 'deactivated' });
                    }}
                  >
                    {account.status === 'deactivated'
                      ? t('admin.accounts.reactivate')
                      : t('admin.accounts.deactivate')}
                    <span className="visually-hidden"> {account.displayName}</span>
                  </button>
                </div>
              )}
              {pending?.account.id === account.id && (
                <ConfirmChange
                  councilId={councilId}
                  pending={pending}
                  onCancel={() => setPending(null)}
                  onDone={(changedAccount) =>
                    changed(
                      t(
                        pending.active
                          ? 'admin.accounts.reactivated'
                          : 'admin.accounts.deactivated',
                        { name: changedAccount.displayName },
                      ),
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The confirmation step of a deactivation or reactivation; it takes the focus when shown. */
function ConfirmChange({
  councilId,
  pending,
  onCancel,
  onDone,
}: {
  councilId: string;
  pending: Pending;
  onCancel: () => void;
  onDone: (account: CouncilAccount) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLParagraphElement>(null);
  const [problem, setProblem] = useState<AccountProblemKey | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const name = pending.account.displayName;
  const confirm = async () => {
    setSaving(true);
    try {
      onDone(await adminApi.setAccountActive(councilId, pending.account.id, pending.active));
    } catch (error) {
      setProblem(accountProblemsOf(error).form ?? 'admin.errors.unexpected');
      setSaving(false);
    }
  };
  return (
    <div className="accounts__confirm">
      <p ref={ref} tabIndex={-1}>
        {pending.active
          ? t('admin.accounts.confirmReactivate', { name })
          : t('admin.accounts.confirmDeactivate', { name })}
      </p>
      {problem !== null && (
        <p className="field__error" role="alert">
          {t(problem)}
        </p>
      )}
      <div className="admin-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={saving}
          onClick={() => void confirm()}
        >
          {pending.active ? t('admin.accounts.yesReactivate') : t('admin.accounts.yesDeactivate')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </div>
  );
}

const fieldId = (field: string) => (field === 'roles' ? 'invite-roles-0' : `invite-${field}`);

function InviteForm({
  councilId,
  persons,
  onInvited,
  onCancel,
}: {
  councilId: string;
  persons: readonly Person[];
  onInvited: (account: CouncilAccount) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [language, setLanguage] = useState<Language>(
    (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'pl',
  );
  const [roles, setRoles] = useState<CouncilRole[]>([]);
  const [personId, setPersonId] = useState('');
  const [problems, setProblems] = useState<AccountProblems | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const error = (field: string) => {
    const key = problems?.fields[field];
    return key === undefined ? null : t(key);
  };

  const choosePerson = (id: string) => {
    setPersonId(id);
    // A person's account is usually in their own name and at their address: start from those.
    const person = persons.find((candidate) => candidate.id === id);
    if (person === undefined) return;
    if (displayName.trim() === '') setDisplayName(fullName(person));
    if (email.trim() === '' && person.email !== null) setEmail(person.email);
  };
  const toggleRole = (role: CouncilRole, on: boolean) =>
    setRoles((now) =>
      on
        ? COUNCIL_ROLES.filter((r) => r === role || now.includes(r))
        : now.filter((r) => r !== role),
    );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      const account = await adminApi.invite(councilId, {
        email,
        displayName,
        language,
        roles,
        ...(personId === '' ? {} : { personId }),
      });
      setProblems(null);
      onInvited(account);
    } catch (failure) {
      setProblems(accountProblemsOf(failure));
      setAttempt((count) => count + 1);
      setSaving(false);
    }
  };

  return (
    <form className="admin-form" noValidate onSubmit={(event) => void submit(event)}>
      <h3>{t('admin.accounts.inviteTitle')}</h3>
      <p className="field__hint">{t('admin.accounts.inviteHint')}</p>
      {problems && (
        <ErrorSummary
          key={attempt}
          title={t('admin.accounts.inviteFailed')}
          formMessage={problems.form === null ? null : t(problems.form)}
          fieldMessages={Object.entries(problems.fields).map(([field, key]) => ({
            fieldId: fieldId(field),
            message: t(key),
          }))}
        />
      )}
      <SelectField
        id="invite-personId"
        label={t('admin.accounts.person')}
        hint={t('admin.accounts.personHint')}
        value={personId}
        onChange={choosePerson}
        error={error('personId')}
        options={[
          { value: '', label: t('admin.accounts.noPerson') },
          ...persons.map((person) => ({ value: person.id, label: fullName(person) })),
        ]}
      />
      <InputField
        id="invite-email"
        type="email"
        label={t('admin.accounts.email')}
        value={email}
        onChange={setEmail}
        error={error('email')}
        required
      />
      <InputField
        id="invite-displayName"
        label={t('admin.accounts.displayName')}
        value={displayName}
        onChange={setDisplayName}
        error={error('displayName')}
        required
      />
      <SelectField
        id="invite-language"
        label={t('admin.accounts.language')}
        hint={t('admin.accounts.languageHint')}
        value={language}
        onChange={(value) => setLanguage(value as Language)}
        error={error('language')}
        options={LANGUAGES.map((value) => ({
          value,
          label: MESSAGES[value].language.ownName,
        }))}
      />
      <fieldset aria-describedby={error('roles') ? 'invite-roles-error' : undefined}>
        <legend>{t('admin.accounts.rolesLegend')}</legend>
        {error('roles') && (
          <p id="invite-roles-error" className="field__error">
            {error('roles')}
          </p>
        )}
        {COUNCIL_ROLES.map((role, index) => (
          <label key={role} className="admin-check" htmlFor={`invite-roles-${String(index)}`}>
            <input
              id={`invite-roles-${String(index)}`}
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(event) => toggleRole(role, event.target.checked)}
            />
            <span>{t(`admin.accounts.roles.${role}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="admin-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('admin.accounts.sending') : t('admin.accounts.send')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
