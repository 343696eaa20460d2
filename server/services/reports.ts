import type { DB } from '../../db/connect.ts';
import { getCampaign, getEvaluation } from '../../db/repositories/campaigns.ts';
import { inUsersCalibration } from '../../db/repositories/reportAccess.ts';
import { previousEvaluation, type PreviousEvaluation } from '../../db/repositories/reportHistory.ts';
import { responsesOf } from '../../db/repositories/responses.ts';
import type { EvaluationRow } from '../../db/schema.ts';
import type { FormKey, Methodology } from '../../shared/methodology/types.ts';
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
  const access = await accessOf(db, viewer, evaluation);
  if (!access) throw new ApiError(403, 'report.forbidden');
  return { access, ...(await evaluationReport(db, evaluationId, viewer)) };
}

/** Why `viewer` may read the evaluation's report (§21), or null. */
async function accessOf(db: DB, viewer: SessionUser, evaluation: EvaluationRow) {
  const subject = { personId: evaluation.person_id, evaluatorId: evaluation.evaluator_id, evaluatorSetBy: evaluation.evaluator_set_by };
  return reportAccess(viewer, { ...subject, inViewersCalibration: await inUsersCalibration(db, viewer.id, evaluation.id) });
}

/** An evaluation's report as `reader` is shown it: counting only the answers whose links they did not hold. */
async function reportFor(db: DB, evaluationId: string, methodology: Methodology, formKey: FormKey, reader: SessionUser | null) {
  const responses = (await responsesOf(db, evaluationId)).map((r) => ({ ...r, group: r.group as StoredGroup | null }));
  const heldByReader = reader ? await answersHeldBy(db, evaluationId, reader.id) : 0;
  return { responses, heldByReader, report: reportForReader(computeReport(methodology, formKey, responses), heldByReader, methodology.rules.minResponsesForReport) };
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
  const { responses, heldByReader, report } = await reportFor(db, evaluationId, methodology, evaluation.form_key as FormKey, reader);
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
  if (reader && !(await accessOf(db, reader, (await getEvaluation(db, previous.evaluationId))!))) return null;
  const { report: earlier } = await reportFor(db, previous.evaluationId, methodologyOf(previous.methodologyId), current.formKey, reader);
  const change = changeSince(current, earlier);
  return change && { campaign: { id: previous.campaignId, name: previous.campaignName, year: previous.year }, ...change };
}
