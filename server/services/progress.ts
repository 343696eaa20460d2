import type { DB } from '../../db/connect.ts';
import { listInvitations } from '../../db/repositories/campaigns.ts';
import { tallyEvaluations } from '../../db/repositories/progress.ts';
import { listUnits } from '../../db/repositories/staff.ts';
import { reportOutlook, rollUpUnits, sumCounts } from '../../shared/rules/campaignProgress.ts';
import { loadCampaign, loadEvaluationInCampaign, methodologyOf } from './campaigns.ts';

/**
 * The campaign's response rates — overall, per unit of the tree, per evaluated person — and each report's
 * outlook against the anonymity minimum. Two queries whatever the campaign's size.
 */
export async function campaignProgress(db: DB, campaignId: string) {
  const campaign = await loadCampaign(db, campaignId);
  const { rules } = methodologyOf(campaign.methodology_id);
  const [tallies, units] = await Promise.all([tallyEvaluations(db, campaignId), listUnits(db)]);
  const evaluations = tallies.map((e) => ({
    ...e,
    questionnaires: e.respondents + (e.selfInvited ? 1 : 0),
    answeredTotal: e.answered + (e.selfAnswered ? 1 : 0),
    outlook: reportOutlook(e.respondents, e.answered, rules.minResponsesForReport),
  }));
  const counts = evaluations.map((e) => ({ unitId: e.unitId, questionnaires: e.questionnaires, answered: e.answeredTotal, outlook: e.outlook }));
  return {
    minResponses: rules.minResponsesForReport,
    totals: sumCounts(counts),
    units: rollUpUnits(units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id })), counts),
    evaluations,
  };
}

/** Who was asked about one person and how far each link got: names and link status only, never answers or times. */
export async function evaluationRespondents(db: DB, campaignId: string, evaluationId: string) {
  await loadEvaluationInCampaign(db, campaignId, evaluationId);
  const invitations = await listInvitations(db, evaluationId);
  return {
    respondents: invitations.map((i) => ({
      name: i.respondentName,
      relation: i.relation,
      status: i.answered ? ('answered' as const) : i.linkIssued ? ('linkIssued' as const) : ('noLink' as const),
    })),
  };
}
