import { BODY_KINDS, QUORUM_RULES, type BodyKind, type QuorumRuleKind } from '@veche/domain';
import type { Body } from '@veche/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../login/error-summary.component';
import { adminApi } from './admin-api';
import { useFormAttempt } from './entity-form';
import { InputField, SelectField } from '../forms/fields.component';
import { summaryLinks, useProblemText } from './form-problems';

interface Props {
  councilId: string;
  bodies: readonly Body[];
  onChanged: (message: string) => void;
}

/** A council's bodies: the plenary and its committees. Bodies are never deleted. */
export function BodiesSection({ councilId, bodies, onChanged }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Body | 'new' | null>(null);
  return (
    <section className="admin-section" aria-labelledby="bodies-heading" id="bodies">
      <h2 id="bodies-heading">{t('admin.bodies.title')}</h2>
      <div className="admin-table-wrap">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.bodies.name')}</th>
              <th scope="col">{t('admin.bodies.kind')}</th>
              <th scope="col">{t('admin.statutorySize')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {bodies.map((body) => (
              <tr key={body.id}>
                <th scope="row">{body.name}</th>
                <td>{t(`admin.bodyKinds.${body.kind}`)}</td>
                <td>{body.statutorySize}</td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setEditing(body)}
                  >
                    {t('admin.edit')}
                    <span className="visually-hidden"> {body.name}</span>
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
            {t('admin.bodies.add')}
          </button>
        </p>
      ) : (
        <BodyForm
          key={editing === 'new' ? 'new' : editing.id}
          councilId={councilId}
          body={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(body) => {
            setEditing(null);
            onChanged(t('admin.bodies.saved', { name: body.name }));
          }}
        />
      )}
    </section>
  );
}

interface FormProps {
  councilId: string;
  body: Body | null;
  onSaved: (body: Body) => void;
  onCancel: () => void;
}

function BodyForm({ councilId, body, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const text = useProblemText();
  const form = useFormAttempt();
  const [name, setName] = useState(body?.name ?? '');
  const [kind, setKind] = useState<BodyKind>(body?.kind ?? 'committee');
  const [size, setSize] = useState(String(body?.statutorySize ?? 5));
  const [quorumRule, setQuorumRule] = useState<QuorumRuleKind>(body?.quorumRule ?? 'at_least_half');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.run(async () => {
      const input = { name, kind, statutorySize: Number(size || NaN), quorumRule };
      onSaved(await adminApi.saveBody(councilId, body?.id ?? null, input));
    });
  };
  const error = (field: string) => text.field(form.problems, field);

  return (
    <form className="admin-form" noValidate onSubmit={submit}>
      <h3>
        {body === null ? t('admin.bodies.add') : t('admin.bodies.editTitle', { name: body.name })}
      </h3>
      {form.problems && (
        <ErrorSummary
          key={form.attempt}
          title={t('admin.errorSummaryTitle')}
          formMessage={text.form(form.problems)}
          fieldMessages={summaryLinks(form.problems, text.field, (field) => `body-${field}`)}
        />
      )}
      <InputField
        id="body-name"
        label={t('admin.bodies.name')}
        value={name}
        onChange={setName}
        error={error('name')}
        required
      />
      <SelectField
        id="body-kind"
        label={t('admin.bodies.kind')}
        value={kind}
        onChange={(value) => setKind(value as BodyKind)}
        error={error('kind')}
        options={BODY_KINDS.map((value) => ({ value, label: t(`admin.bodyKinds.${value}`) }))}
      />
      <InputField
        id="body-statutorySize"
        type="number"
        label={t('admin.statutorySize')}
        value={size}
        onChange={setSize}
        error={error('statutorySize')}
      />
      <SelectField
        id="body-quorumRule"
        label={t('admin.quorumRule')}
        value={quorumRule}
        onChange={(value) => setQuorumRule(value as QuorumRuleKind)}
        error={error('quorumRule')}
        options={QUORUM_RULES.map((value) => ({ value, label: t(`admin.quorumRules.${value}`) }))}
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
