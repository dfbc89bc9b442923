import type { ConsultationResults } from '@veche/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { startPeriodic, type Periodic } from '../time/periodic.js';
import { formatMailTime } from '../mail/mail-texts.js';
import { isLanguage } from '../portal/portal-texts.js';
import type { BlobStore } from '../storage/blob-store.js';
import { inTransaction, type Repositories } from '../storage/repositories.js';
import type { ConsultationRow } from '../storage/repositories/consultations.repository.js';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import type { StorageContext } from '../storage/storage-context.js';
import { consultationResults } from './consultation-results.js';
import { consultationReportPdf } from './consultation-report-pdf.js';
import { fill, REPORT_TEXTS } from './consultation-report-texts.js';

/** The report as a PDF, in the council's language, from results already gathered. */
export function reportPdfFor(
  council: CouncilRow,
  row: ConsultationRow,
  results: ConsultationResults,
): Promise<Buffer> {
  const language = isLanguage(council.defaultLanguage) ? council.defaultLanguage : 'en';
  return consultationReportPdf(results, {
    language,
    councilName: council.name,
    from: formatMailTime(row.startsAt, language, council.timeZone),
    to: formatMailTime(row.endsAt, language, council.timeZone),
  });
}

class AttachedMeanwhile extends Error {}

/** A pass's result: how many reports were attached. */
export type ReportSweep = Periodic<number>;

/**
 * Attaches each finished consultation's report to the agenda item of the draft resolution it
 * concerns (issue 7, section 2), as a public PDF document of that sitting, so councillors read
 * it beside the draft during the sitting. Once per consultation: the document and the mark are
 * written in one transaction, and a process that finds the mark already set rolls back; a report
 * the office later removes is not attached again.
 */
export function startReportSweep(
  storage: StorageContext,
  repos: Repositories,
  blobs: BlobStore,
  logger: FastifyBaseLogger,
  intervalMs = 60_000,
): ReportSweep {
  async function attach(due: Awaited<ReturnType<Repositories['consultationReports']['due']>>[0]) {
    const { consultation } = due;
    const council = await repos.councils.findById(consultation.councilId);
    if (council === undefined) return false;
    const results = await consultationResults(repos, consultation, storage.clock());
    const pdf = await reportPdfFor(council, consultation, results);
    const blob = await blobs.put(pdf);
    const language = isLanguage(council.defaultLanguage) ? council.defaultLanguage : 'en';
    try {
      await inTransaction(storage, async (tx) => {
        const document = await tx.documents.create({
          councilId: consultation.councilId,
          sittingId: due.sittingId,
          agendaItemId: due.agendaItemId,
          title: fill(REPORT_TEXTS[language].title, { subject: consultation.subject }),
          fileName: `consultation-report-${consultation.id.slice(0, 8)}.pdf`,
          mediaType: 'application/pdf',
          sizeBytes: blob.sizeBytes,
          sha256: blob.sha256,
          isPublic: true,
          createdByUserId: null,
        });
        const marked = await tx.consultationReports.markAttached(
          consultation.councilId,
          consultation.id,
          document.id,
        );
        if (!marked) throw new AttachedMeanwhile();
      });
    } catch (error) {
      if (error instanceof AttachedMeanwhile) return false;
      throw error;
    }
    logger.info(
      { consultationId: consultation.id, agendaItemId: due.agendaItemId },
      'consultation report attached to its agenda item',
    );
    return true;
  }

  async function tick(): Promise<number> {
    let attached = 0;
    for (const due of await repos.consultationReports.due(storage.clock())) {
      // One consultation's trouble must not hold up the others' reports.
      try {
        if (await attach(due)) attached++;
      } catch (error) {
        logger.error({ err: error, consultationId: due.consultation.id }, 'report not attached');
      }
    }
    return attached;
  }

  return startPeriodic(tick, { intervalMs, atStart: true, logger, failure: 'report sweep failed' });
}
