import type { DB } from '../../db/connect.ts';
import { batchCandidates } from '../../db/repositories/reportBatches.ts';
import { listUnits } from '../../db/repositories/staff.ts';
import type { Locale } from '../../shared/methodology/types.ts';
import { MAX_REPORTS_PER_PDF, selectBatch } from '../../shared/reports/batchSelection.ts';
import { reportFileName } from '../../shared/reports/pdfFileNames.ts';
import { hasReports } from '../../shared/rules/campaignStatus.ts';
import { unitSubtree } from '../../shared/rules/unitSubtree.ts';
import { ApiError } from '../http/apiError.ts';
import type { SessionUser } from '../http/session.ts';
import type { ReportRenderer } from '../pdf/reportRenderer.ts';
import { loadCampaign, methodologyOf } from './campaigns.ts';
import { readReport } from './reports.ts';

/** One report as a PDF, for a viewer §21 allows (the same check as reading it); a report under the minimum has no PDF. */
export async function reportPdf(db: DB, renderer: ReportRenderer, viewer: SessionUser, evaluationId: string, locale: Locale) {
  const read = await readReport(db, viewer, evaluationId);
  if (read.report.status !== 'ready') {
    throw new ApiError(409, 'reportPdf.insufficient', { count: read.report.responseCount, required: read.report.required });
  }
  const pdf = await renderer.one(viewer.id, evaluationId, locale);
  return { pdf, fileName: reportFileName(read.evaluation.fullName, read.campaign.year), read };
}

/**
 * What a batch of a campaign's reports — or of one unit with its sub-units — holds for this viewer: the
 * reports they may read that reached the minimum; the others are counted, not printed. One PDF has a ceiling.
 */
export async function planReportBatch(db: DB, viewer: SessionUser, campaignId: string, unitId: string | null, format: 'pdf' | 'zip') {
  const campaign = await loadCampaign(db, campaignId);
  if (!hasReports(campaign.status)) throw new ApiError(409, 'report.notClosed');
  let unit: { ids: Set<string>; name: string } | null = null;
  if (unitId) {
    const units = await listUnits(db);
    const chosen = units.find((u) => u.id === unitId);
    if (!chosen) throw new ApiError(404, 'unit.notFound');
    unit = { ids: unitSubtree(units.map((u) => ({ id: u.id, parentId: u.parent_id })), unitId), name: chosen.name };
  }
  const selection = selectBatch(await batchCandidates(db, campaignId, viewer.id), viewer, {
    unitIds: unit?.ids ?? null,
    minResponses: methodologyOf(campaign.methodology_id).rules.minResponsesForReport,
  });
  if (selection.included.length === 0) {
    if (selection.forbidden > 0 && selection.insufficient === 0) throw new ApiError(403, 'report.forbidden');
    throw new ApiError(409, 'reportBatch.empty', { insufficient: selection.insufficient });
  }
  if (format === 'pdf' && selection.included.length > MAX_REPORTS_PER_PDF) {
    throw new ApiError(422, 'reportBatch.tooManyForOnePdf', { count: selection.included.length, max: MAX_REPORTS_PER_PDF });
  }
  return { campaign, unitName: unit?.name ?? null, selection };
}
