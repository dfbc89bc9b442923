import {
  COUNTRIES,
  DEFAULT_QUORUM_RULE,
  LANGUAGES,
  QUORUM_RULES,
  majorityPresetsFor,
  type Country,
  type Language,
  type MajorityPresetId,
  type QuorumRuleKind,
} from '@veche/domain';
import type { Council, CouncilCreateRequest } from '@veche/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGES } from '../i18n/resources';
import { ErrorSummary } from '../login/error-summary.component';
import { ApiRequestError } from '../api/api-error';
import { adminApi } from './admin-api';
import { problemsOf, type FormProblems } from './admin-errors';
import { InputField, SelectField } from '../forms/fields.component';
import { summaryLinks, useProblemText } from './form-problems';

interface Values {
  name: string;
  country: Country;
  languages: Language[];
  defaultLanguage: Language;
  timeZone: string;
  quorumRule: QuorumRuleKind;
  majorityPreset: MajorityPresetId;
  resolutionNumberPattern: string;
  ballotChangeAllowed: boolean;
  speechRequestDeadlineDays: string;
  plenaryName: string;
  plenarySize: string;
  termName: string;
  termStartsOn: string;
}

const FRESH: Values = {
  name: '',
  country: 'PL',
  languages: ['pl'],
  defaultLanguage: 'pl',
  timeZone: 'Europe/Warsaw',
  quorumRule: 'at_least_half',
  majorityPreset: 'pl.simple',
  resolutionNumberPattern: '{sittingRoman}/{seq}/{year}',
  ballotChangeAllowed: false,
  speechRequestDeadlineDays: '3',
  plenaryName: '',
  plenarySize: '15',
  termName: '',
  termStartsOn: '',
};

const ZONES: Readonly<Record<Country, string>> = {
  PL: 'Europe/Warsaw',
  BG: 'Europe/Sofia',
  RS: 'Europe/Belgrade',
};
const FIRST_LANGUAGE: Readonly<Record<Country, Language>> = { PL: 'pl', BG: 'bg', RS: 'sr-Cyrl' };

function valuesOf(council: Council): Values {
  return {
    ...FRESH,
    ...council,
    speechRequestDeadlineDays: String(council.speechRequestDeadlineDays),
  };
}

/** Field names of the API mapped to the ids of this form's controls. */
const idOf = (field: string): string =>
  ({
    'plenary.name': 'council-plenaryName',
    'plenary.statutorySize': 'council-plenarySize',
    'term.name': 'council-termName',
    'term.startsOn': 'council-termStartsOn',
    languages: 'council-language-0',
  })[field] ?? `council-${field}`;

interface Props {
  /** The council to edit, or null to create one. */
  council: Council | null;
  onSaved: (council: Council) => void;
  onCancel: () => void;
}

/** The platform administrator's form for a council's settings. */
export function CouncilForm({ council, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const text = useProblemText();
  const [values, setValues] = useState<Values>(council === null ? FRESH : valuesOf(council));
  const [version, setVersion] = useState(council?.version ?? 1);
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  /** A new country brings its own defaults: zone, language, quorum rule and majority. */
  const chooseCountry = (country: Country) =>
    setValues((current) => ({
      ...current,
      country,
      timeZone: council === null ? ZONES[country] : current.timeZone,
      languages: council === null ? [FIRST_LANGUAGE[country]] : current.languages,
      defaultLanguage: council === null ? FIRST_LANGUAGE[country] : current.defaultLanguage,
      quorumRule: DEFAULT_QUORUM_RULE[country],
      majorityPreset: majorityPresetsFor(country)[0]!.id,
    }));

  const toggleLanguage = (language: Language, on: boolean) =>
    set(
      'languages',
      LANGUAGES.filter((l) => (l === language ? on : values.languages.includes(l))),
    );

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const settings = {
      name: values.name,
      country: values.country,
      languages: values.languages,
      defaultLanguage: values.defaultLanguage,
      timeZone: values.timeZone.trim(),
      quorumRule: values.quorumRule,
      majorityPreset: values.majorityPreset,
      resolutionNumberPattern: values.resolutionNumberPattern,
      ballotChangeAllowed: values.ballotChangeAllowed,
      speechRequestDeadlineDays: Number(values.speechRequestDeadlineDays || NaN),
    };
    try {
      if (council === null) {
        const request: CouncilCreateRequest = {
          ...settings,
          ...(values.plenaryName.trim() === ''
            ? {}
            : {
                plenary: {
                  name: values.plenaryName,
                  statutorySize: Number(values.plenarySize || NaN),
                },
              }),
          ...(values.termName.trim() === '' && values.termStartsOn === ''
            ? {}
            : { term: { name: values.termName, startsOn: values.termStartsOn, endsOn: null } }),
        };
        onSaved(await adminApi.createCouncil(request));
      } else {
        onSaved(await adminApi.updateCouncil(council.id, { ...settings, version }));
      }
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'stale_version') {
        // Someone saved meanwhile: show their version, which the next save builds on.
        const current = error.facts.current as Council | undefined;
        if (current !== undefined) {
          setValues(valuesOf(current));
          setVersion(current.version);
        }
        setProblems({ form: 'stale_version', fields: {} });
      } else {
        setProblems(problemsOf(error));
      }
      setAttempt((count) => count + 1);
      setSaving(false);
    }
  }

  const error = (field: string) => text.field(problems, field);
  const title =
    council === null
      ? t('admin.councils.createTitle')
      : t('admin.councils.editTitle', { name: council.name });

  return (
    <form className="admin-form" noValidate onSubmit={(event) => void submit(event)}>
      <h3>{title}</h3>
      {problems && (
        <ErrorSummary
          key={attempt}
          title={t('admin.errorSummaryTitle')}
          formMessage={text.form(problems)}
          fieldMessages={summaryLinks(problems, text.field, idOf)}
        />
      )}
      <InputField
        id="council-name"
        label={t('admin.councils.name')}
        value={values.name}
        onChange={(v) => set('name', v)}
        error={error('name')}
        required
      />
      <SelectField
        id="council-country"
        label={t('admin.councils.country')}
        value={values.country}
        onChange={(v) => chooseCountry(v as Country)}
        error={error('country')}
        options={COUNTRIES.map((country) => ({
          value: country,
          label: t(`admin.countries.${country}`),
        }))}
      />
      <fieldset aria-describedby={error('languages') ? 'council-languages-error' : undefined}>
        <legend>{t('admin.councils.languages')}</legend>
        {error('languages') && (
          <p id="council-languages-error" className="field__error">
            {error('languages')}
          </p>
        )}
        {LANGUAGES.map((language, index) => (
          <label
            key={language}
            className="admin-check"
            htmlFor={`council-language-${String(index)}`}
          >
            <input
              id={`council-language-${String(index)}`}
              type="checkbox"
              checked={values.languages.includes(language)}
              onChange={(event) => toggleLanguage(language, event.target.checked)}
            />
            <span lang={language}>{MESSAGES[language].language.ownName}</span>
          </label>
        ))}
      </fieldset>
      <SelectField
        id="council-defaultLanguage"
        label={t('admin.councils.defaultLanguage')}
        value={values.defaultLanguage}
        onChange={(v) => set('defaultLanguage', v as Language)}
        error={error('defaultLanguage')}
        options={LANGUAGES.map((language) => ({
          value: language,
          label: MESSAGES[language].language.ownName,
        }))}
      />
      <InputField
        id="council-timeZone"
        label={t('admin.councils.timeZone')}
        hint={t('admin.councils.timeZoneHint', { example: ZONES[values.country] })}
        value={values.timeZone}
        onChange={(v) => set('timeZone', v)}
        error={error('timeZone')}
      />
      <SelectField
        id="council-quorumRule"
        label={t('admin.quorumRule')}
        value={values.quorumRule}
        onChange={(v) => set('quorumRule', v as QuorumRuleKind)}
        error={error('quorumRule')}
        options={QUORUM_RULES.map((rule) => ({
          value: rule,
          label: t(`admin.quorumRules.${rule}`),
        }))}
      />
      <SelectField
        id="council-majorityPreset"
        label={t('admin.councils.majorityPreset')}
        value={values.majorityPreset}
        onChange={(v) => set('majorityPreset', v as MajorityPresetId)}
        error={error('majorityPreset')}
        options={majorityPresetsFor(values.country).map((preset) => ({
          value: preset.id,
          label: t(`admin.majorityPresets.${preset.id}`),
        }))}
      />
      <InputField
        id="council-resolutionNumberPattern"
        label={t('admin.councils.pattern')}
        hint={t('admin.councils.patternHint', {
          placeholders: '{sittingRoman}, {sitting}, {seq}, {seq:3}, {year}, {body}',
          seq: '{seq}',
        })}
        value={values.resolutionNumberPattern}
        onChange={(v) => set('resolutionNumberPattern', v)}
        error={error('resolutionNumberPattern')}
      />
      <label className="admin-check" htmlFor="council-ballotChangeAllowed">
        <input
          id="council-ballotChangeAllowed"
          type="checkbox"
          checked={values.ballotChangeAllowed}
          onChange={(event) => set('ballotChangeAllowed', event.target.checked)}
        />
        <span>{t('admin.councils.ballotChange')}</span>
      </label>
      <InputField
        id="council-speechRequestDeadlineDays"
        type="number"
        label={t('admin.councils.speechDeadline')}
        hint={t('admin.councils.speechDeadlineHint')}
        value={values.speechRequestDeadlineDays}
        onChange={(v) => set('speechRequestDeadlineDays', v)}
        error={error('speechRequestDeadlineDays')}
      />
      {council === null && (
        <fieldset>
          <legend>{t('admin.councils.firstBodyAndTerm')}</legend>
          <p className="field__hint">{t('admin.councils.firstBodyAndTermHint')}</p>
          <InputField
            id="council-plenaryName"
            label={t('admin.councils.plenaryName')}
            value={values.plenaryName}
            onChange={(v) => set('plenaryName', v)}
            error={error('plenary.name')}
          />
          <InputField
            id="council-plenarySize"
            type="number"
            label={t('admin.statutorySize')}
            value={values.plenarySize}
            onChange={(v) => set('plenarySize', v)}
            error={error('plenary.statutorySize')}
          />
          <InputField
            id="council-termName"
            label={t('admin.councils.termName')}
            value={values.termName}
            onChange={(v) => set('termName', v)}
            error={error('term.name')}
          />
          <InputField
            id="council-termStartsOn"
            type="date"
            label={t('admin.startsOn')}
            value={values.termStartsOn}
            onChange={(v) => set('termStartsOn', v)}
            error={error('term.startsOn')}
          />
        </fieldset>
      )}
      <div className="admin-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('admin.saving') : t('admin.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
