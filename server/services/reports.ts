import type { DB } from '../../db/connect.ts';
import { getCampaign, getEvaluation } from '../../db/repositories/campaigns.ts';
import { inUsersCalibration } from '../../db/repositories/reportAccess.ts';
import { previousEvaluation, type PreviousEvaluation } from '../../db/repositories/reportHistory.ts';
import { responsesOf } from '../../db/repositories/responses.ts';
import type { FormKey } from '../../shared/methodology/types.ts';
import { hasReports } from '../../shared/rules/campaignStatus.ts';
import { changeSince } from '../../shared/scoring/changeSince.ts';
import { computeReport, type Report360 } from '../../shared/scoring/report360.ts';
import { analyseReport } from '../../shared/scoring/reportAnalysis.ts';
import type { StoredGroup } from '../../shared/scoring/respondentGroup.ts';
import { reportAccess } from '../../shared/access/reportAccess.ts';
import { reportForReader } from '../../shared/scoring/readerThreshold.ts';
import { answersHeldBy } from '../../db/repositories/linkHolders.ts';
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
    evaluatorSetBy: evaluation.evaluator_set_by,
    inViewersCalibration: await inUsersCalibration(db, viewer.id, evaluationId),
  });
  if (!access) throw new ApiError(403, 'report.forbidden');
  return { access, ...(await evaluationReport(db, evaluationId, await answersHeldBy(db, evaluationId, viewer.id))) };
}

/**
 * The report itself, with no access check: for the demo, the services that already checked, and tests. It
 * counts only the answers whose links its reader did not hold (`heldByReader` of them came through such links:
 * shared/scoring/readerThreshold.ts). A shown report carries its analysis and, when the person's previous report
 * was shown too, the change since.
 */
export async function evaluationReport(db: DB, evaluationId: string, heldByReader = 0) {
  const evaluation = await getEvaluation(db, evaluationId);
  if (!evaluation) throw new ApiError(404, 'evaluation.notFound');
  const campaign = (await getCampaign(db, evaluation.campaign_id))!;
  if (!hasReports(campaign.status)) throw new ApiError(409, 'report.notClosed');
  const methodology = methodologyOf(campaign.methodology_id);
  const responses = (await responsesOf(db, evaluationId)).map((r) => ({ ...r, group: r.group as StoredGroup | null }));
  const report = reportForReader(computeReport(methodology, evaluation.form_key as FormKey, responses), heldByReader, methodology.rules.minResponsesForReport);
  const ready = report.status === 'ready' ? report : null;
  const previous = ready
    ? await previousEvaluation(db, { id: evaluation.id, personId: evaluation.person_id, formKey: evaluation.form_key, year: campaign.year, campaignCreatedAt: campaign.created_at })
    : undefined;
  const change = ready && previous ? await changeSincePrevious(db, ready, previous) : null;
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
    analysis: ready ? analyseReport(methodology, ready, responses) : null,
    change,
  };
}

async function changeSincePrevious(db: DB, current: Extract<Report360, { status: 'ready' }>, previous: PreviousEvaluation) {
  const earlier = computeReport(methodologyOf(previous.methodologyId), current.formKey, await responsesOf(db, previous.evaluationId));
  const change = changeSince(current, earlier);
  return change && { campaign: { id: previous.campaignId, name: previous.campaignName, year: previous.year }, ...change };
}
