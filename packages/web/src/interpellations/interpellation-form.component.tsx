import type { Interpellation } from '@veche/protocol';

type InterpellationKind = Interpellation['kind'];
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../login/error-summary.component';
import { interpellationsApi } from './interpellations-api';
import { problemOf, type FieldProblem } from './interpellation-problem';
import { StatusText } from './interpellation-fields.component';
import { FileField, InputField, TextAreaField } from '../forms/fields.component';

interface Props {
  councilId: string;
  onFiled: (interpellation: Interpellation) => void;
}

/**
 * The councillor's form: kind, subject, text and an optional file. The interpellation is filed
 * first, then the file is attached; a refused file leaves the filing in place and says so.
 */
export function InterpellationForm({ councilId, onFiled }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<InterpellationKind>('interpellation');
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [working, setWorking] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const fail = (found: FieldProblem) => {
    setProblem(found);
    setAttempt((count) => count + 1);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    if (subject.trim() === '') return fail({ field: 'subject', problem: 'subjectMissing' });
    if (text.trim() === '') return fail({ field: 'text', problem: 'textMissing' });
    setWorking(true);
    try {
      const filed = await interpellationsApi.file(councilId, { kind, subject, text });
      let shown = filed;
      let fileProblem: FieldProblem | null = null;
      if (file !== null) {
        try {
          const added = await interpellationsApi.attach(filed.id, 'question', file);
          shown = { ...filed, files: [...filed.files, added] };
        } catch (error) {
          fileProblem = problemOf(error);
        }
      }
      onFiled(shown);
      setSubject('');
      setText('');
      setFile(null);
      setFileKey((key) => key + 1);
      setDone(t('interpellations.filedNotice', { number: filed.number }));
      if (fileProblem === null) setProblem(null);
      else fail(fileProblem);
    } catch (error) {
      fail(problemOf(error));
    } finally {
      setWorking(false);
    }
  };

  const errorFor = (field: FieldProblem['field']) =>
    problem !== null && problem.field === field
      ? t(`interpellations.errors.${problem.problem}`)
      : null;

  return (
    <form className="interpellation-form" noValidate onSubmit={(event) => void submit(event)}>
      <h2>{t('interpellations.fileTitle')}</h2>
      {problem !== null && (
        <ErrorSummary
          key={attempt}
          title={t('interpellations.errorSummaryTitle')}
          formMessage={
            problem.field === null ? t(`interpellations.errors.${problem.problem}`) : null
          }
          fieldMessages={
            problem.field === null
              ? []
              : [
                  {
                    fieldId: `interpellation-${problem.field}`,
                    message: t(`interpellations.errors.${problem.problem}`),
                  },
                ]
          }
        />
      )}
      <fieldset>
        <legend>{t('interpellations.kindLabel')}</legend>
        {(['interpellation', 'question'] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="kind"
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            {t(`interpellations.kind.${value}`)}
          </label>
        ))}
      </fieldset>
      <InputField
        id="interpellation-subject"
        label={t('interpellations.subject')}
        hint={t('interpellations.subjectHint')}
        value={subject}
        onChange={setSubject}
        error={errorFor('subject')}
      />
      <TextAreaField
        id="interpellation-text"
        label={t('interpellations.text')}
        value={text}
        onChange={setText}
        error={errorFor('text')}
      />
      <FileField
        key={fileKey}
        id="interpellation-file"
        label={t('interpellations.attachment')}
        hint={t('interpellations.attachmentHint')}
        onChange={setFile}
        error={errorFor('file')}
      />
      <button type="submit" className="button button--primary" disabled={working}>
        {working ? t('interpellations.filing') : t('interpellations.fileButton')}
      </button>
      <StatusText text={done} />
    </form>
  );
}
