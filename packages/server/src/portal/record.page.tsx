import type { RecordVerdict } from '../record/verify-record.js';
import { sittingName } from '../sittings/sitting-name.js';
import type { SittingListing } from '../storage/repositories/sittings.repository.js';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import { CouncilLinks, renderPage, type PageContext } from './portal-layout.js';
import type { PortalKey } from './portal-texts.js';

/**
 * `/portal/sittings/:sittingId/record`: the sitting's public record checked by the server as
 * anyone can check it (the same `verifyRecord` that `npx veche verify` runs), with the command
 * to do it independently and a form that checks a saved copy (`POST /portal/verify`).
 */
export function recordPage(
  context: PageContext,
  page: {
    council: CouncilRow;
    sitting: SittingListing;
    verdict: RecordVerdict;
    recordUrl: string;
    empty: boolean;
  },
): string {
  const { t, language } = context;
  const { council, sitting } = page;
  return renderPage(
    context,
    `${t('verify.heading')} – ${sittingName(language, sitting)}`,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <p className="way-back">
        <a href={`/portal/sittings/${sitting.id}`}>{sittingName(language, sitting)}</a>
      </p>
      <h1>{t('verify.heading')}</h1>
      <p>{t('verify.intro')}</p>
      <pre>
        <code>{`npx veche verify ${page.recordUrl}`}</code>
      </pre>
      <p>
        <a href={page.recordUrl}>{t('verify.download', { format: 'JSON' })}</a>
      </p>
      {page.empty ? (
        <p>{t('verify.notStarted')}</p>
      ) : (
        <Verdict context={context} verdict={page.verdict} />
      )}
      <UploadForm context={context} />
    </>,
  );
}

/** `/portal/verify`: a saved copy of a record, checked; without a file, only the form. */
export function verifyPage(
  context: PageContext,
  checked: { verdict: RecordVerdict; fileName: string } | { problem: PortalKey } | null,
): string {
  const { t } = context;
  return renderPage(
    context,
    t('verify.uploadHeading'),
    <>
      <h1>{t('verify.uploadHeading')}</h1>
      <p>{t('verify.intro')}</p>
      <pre>
        <code>npx veche verify record.json</code>
      </pre>
      {checked !== null && 'problem' in checked && (
        <p className="problem" role="alert">
          {t(checked.problem)}
        </p>
      )}
      {checked !== null && 'verdict' in checked && (
        <>
          <p>{t('verify.ofFile', { name: checked.fileName })}</p>
          <Verdict context={context} verdict={checked.verdict} />
        </>
      )}
      <UploadForm context={context} heading={false} />
    </>,
  );
}

function Verdict({ context, verdict }: { context: PageContext; verdict: RecordVerdict }) {
  const { t } = context;
  if (!verdict.ok) {
    const { problem } = verdict;
    return (
      <section aria-labelledby="verdict" className="verdict failed" role="status">
        <h2 id="verdict">{t('verify.failed')}</h2>
        <p>{t(`verify.reason.${problem.code}` as PortalKey)}</p>
        {problem.seq !== null && (
          <p>{t('verify.problem', { seq: String(problem.seq), type: problem.eventType ?? '' })}</p>
        )}
        <p>
          {t('verify.detail')} <code lang="en">{problem.detail}</code>
        </p>
      </section>
    );
  }
  const votes = verdict.votes.named + verdict.votes.open + verdict.votes.secret;
  return (
    <section aria-labelledby="verdict" className="verdict ok" role="status">
      <h2 id="verdict">{t('verify.ok')}</h2>
      <ul>
        <li>
          {t('verify.sitting')}{' '}
          <a href={`/portal/sittings/${verdict.sittingId}`}>
            <code>{verdict.sittingId}</code>
          </a>
        </li>
        <li>{t('verify.events', { count: String(verdict.events) })}</li>
        <li>{t('verify.votes', { count: String(votes) })}</li>
        {verdict.membersVouched && <li>{t('verify.members')}</li>}
        {verdict.head !== null && (
          <li>{t('verify.head', { seq: String(verdict.head.seq), hash: verdict.head.hash })}</li>
        )}
      </ul>
    </section>
  );
}

/** The form that sends a saved copy; under its own heading, except on the page named after it. */
function UploadForm({ context, heading = true }: { context: PageContext; heading?: boolean }) {
  const { t, language } = context;
  return (
    <section
      aria-label={heading ? undefined : t('verify.uploadHeading')}
      aria-labelledby={heading ? 'upload' : undefined}
    >
      {heading && <h2 id="upload">{t('verify.uploadHeading')}</h2>}
      <form method="post" action={`/portal/verify?lang=${language}`} encType="multipart/form-data">
        <p>
          <label htmlFor="record-file">{t('verify.file', { format: 'JSON' })}</label>
          <input
            id="record-file"
            name="record"
            type="file"
            accept="application/json,.json"
            required
          />
        </p>
        <p>
          <button type="submit">{t('verify.submit')}</button>
        </p>
      </form>
    </section>
  );
}
