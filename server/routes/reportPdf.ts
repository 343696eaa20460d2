import { Hono } from 'hono';
import { reportBatchBody, reportPdfQuery } from '../../shared/schemas/reportPdf.ts';
import { auditDetails, auditRead } from '../http/auditTrail.ts';
import { attachment, requestLocale } from '../http/fileResponse.ts';
import { parseBody, parseQuery } from '../http/parseBody.ts';
import type { AppEnv } from '../http/session.ts';
import { PdfBrowser } from '../pdf/pdfBrowser.ts';
import { loopbackOrigin, ReportRenderer } from '../pdf/reportRenderer.ts';
import { ReportBatchJobs } from '../services/reportBatchJobs.ts';
import { planReportBatch, reportPdf } from '../services/reportPdf.ts';
import type { AppDeps } from './deps.ts';

/**
 * Reports as PDF, printed by Chromium from the report page itself: one at once; a campaign's or a unit's as
 * a background batch (202, then progress, then the file). Batches sit under /campaigns, which is HR's.
 */
export function reportPdfRoutes({ conn: { db }, config, pdfBrowser }: AppDeps) {
  const renderer = new ReportRenderer(db, pdfBrowser ?? new PdfBrowser(config.chromiumPath), loopbackOrigin(config.host, config.port));
  const jobs = new ReportBatchJobs(renderer);
  return new Hono<AppEnv>()
    .get('/evaluations/:eid/report.pdf', async (c) => {
      const { lang } = parseQuery(c, reportPdfQuery);
      const locale = requestLocale(lang, c.req.header('accept-language'));
      const { pdf, fileName, read } = await reportPdf(db, renderer, c.get('user'), c.req.param('eid'), locale);
      auditRead(c, { name: read.evaluation.fullName, access: read.access });
      return attachment(c, pdf, fileName, 'application/pdf');
    })
    .post('/campaigns/:id/report-batches', async (c) => {
      const body = await parseBody(c, reportBatchBody);
      const user = c.get('user');
      const plan = await planReportBatch(db, user, c.req.param('id'), body.unitId, body.format);
      const job = jobs.start(user, plan, body.format, requestLocale(body.lang, c.req.header('accept-language')));
      auditDetails(c, { count: job.total, leftOut: job.insufficient });
      return c.json(job, 202);
    })
    .get('/campaigns/:id/report-batches/:jobId', (c) => c.json(jobs.progress(c.get('user').id, c.req.param('id'), c.req.param('jobId'))))
    .get('/campaigns/:id/report-batches/:jobId/file', (c) => {
      const file = jobs.file(c.get('user').id, c.req.param('id'), c.req.param('jobId'));
      return attachment(c, file.bytes, file.fileName, file.format === 'pdf' ? 'application/pdf' : 'application/zip');
    });
}
