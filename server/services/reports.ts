import type { DB } from '../../db/connect.ts';
import { getCampaign, getEvaluation } from '../../db/repositories/campaigns.ts';
import { inUsersCalibration } from '../../db/repositories/reportAccess.ts';
import { previousEvaluation, type PreviousEvaluation } from '../../db/repositories/reportHistory.ts';
import { responsesOf } from '../../db/repositories/responses.ts';
import type { EvaluationRow } from '../../db/schema.ts';
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
  return { access, ...(await evaluationReport(db, evaluationId, viewer)) };
}

/** Whether `viewer` may read the evaluation's report (§21), as readReport decides. */
async function mayRead(db: DB, viewer: SessionUser, evaluation: EvaluationRow): Promise<boolean> {
  const subject = { personId: evaluation.person_id, evaluatorId: evaluation.evaluator_id, evaluatorSetBy: evaluation.evaluator_set_by };
  return reportAccess(viewer, { ...subject, inViewersCalibration: await inUsersCalibration(db, viewer.id, evaluation.id) }) !== null;
}

/**
 * The report itself, for `reader` once readReport has let them in — or, with no reader, as it is (the demo, and
 * tests). It counts only the answers whose links the reader did not hold (shared/scoring/readerThreshold.ts); a
 * reader who held any gets no group breakdown. A shown report carries its analysis and, when the person's
 * previous report would be shown to the same reader too, the change since.
 */
export async function evaluationReport(db: DB, evaluationId: string, reader: SessionUser | null = null) {
  const evaluation = await getEvaluation(db, evaluationId);
  if (!evaluation) throw new ApiError(404, 'evaluation.notFound');
  const campaign = (await getCampaign(db, evaluation.campaign_id))!;
  if (!hasReports(campaign.status)) throw new ApiError(409, 'report.notClosed');
  const methodology = methodologyOf(campaign.methodology_id);
  const responses = (await responsesOf(db, evaluationId)).map((r) => ({ ...r, group: r.group as StoredGroup | null }));
  const heldByReader = reader ? await answersHeldBy(db, evaluationId, reader.id) : 0;
  const report = reportForReader(computeReport(methodology, evaluation.form_key as FormKey, responses), heldByReader, methodology.rules.minResponsesForReport);
  const ready = report.status === 'ready' ? report : null;
  const previous = ready
    ? await previousEvaluation(db, { id: evaluation.id, personId: evaluation.person_id, formKey: evaluation.form_key, year: campaign.year, campaignCreatedAt: campaign.created_at })
    : undefined;
  const change = ready && previous ? await changeSincePrevious(db, ready, previous, reader) : null;
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
    analysis: ready ? analyseReport(methodology, ready, responses, { byGroup: heldByReader === 0 }) : null,
    change,
  };
}

/**
 * The change since the previous report — only against one the same reader may read and that is shown to them:
 * last year's marks beside this year's would otherwise hand over a report the rules keep from them.
 */
async function changeSincePrevious(db: DB, current: Extract<Report360, { status: 'ready' }>, previous: PreviousEvaluation, reader: SessionUser | null) {
  const row = (await getEvaluation(db, previous.evaluationId))!;
  if (reader && !(await mayRead(db, reader, row))) return null;
  const methodology = methodologyOf(previous.methodologyId);
  const held = reader ? await answersHeldBy(db, previous.evaluationId, reader.id) : 0;
  const earlier = reportForReader(computeReport(methodology, current.formKey, await responsesOf(db, previous.evaluationId)), held, methodology.rules.minResponsesForReport);
  const change = changeSince(current, earlier);
  return change && { campaign: { id: previous.campaignId, name: previous.campaignName, year: previous.year }, ...change };
}
