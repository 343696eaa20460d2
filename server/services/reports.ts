import type { DB } from '../../db/connect.ts';
import { getCampaign, getEvaluation } from '../../db/repositories/campaigns.ts';
import { responsesOf } from '../../db/repositories/responses.ts';
import type { FormKey } from '../../shared/methodology/types.ts';
import { hasReports } from '../../shared/rules/campaignStatus.ts';
import { computeReport } from '../../shared/scoring/report360.ts';
import { ApiError } from '../http/apiError.ts';
import { methodologyOf } from './campaigns.ts';

/** An evaluated person's Annex 7/8 report; released once the campaign is closed, and readable in the archive. */
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
