import { MEMBERSHIP_ROLES, type MembershipRole } from '@veche/domain';
import type { Body, Membership, Person, Term } from '@veche/protocol';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../login/error-summary.component';
import { adminApi } from './admin-api';
import { useFormAttempt } from './entity-form';
import { InputField, SelectField } from '../forms/fields.component';
import { summaryLinks, useProblemText } from './form-problems';

interface Props {
  councilId: string;
  persons: readonly Person[];
  bodies: readonly Body[];
  terms: readonly Term[];
  onChanged: (message: string) => void;
}

type Editing =
  | { kind: 'person'; person: Person | null }
  | { kind: 'seat'; person: Person }
  | { kind: 'end'; person: Person; membership: Membership }
  | null;

const fullName = (person: Person) => `${person.givenName} ${person.familyName}`;

/** The council's people with their seats (ended ones too: the record is kept). */
export function PersonsSection({ councilId, persons, bodies, terms, onChanged }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const bodyName = (id: string) => bodies.find((body) => body.id === id)?.name ?? '';
  const done = (message: string) => {
    setEditing(null);
    onChanged(message);
  };

  return (
    <section className="admin-section" aria-labelledby="persons-heading" id="persons">
      <h2 id="persons-heading">{t('admin.persons.title')}</h2>
      {editing === null && (
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing({ kind: 'person', person: null })}
          >
            {t('admin.persons.add')}
          </button>
        </p>
      )}
      {editing?.kind === 'person' && (
        <PersonForm
          councilId={councilId}
          person={editing.person}
          onCancel={() => setEditing(null)}
          onSaved={(person) => done(t('admin.persons.saved', { name: fullName(person) }))}
        />
      )}
      {editing?.kind === 'seat' && (
        <SeatForm
          councilId={councilId}
          person={editing.person}
          bodies={bodies}
          terms={terms}
          onCancel={() => setEditing(null)}
          onSaved={() => done(t('admin.seats.saved', { name: fullName(editing.person) }))}
        />
      )}
      {editing?.kind === 'end' && (
        <EndSeatForm
          councilId={councilId}
          person={editing.person}
          membership={editing.membership}
          bodyName={bodyName(editing.membership.bodyId)}
          onCancel={() => setEditing(null)}
          onSaved={() => done(t('admin.seats.ended', { name: fullName(editing.person) }))}
        />
      )}
      <ul className="admin-list">
        {persons.map((person) => (
          <li key={person.id} className="admin-item">
            <div>
              <strong>{fullName(person)}</strong>
              {person.email && <span className="muted"> · {person.email}</span>}
            </div>
            <div className="admin-actions">
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setEditing({ kind: 'person', person })}
              >
                {t('admin.edit')}
                <span className="visually-hidden"> {fullName(person)}</span>
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setEditing({ kind: 'seat', person })}
              >
                {t('admin.seats.add')}
                <span className="visually-hidden"> {fullName(person)}</span>
              </button>
            </div>
            {person.memberships.length > 0 && (
              <ul
                className="admin-item__seats"
                aria-label={t('admin.seats.of', { name: fullName(person) })}
              >
                {person.memberships.map((membership) => (
                  <li key={membership.id}>
                    <span>
                      {t('admin.seats.summary', {
                        body: bodyName(membership.bodyId),
                        role: t(`admin.roles.${membership.role}`),
                        from: membership.startsOn,
                        to: membership.endsOn ?? t('admin.openEnded'),
                      })}
                    </span>
                    {membership.endsOn === null && (
                      <button
                        type="button"
                        className="button button--quiet"
                        onClick={() => setEditing({ kind: 'end', person, membership })}
                      >
                        {t('admin.seats.end')}
                        <span className="visually-hidden">
                          {' '}
                          {fullName(person)}, {bodyName(membership.bodyId)}
                        </span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface FormFrameProps {
  title: string;
  idPrefix: string;
  form: ReturnType<typeof useFormAttempt>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  children: ReactNode;
}

function FormFrame({ title, idPrefix, form, onSubmit, onCancel, children }: FormFrameProps) {
  const { t } = useTranslation();
  const text = useProblemText();
  return (
    <form className="admin-form" noValidate onSubmit={onSubmit}>
      <h3>{title}</h3>
      {form.problems && (
        <ErrorSummary
          key={form.attempt}
          title={t('admin.errorSummaryTitle')}
          formMessage={text.form(form.problems)}
          fieldMessages={summaryLinks(form.problems, text.field, (field) =>
            // A seat the person already holds is about the body chosen for them.
            field === 'personId' ? `${idPrefix}-bodyId` : `${idPrefix}-${field}`,
          )}
        />
      )}
      {children}
      <div className="admin-actions">
        <button type="submit" className="button button--primary" disabled={form.saving}>
          {form.saving ? t('admin.saving') : t('admin.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

function PersonForm({
  councilId,
  person,
  onSaved,
  onCancel,
}: {
  councilId: string;
  person: Person | null;
  onSaved: (person: Person) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const text = useProblemText();
  const form = useFormAttempt();
  const [givenName, setGivenName] = useState(person?.givenName ?? '');
  const [familyName, setFamilyName] = useState(person?.familyName ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const error = (field: string) => text.field(form.problems, field);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.run(async () => {
      const input = { givenName, familyName, email: email.trim() === '' ? null : email };
      onSaved(await adminApi.savePerson(councilId, person?.id ?? null, input));
    });
  };
  return (
    <FormFrame
      title={
        person === null
          ? t('admin.persons.add')
          : t('admin.persons.editTitle', { name: fullName(person) })
      }
      idPrefix="person"
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <InputField
        id="person-givenName"
        label={t('admin.persons.givenName')}
        value={givenName}
        onChange={setGivenName}
        error={error('givenName')}
        required
        autoComplete="off"
      />
      <InputField
        id="person-familyName"
        label={t('admin.persons.familyName')}
        value={familyName}
        onChange={setFamilyName}
        error={error('familyName')}
        required
      />
      <InputField
        id="person-email"
        type="email"
        label={t('admin.persons.email')}
        hint={t('admin.persons.emailHint')}
        value={email}
        onChange={setEmail}
        error={error('email')}
      />
    </FormFrame>
  );
}

function SeatForm({
  councilId,
  person,
  bodies,
  terms,
  onSaved,
  onCancel,
}: {
  councilId: string;
  person: Person;
  bodies: readonly Body[];
  terms: readonly Term[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const text = useProblemText();
  const form = useFormAttempt();
  const latest = terms[terms.length - 1];
  const [bodyId, setBodyId] = useState(bodies[0]?.id ?? '');
  const [termId, setTermId] = useState(latest?.id ?? '');
  const [role, setRole] = useState<MembershipRole>('member');
  const [startsOn, setStartsOn] = useState(latest?.startsOn ?? '');
  const error = (field: string) => text.field(form.problems, field);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.run(async () => {
      await adminApi.createMembership(councilId, {
        personId: person.id,
        bodyId,
        termId,
        role,
        startsOn,
        endsOn: null,
      });
      onSaved();
    });
  };
  return (
    <FormFrame
      title={t('admin.seats.addFor', { name: fullName(person) })}
      idPrefix="seat"
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <SelectField
        id="seat-bodyId"
        label={t('admin.seats.body')}
        value={bodyId}
        onChange={setBodyId}
        error={error('bodyId')}
        options={bodies.map((body) => ({ value: body.id, label: body.name }))}
      />
      <SelectField
        id="seat-termId"
        label={t('admin.seats.term')}
        value={termId}
        onChange={setTermId}
        error={error('termId')}
        options={terms.map((term) => ({ value: term.id, label: term.name }))}
      />
      <SelectField
        id="seat-role"
        label={t('admin.seats.role')}
        value={role}
        onChange={(value) => setRole(value as MembershipRole)}
        error={error('role')}
        options={MEMBERSHIP_ROLES.map((value) => ({ value, label: t(`admin.roles.${value}`) }))}
      />
      <InputField
        id="seat-startsOn"
        type="date"
        label={t('admin.startsOn')}
        value={startsOn}
        onChange={setStartsOn}
        error={error('startsOn')}
        required
      />
      {error('personId') && <p className="field__error">{error('personId')}</p>}
    </FormFrame>
  );
}

function EndSeatForm({
  councilId,
  person,
  membership,
  bodyName,
  onSaved,
  onCancel,
}: {
  councilId: string;
  person: Person;
  membership: Membership;
  bodyName: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const text = useProblemText();
  const form = useFormAttempt();
  const [endsOn, setEndsOn] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.run(async () => {
      await adminApi.endMembership(councilId, membership.id, endsOn);
      onSaved();
    });
  };
  return (
    <FormFrame
      title={t('admin.seats.endTitle', { name: fullName(person), body: bodyName })}
      idPrefix="end"
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p className="field__hint">{t('admin.seats.endHint')}</p>
      <InputField
        id="end-endsOn"
        type="date"
        label={t('admin.seats.lastDay')}
        value={endsOn}
        onChange={setEndsOn}
        error={text.field(form.problems, 'endsOn')}
        required
      />
    </FormFrame>
  );
}
