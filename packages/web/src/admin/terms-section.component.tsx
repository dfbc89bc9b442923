import type { Term } from '@veche/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../login/error-summary.component';
import { adminApi } from './admin-api';
import { useFormAttempt } from './entity-form';
import { InputField } from '../forms/fields.component';
import { summaryLinks, useProblemText } from './form-problems';

interface Props {
  councilId: string;
  terms: readonly Term[];
  onChanged: (message: string) => void;
}

/** A council's terms of office, which never overlap. */
export function TermsSection({ councilId, terms, onChanged }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Term | 'new' | null>(null);
  return (
    <section className="admin-section" aria-labelledby="terms-heading" id="terms">
      <h2 id="terms-heading">{t('admin.terms.title')}</h2>
      <div className="admin-table-wrap">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.terms.name')}</th>
              <th scope="col">{t('admin.startsOn')}</th>
              <th scope="col">{t('admin.endsOn')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {terms.map((term) => (
              <tr key={term.id}>
                <th scope="row">{term.name}</th>
                <td>{term.startsOn}</td>
                <td>{term.endsOn ?? t('admin.openEnded')}</td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setEditing(term)}
                  >
                    {t('admin.edit')}
                    <span className="visually-hidden"> {term.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing === null ? (
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing('new')}
          >
            {t('admin.terms.add')}
          </button>
        </p>
      ) : (
        <TermForm
          key={editing === 'new' ? 'new' : editing.id}
          councilId={councilId}
          term={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(term) => {
            setEditing(null);
            onChanged(t('admin.terms.saved', { name: term.name }));
          }}
        />
      )}
    </section>
  );
}

interface FormProps {
  councilId: string;
  term: Term | null;
  onSaved: (term: Term) => void;
  onCancel: () => void;
}

function TermForm({ councilId, term, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const text = useProblemText();
  const form = useFormAttempt();
  const [name, setName] = useState(term?.name ?? '');
  const [startsOn, setStartsOn] = useState(term?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(term?.endsOn ?? '');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.run(async () => {
      const input = { name, startsOn, endsOn: endsOn === '' ? null : endsOn };
      onSaved(await adminApi.saveTerm(councilId, term?.id ?? null, input));
    });
  };
  const error = (field: string) => text.field(form.problems, field);

  return (
    <form className="admin-form" noValidate onSubmit={submit}>
      <h3>
        {term === null ? t('admin.terms.add') : t('admin.terms.editTitle', { name: term.name })}
      </h3>
      {form.problems && (
        <ErrorSummary
          key={form.attempt}
          title={t('admin.errorSummaryTitle')}
          formMessage={text.form(form.problems)}
          fieldMessages={summaryLinks(form.problems, text.field, (field) => `term-${field}`)}
        />
      )}
      <InputField
        id="term-name"
        label={t('admin.terms.name')}
        value={name}
        onChange={setName}
        error={error('name')}
        required
      />
      <InputField
        id="term-startsOn"
        type="date"
        label={t('admin.startsOn')}
        value={startsOn}
        onChange={setStartsOn}
        error={error('startsOn')}
        required
      />
      <InputField
        id="term-endsOn"
        type="date"
        label={t('admin.endsOn')}
        hint={t('admin.endsOnHint')}
        value={endsOn}
        onChange={setEndsOn}
        error={error('endsOn')}
      />
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
