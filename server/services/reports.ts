import type { DB } from '../../db/connect.ts';
import { getCampaign, getEvaluation } from '../../db/repositories/campaigns.ts';
import { inUsersCalibration } from '../../db/repositories/reportAccess.ts';
import { responsesOf } from '../../db/repositories/responses.ts';
import type { FormKey } from '../../shared/methodology/types.ts';
import { hasReports } from '../../shared/rules/campaignStatus.ts';
import { computeReport } from '../../shared/scoring/report360.ts';
import { reportAccess } from '../../shared/access/reportAccess.ts';
import { ApiError } from '../http/apiError.ts';
import type { SessionUser } from '../http/session.ts';
import { methodologyOf } from './campaigns.ts';

/**
 * An evaluated person's Annex 7/8 report, for a viewer §21 allows (shared/access/reportAccess.ts); released
 * once the campaign is closed, and readable in the archive. Says why the viewer may read it, for the audit log.
 */
export async function readReport(db: DB, viewer: SessionUser, evaluationId: string) {
  const evaluation = await getEvaluation(db, evaluationId);
  if (!evaluation) throw new ApiError(404, 'evaluation.notFound');
  const access = reportAccess(viewer, {
    personId: evaluation.person_id,
    evaluatorId: evaluation.evaluator_id,
    inViewersCalibration: await inUsersCalibration(db, viewer.id, evaluationId),
  });
  if (!access) throw new ApiError(403, 'report.forbidden');
  return { access, ...(await evaluationReport(db, evaluationId)) };
}

/** The report itself, with no access check: for the demo, the services that already checked, and tests. */
export async function evaluationReport(db: DB, evaluationId: string) {
  const evaluation = await getEvaluation(db, evaluationId);
  if (!evaluation) throw new ApiError(404, 'evaluation.notFound');
  const campaign = (await getCampaign(db, evaluation.campaign_id))!;
  if (!hasReports(campaign.status)) throw new ApiError(409, 'report.notClosed');
  const methodology = methodologyOf(campaign.methodology_id);
  const report = computeReport(methodology, evaluation.form_key as FormKey, await responsesOf(db, evaluationId));
  return {
    evaluation: {
      id: evaluation.id,
      fullName: evaluation.full_name,
      position: evaluation.position,
      unitName: evaluation.unit_name,
      category: evaluation.category,
    },
    campaign: { id: campaign.id, name: campaign.name, year: campaign.year },
    methodologyId: methodology.id,
    report,
  };
}
