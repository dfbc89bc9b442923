import { SITTING_KINDS, SITTING_MODES, type SittingKind, type SittingMode } from '@veche/domain';
import { useTranslation } from 'react-i18next';
import { FormField } from '../forms/form-field.component';

/** The details of a sitting as its form holds them: text, as the inputs give it. */
export interface DetailsDraft {
  readonly title: string;
  readonly kind: SittingKind;
  readonly mode: SittingMode;
  /** YYYY-MM-DD and HH:MM on the council's clock. */
  readonly date: string;
  readonly time: string;
  readonly place: string;
  readonly streamUrl: string;
  readonly meetingUrl: string;
}

/** The request's fields from the form: blanks become null, the start stays on the council's clock. */
export function detailsRequest(draft: DetailsDraft) {
  const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    title: draft.title,
    kind: draft.kind,
    mode: draft.mode,
    startsAt: `${draft.date}T${draft.time}`,
    place: orNull(draft.place),
    streamUrl: orNull(draft.streamUrl),
    meetingUrl: orNull(draft.meetingUrl),
  };
}

/** The id of the input that shows a server field's problem. */
export function detailsFieldId(field: string): string {
  return field === 'startsAt' ? 'sitting-date' : `sitting-${field}`;
}

interface Props {
  value: DetailsDraft;
  onChange: (value: DetailsDraft) => void;
  timeZone: string;
  /** Problems by the server's field name. */
  problems: ReadonlyMap<string, string>;
}

/** Title, type, format, date and time (on the council's clock), place and addresses. */
export function SittingDetailsFields({ value, onChange, timeZone, problems }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<DetailsDraft>) => onChange({ ...value, ...change });
  return (
    <>
      <FormField
        id="sitting-title"
        label={t('preparation.fields.title')}
        error={problems.get('title')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            required
            maxLength={300}
            value={value.title}
            onChange={(event) => set({ title: event.target.value })}
          />
        )}
      </FormField>
      <div className="field-row">
        <FormField
          id="sitting-kind"
          label={t('preparation.fields.kind')}
          error={problems.get('kind')}
        >
          {(control) => (
            <select
              {...control}
              value={value.kind}
              onChange={(event) => set({ kind: event.target.value as SittingKind })}
            >
              {SITTING_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`sitting.kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id="sitting-mode"
          label={t('preparation.fields.mode')}
          error={problems.get('mode')}
        >
          {(control) => (
            <select
              {...control}
              value={value.mode}
              onChange={(event) => set({ mode: event.target.value as SittingMode })}
            >
              {SITTING_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`sitting.mode.${mode}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="field-row">
        <FormField
          id="sitting-date"
          label={t('preparation.fields.date')}
          error={problems.get('startsAt')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              required
              value={value.date}
              onChange={(event) => set({ date: event.target.value })}
            />
          )}
        </FormField>
        <FormField
          id="sitting-time"
          label={t('preparation.fields.time', { zone: timeZone })}
          error={undefined}
        >
          {(control) => (
            <input
              {...control}
              type="time"
              required
              value={value.time}
              onChange={(event) => set({ time: event.target.value })}
            />
          )}
        </FormField>
      </div>
      <FormField
        id="sitting-place"
        label={t('preparation.fields.place')}
        error={problems.get('place')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={300}
            autoComplete="street-address"
            value={value.place}
            onChange={(event) => set({ place: event.target.value })}
          />
        )}
      </FormField>
      <FormField
        id="sitting-streamUrl"
        label={t('preparation.fields.streamUrl')}
        hint={t('preparation.fields.streamUrlHint')}
        error={problems.get('streamUrl')}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            inputMode="url"
            value={value.streamUrl}
            onChange={(event) => set({ streamUrl: event.target.value })}
          />
        )}
      </FormField>
      <FormField
        id="sitting-meetingUrl"
        label={t('preparation.fields.meetingUrl')}
        error={problems.get('meetingUrl')}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            inputMode="url"
            value={value.meetingUrl}
            onChange={(event) => set({ meetingUrl: event.target.value })}
          />
        )}
      </FormField>
    </>
  );
}
