import {
  SPEECH_REQUEST_NAME_MAX,
  SPEECH_REQUEST_SUMMARY_MAX,
  type NumberedAgendaItem,
  type SpeechRequestStatus,
} from '@veche/domain';
import { sittingName } from '../sittings/sitting-name.js';
import type { SpeechRequestWindow } from '../residents/speech-requests.use-case.js';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import type { SittingListing } from '../storage/repositories/sittings.repository.js';
import { CouncilLinks, renderPage, type PageContext } from './portal-layout.js';
import { formatDay, type PortalKey } from './portal-texts.js';

/** A field of the form and what is wrong with it, as the page words it. */
export interface FieldProblem {
  readonly field: 'name' | 'email' | 'itemId' | 'summary' | 'attachment' | 'form';
  readonly key: PortalKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface SpeakFormValues {
  readonly name?: string;
  readonly email?: string;
  readonly itemId?: string;
  readonly summary?: string;
}

export interface SpeakPage {
  readonly council: CouncilRow;
  readonly sitting: SittingListing;
  readonly agenda: readonly NumberedAgendaItem[];
  readonly window: SpeechRequestWindow;
  readonly values?: SpeakFormValues;
  readonly problems?: readonly FieldProblem[];
}

const ATTACHMENT_LIMIT = '5 MB';
/** The accepted kinds, by their names (the same in every language). */
export const ATTACHMENT_FORMATS = 'PDF, DOCX, ODT, PNG, JPEG, WebP';
/** Each field's label, which the summary of problems names before the problem. */
const FIELD_LABELS: Readonly<Record<FieldProblem['field'], PortalKey | null>> = {
  name: 'speak.name',
  email: 'speak.email',
  itemId: 'speak.item',
  summary: 'speak.summary',
  attachment: 'speak.attachment',
  form: null,
};
const FIELD_IDS: Readonly<Record<FieldProblem['field'], string>> = {
  name: 'speak-name',
  email: 'speak-email',
  itemId: 'speak-item',
  summary: 'speak-summary',
  attachment: 'speak-attachment',
  form: 'speak-form',
};

/**
 * `/portal/sittings/:sittingId/speak`: a resident asks to speak on an item (issue 7, section 1).
 * A plain form that works without JavaScript; after a refusal the page comes back with what was
 * typed, a summary of the problems linking to each field, and each field's own message tied to
 * it (`aria-describedby`, `aria-invalid`). Past the deadline the form is gone and the page says
 * so. The honeypot is inside a `hidden` block: neither eyes nor screen readers meet it, so no
 * person fills it in, while programs that fill every field do.
 */
export function speakPage(context: PageContext, page: SpeakPage): string {
  const { t, language } = context;
  const title = t('speak.heading');
  const name = sittingName(language, page.sitting);
  const lastDay = formatDay(page.window.lastDay, language);
  const problems = page.problems ?? [];
  const values = page.values ?? {};
  const problemOf = (field: FieldProblem['field']) => problems.find((p) => p.field === field);
  const described = (field: FieldProblem['field'], hint?: string) => {
    const ids = [hint, problemOf(field) ? `${FIELD_IDS[field]}-error` : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  };
  const ErrorOf = ({ field }: { field: FieldProblem['field'] }) => {
    const problem = problemOf(field);
    return problem ? (
      <span id={`${FIELD_IDS[field]}-error`} className="warning">
        {t(problem.key, problem.params)}
      </span>
    ) : null;
  };
  return renderPage(
    context,
    `${title} – ${name}`,
    <>
      <CouncilLinks context={context} councilId={page.council.id} councilName={page.council.name} />
      <h1>{title}</h1>
      <p>
        <a href={`/portal/sittings/${page.sitting.id}`}>{name}</a>
      </p>
      {page.window.closed !== null ? (
        <p role="status">{t(`speak.closed.${page.window.closed}`, { lastDay })}</p>
      ) : (
        <>
          <p>{t('speak.intro', { lastDay })}</p>
          {problems.length > 0 && (
            <div className="problems" role="alert" aria-labelledby="problems-heading">
              <h2 id="problems-heading">{t('speak.problems')}</h2>
              <ul>
                {problems.map((problem) => (
                  <li key={problem.field}>
                    <a href={`#${FIELD_IDS[problem.field]}`}>
                      {FIELD_LABELS[problem.field] === null
                        ? t(problem.key, problem.params)
                        : `${t(FIELD_LABELS[problem.field]!)}: ${t(problem.key, problem.params)}`}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <form
            id="speak-form"
            className="speak-form"
            method="post"
            action={`/portal/sittings/${page.sitting.id}/speak?lang=${language}`}
            encType="multipart/form-data"
          >
            <p>
              <label htmlFor="speak-name">{t('speak.name')}</label>
              <input
                id="speak-name"
                name="name"
                type="text"
                autoComplete="name"
                maxLength={SPEECH_REQUEST_NAME_MAX}
                required
                defaultValue={values.name}
                aria-invalid={problemOf('name') ? true : undefined}
                aria-describedby={described('name')}
              />
              <ErrorOf field="name" />
            </p>
            <p>
              <label htmlFor="speak-email">{t('speak.email')}</label>
              <input
                id="speak-email"
                name="email"
                type="email"
                autoComplete="email"
                maxLength={254}
                required
                defaultValue={values.email}
                aria-invalid={problemOf('email') ? true : undefined}
                aria-describedby={described('email', 'speak-email-hint')}
              />
              <span id="speak-email-hint" className="meta">
                {t('speak.emailHint')}
              </span>
              <ErrorOf field="email" />
            </p>
            <p>
              <label htmlFor="speak-item">{t('speak.item')}</label>
              <select
                id="speak-item"
                name="itemId"
                required
                defaultValue={values.itemId ?? ''}
                aria-invalid={problemOf('itemId') ? true : undefined}
                aria-describedby={described('itemId')}
              >
                <option value="">{t('speak.itemChoose')}</option>
                {page.agenda.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.number}. {item.title}
                  </option>
                ))}
              </select>
              <ErrorOf field="itemId" />
            </p>
            <p>
              <label htmlFor="speak-summary">{t('speak.summary')}</label>
              <textarea
                id="speak-summary"
                name="summary"
                rows={6}
                maxLength={SPEECH_REQUEST_SUMMARY_MAX}
                required
                defaultValue={values.summary}
                aria-invalid={problemOf('summary') ? true : undefined}
                aria-describedby={described('summary', 'speak-summary-hint')}
              />
              <span id="speak-summary-hint" className="meta">
                {t('speak.summaryHint', { max: SPEECH_REQUEST_SUMMARY_MAX })}
              </span>
              <ErrorOf field="summary" />
            </p>
            <p>
              <label htmlFor="speak-attachment">{t('speak.attachment')}</label>
              <input
                id="speak-attachment"
                name="attachment"
                type="file"
                accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,.webp"
                aria-invalid={problemOf('attachment') ? true : undefined}
                aria-describedby={described('attachment', 'speak-attachment-hint')}
              />
              <span id="speak-attachment-hint" className="meta">
                {t('speak.attachmentHint', { size: ATTACHMENT_LIMIT, formats: ATTACHMENT_FORMATS })}
              </span>
              <ErrorOf field="attachment" />
            </p>
            <div hidden>
              <label htmlFor="speak-website">{t('speak.honeypot')}</label>
              <input
                id="speak-website"
                name="website"
                type="text"
                tabIndex={-1}
                autoComplete="off"
              />
            </div>
            <p>
              <button type="submit">{t('speak.submit')}</button>
            </p>
          </form>
        </>
      )}
    </>,
  );
}

export type SpeakSent =
  | { readonly kind: 'sent'; readonly email: string }
  | { readonly kind: 'already'; readonly status: SpeechRequestStatus };

/** After the form: look for the e-mail; or, for an address that asked before, where it stands. */
export function speakSentPage(
  context: PageContext,
  page: { council: CouncilRow; sitting: SittingListing; lastDay: string; sent: SpeakSent },
): string {
  const { t, language } = context;
  const name = sittingName(language, page.sitting);
  const lastDay = formatDay(page.lastDay, language);
  const heading = page.sent.kind === 'sent' ? t('speak.sent.heading') : t('speak.heading');
  return renderPage(
    context,
    heading,
    <>
      <CouncilLinks context={context} councilId={page.council.id} councilName={page.council.name} />
      <h1>{heading}</h1>
      <p role="status">
        {page.sent.kind === 'sent'
          ? t('speak.sent.text', { email: page.sent.email, lastDay })
          : t('speak.already', { status: t(`speak.status.${page.sent.status}`) })}
      </p>
      <p>
        <a href={`/portal/sittings/${page.sitting.id}`}>{t('speak.back', { sitting: name })}</a>
      </p>
    </>,
  );
}

export type ConfirmState = 'ask' | 'done' | 'invalid' | 'closed';

/**
 * The confirmation link's page. Opening the link changes nothing (mail programs and scanners
 * open links by themselves); the button on the page confirms.
 */
export function confirmPage(
  context: PageContext,
  page: {
    state: ConfirmState;
    token: string;
    found: {
      council: CouncilRow;
      sitting: SittingListing;
      name: string;
      itemTitle: string;
      lastDay: string;
    } | null;
  },
): string {
  const { t, language } = context;
  const heading = t('speak.confirm.heading');
  const found = page.found;
  return renderPage(
    context,
    heading,
    <>
      {found && (
        <CouncilLinks
          context={context}
          councilId={found.council.id}
          councilName={found.council.name}
        />
      )}
      <h1>{heading}</h1>
      {page.state === 'invalid' || found === null ? (
        <p role="status">{t('speak.confirm.invalid')}</p>
      ) : (
        <>
          <p>
            {t('speak.confirm.text', {
              name: found.name,
              sitting: sittingName(language, found.sitting),
              item: found.itemTitle,
            })}
          </p>
          {page.state === 'ask' && (
            <form
              method="post"
              action={`/portal/speech-requests/confirm?lang=${language}`}
              encType="multipart/form-data"
            >
              <input type="hidden" name="token" value={page.token} />
              <p>
                <button type="submit">{t('speak.confirm.button')}</button>
              </p>
            </form>
          )}
          {page.state === 'done' && <p role="status">{t('speak.confirm.done')}</p>}
          {page.state === 'closed' && (
            <p role="status">
              {t('speak.closed.deadline_passed', { lastDay: formatDay(found.lastDay, language) })}
            </p>
          )}
          <p>
            <a href={`/portal/sittings/${found.sitting.id}`}>
              {t('speak.back', { sitting: sittingName(language, found.sitting) })}
            </a>
          </p>
        </>
      )}
    </>,
  );
}
