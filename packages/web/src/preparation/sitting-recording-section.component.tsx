import type { SittingPreparation } from '@veche/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { vecheApi } from '../api/veche-api';
import { InputField } from '../forms/fields.component';
import { ErrorSummary } from '../login/error-summary.component';
import { clockOf, instantOnClock } from './council-clock';
import { saveProblem, type SaveProblem } from './preparation-errors';

interface Props {
  sitting: SittingPreparation;
  onSessionEnded: () => void;
}

interface Draft {
  readonly url: string;
  readonly date: string;
  readonly time: string;
}

function draftOf(url: string | null, startedAt: string | null, timeZone: string): Draft {
  const clock = startedAt === null ? { date: '', time: '' } : clockOf(startedAt, timeZone);
  return { url: url ?? '', ...clock };
}

/** The input that shows a server field's problem. */
const fieldId = (field: string) =>
  field === 'recordingStartedAt' ? 'recording-date' : 'recording-url';

/**
 * The sitting's recording: its address and the moment it starts, read off the council's clock
 * to the second; the public chapters (agenda items and votes) are timed from it. All fields
 * empty removes the recording. The server judges the input and names the field it refuses.
 */
export function SittingRecordingSection({ sitting, onSessionEnded }: Props) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState({
    url: sitting.recordingUrl,
    startedAt: sitting.recordingStartedAt,
  });
  const [draft, setDraft] = useState<Draft>(() =>
    draftOf(sitting.recordingUrl, sitting.recordingStartedAt, sitting.timeZone),
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ attempt: number; problem: SaveProblem | null } | null>(
    null,
  );
  const set = (change: Partial<Draft>) => setDraft((now) => ({ ...now, ...change }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const empty = [draft.url, draft.date, draft.time].every((value) => value.trim() === '');
    const startedAt =
      instantOnClock(draft.date, draft.time, sitting.timeZone) ??
      `${draft.date.trim()}T${draft.time.trim()}`;
    setBusy(true);
    try {
      const answer = await vecheApi.setRecording(
        sitting.id,
        empty
          ? { recordingUrl: null, recordingStartedAt: null }
          : {
              recordingUrl: draft.url.trim() === '' ? null : draft.url.trim(),
              recordingStartedAt:
                draft.date.trim() === '' && draft.time.trim() === '' ? null : startedAt,
            },
      );
      setSaved({ url: answer.recordingUrl, startedAt: answer.recordingStartedAt });
      setDraft(draftOf(answer.recordingUrl, answer.recordingStartedAt, sitting.timeZone));
      setOutcome((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, problem: null }));
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
      setOutcome((previous) => ({
        attempt: (previous?.attempt ?? 0) + 1,
        problem: saveProblem(t, error),
      }));
    } finally {
      setBusy(false);
    }
  };

  const problem = outcome?.problem ?? null;
  const chapters = `/api/public/sittings/${encodeURIComponent(sitting.id)}/chapters.vtt`;
  return (
    <section className="preparation__section" aria-labelledby="recording-heading">
      <h2 id="recording-heading">{t('preparation.recording.heading')}</h2>
      <p>{t('preparation.recording.hint')}</p>
      <form className="form" noValidate onSubmit={(event) => void save(event)}>
        {problem !== null && (
          <ErrorSummary
            key={outcome?.attempt}
            title={t('preparation.errorTitle')}
            formMessage={problem.message}
            fieldMessages={[...problem.fields].map(([field, message]) => ({
              fieldId: fieldId(field),
              message,
            }))}
          />
        )}
        <InputField
          id="recording-url"
          type="url"
          label={t('preparation.recording.url')}
          hint={t('preparation.recording.urlHint')}
          value={draft.url}
          onChange={(url) => set({ url })}
          error={problem?.fields.get('recordingUrl') ?? null}
        />
        <InputField
          id="recording-date"
          type="date"
          label={t('preparation.recording.date')}
          value={draft.date}
          onChange={(date) => set({ date })}
          error={problem?.fields.get('recordingStartedAt') ?? null}
        />
        <InputField
          id="recording-time"
          type="time"
          step={1}
          label={t('preparation.recording.time', { zone: sitting.timeZone })}
          hint={t('preparation.recording.timeHint')}
          value={draft.time}
          onChange={(time) => set({ time })}
          error={null}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('preparation.editor.saving') : t('preparation.recording.save')}
        </button>
        {outcome !== null && problem === null && (
          <p className="confirmation" role="status">
            {saved.url === null
              ? t('preparation.recording.removed')
              : t('preparation.recording.saved')}
          </p>
        )}
        {saved.url !== null && saved.startedAt !== null && (
          <p>
            <a href={chapters}>{t('preparation.recording.chapters')}</a>
          </p>
        )}
      </form>
    </section>
  );
}
