import type { DB } from '../../db/connect.ts';
import * as campaigns from '../../db/repositories/campaigns.ts';
import { getPeople, getPersonView, type PersonView } from '../../db/repositories/staff.ts';
import { DEFAULT_METHODOLOGY_ID, findMethodology } from '../../shared/methodology/registry.ts';
import type { Methodology } from '../../shared/methodology/types.ts';
import { deadlineProblem, defaultDeadline } from '../../shared/rules/campaignDeadline.ts';
import { isEditable } from '../../shared/rules/campaignStatus.ts';
import { answeringWindow, participationOf, type Participation } from '../../shared/rules/participation.ts';
import { formKeyForCategory } from '../../shared/rules/positionCategory.ts';
import { checkRespondentSet } from '../../shared/rules/respondentSet.ts';
import type { CampaignCreateBody } from '../../shared/schemas/api.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { ApiError } from '../http/apiError.ts';
import { checkOf, type AnswerKeys } from '../security/answerKeys.ts';
import { linkTokens } from '../security/tokens.ts';

export function methodologyOf(id: string): Methodology {
  const methodology = findMethodology(id);
  if (!methodology) throw new ApiError(422, 'methodology.unknown', { id });
  return methodology;
}

export async function loadCampaign(db: DB, id: string) {
  const campaign = await campaigns.getCampaign(db, id);
  if (!campaign) throw new ApiError(404, 'campaign.notFound');
  return campaign;
}

export async function loadEditableCampaign(db: DB, id: string) {
  const campaign = await loadCampaign(db, id);
  if (campaign.status === 'archived') throw new ApiError(409, 'campaign.archived');
  if (!isEditable(campaign.status)) throw new ApiError(409, 'campaign.closed');
  return campaign;
}

export function checkDeadline(year: number, deadline: string): void {
  const problem = deadlineProblem(year, deadline);
  if (problem) throw new ApiError(422, problem.code, { year: problem.year });
}

export async function createCampaign(db: DB, body: CampaignCreateBody): Promise<string> {
  const methodology = methodologyOf(body.methodologyId ?? DEFAULT_METHODOLOGY_ID);
  const deadline = body.deadline ?? defaultDeadline(body.year, methodology.rules);
  checkDeadline(body.year, deadline);
  return campaigns.insertCampaign(db, { name: body.name, year: body.year, methodologyId: methodology.id, deadline });
}

export async function updateCampaign(db: DB, id: string, body: { name: string; deadline: string }): Promise<void> {
  const campaign = await loadEditableCampaign(db, id);
  checkDeadline(campaign.year, body.deadline);
  await campaigns.updateCampaignDetails(db, id, body);
}

export async function campaignDetail(db: DB, id: string) {
  const campaign = await loadCampaign(db, id);
  return { campaign, evaluations: await campaigns.listEvaluations(db, id) };
}

/** Adds people one by one; someone §6 excludes is refused with the reason rather than silently skipped. */
export async function addEvaluations(db: DB, campaignId: string, personIds: readonly string[], today: string): Promise<string[]> {
  const campaign = await loadEditableCampaign(db, campaignId);
  const methodology = methodologyOf(campaign.methodology_id);
  const window = answeringWindow(today, campaign.deadline);
  const already = new Set((await campaigns.listEvaluations(db, campaignId)).map((e) => e.personId));
  const snapshots: campaigns.EvaluationSnapshot[] = [];
  for (const personId of new Set(personIds)) {
    const person = await getPersonView(db, personId);
    if (!person) throw new ApiError(422, 'person.notFound');
    if (already.has(personId)) throw new ApiError(409, 'evaluation.duplicate', { name: person.fullName });
    const participation = participationOf(person, campaign.year, window);
    if (participation.kind === 'notEvaluated') {
      throw new ApiError(422, 'evaluation.shortTenure', { name: person.fullName, year: campaign.year });
    }
    snapshots.push(evaluationSnapshot(campaignId, methodology, person, participation));
  }
  return campaigns.insertEvaluations(db, snapshots);
}

/** What the evaluation keeps of the person as they were when added. */
export function evaluationSnapshot(
  campaignId: string,
  methodology: Methodology,
  person: PersonView,
  participation: Exclude<Participation, { kind: 'notEvaluated' }>,
): campaigns.EvaluationSnapshot {
  return {
    campaign_id: campaignId,
    person_id: person.id,
    form_key: formKeyForCategory(methodology, person.category),
    full_name: person.fullName,
    position: person.position,
    unit_name: person.unitName,
    category: person.category,
    without_participation: participation.kind === 'withoutParticipation' ? participation.absence : null,
  };
}

export async function loadEvaluationInCampaign(db: DB, campaignId: string, evaluationId: string) {
  const evaluation = await campaigns.getEvaluation(db, evaluationId);
  if (!evaluation || evaluation.campaign_id !== campaignId) throw new ApiError(404, 'evaluation.notFound');
  return evaluation;
}

export async function removeEvaluation(db: DB, campaignId: string, evaluationId: string): Promise<void> {
  await loadEditableCampaign(db, campaignId);
  await loadEvaluationInCampaign(db, campaignId, evaluationId);
  if (!(await campaigns.deleteEvaluation(db, evaluationId))) throw new ApiError(409, 'evaluation.hasAnswers');
}

export async function evaluationDetail(db: DB, campaignId: string, evaluationId: string) {
  await loadCampaign(db, campaignId);
  const evaluation = await loadEvaluationInCampaign(db, campaignId, evaluationId);
  const person = await getPersonView(db, evaluation.person_id);
  return { evaluation, managerId: person?.managerId ?? null, invitations: await campaigns.listInvitations(db, evaluationId) };
}

export async function setRespondents(
  db: DB,
  campaignId: string,
  evaluationId: string,
  respondents: ReadonlyArray<campaigns.RespondentAssignment>,
): Promise<void> {
  const campaign = await loadEditableCampaign(db, campaignId);
  const evaluation = await loadEvaluationInCampaign(db, campaignId, evaluationId);
  const { rules } = methodologyOf(campaign.methodology_id);
  const ids = respondents.map((r) => r.personId);
  const problems = checkRespondentSet(evaluation.person_id, ids, rules);
  if (problems.length) {
    const issues = problems.map((p) => {
      const { code, ...params } = p;
      return { path: 'respondents', code, message: translate('en', `errors.${code}`, params) };
    });
    const { code, ...params } = problems[0]!;
    throw new ApiError(422, code, params, issues);
  }
  if ((await getPeople(db, ids)).length !== ids.length) throw new ApiError(422, 'person.notFound');
  const answered = await campaigns.answeredRespondentIds(db, evaluationId);
  if (answered.some((id) => id !== evaluation.person_id && !ids.includes(id))) {
    throw new ApiError(409, 'respondents.answeredRemoved');
  }
  if (!(await campaigns.replaceRespondents(db, evaluationId, respondents))) throw new ApiError(409, 'respondents.answeredRemoved');
}

/**
 * Opens a draft campaign: its answer key is made first (server/security/answerKeys.ts), so that no answer can
 * arrive before there is a key to seal it under; the evaluators are fixed as the staff list has them now.
 */
export async function openCampaign(db: DB, answerKeys: AnswerKeys, id: string, now = new Date()): Promise<void> {
  const campaign = await loadCampaign(db, id);
  if (campaign.status !== 'draft') throw new ApiError(409, 'campaign.notDraft');
  const { rules } = methodologyOf(campaign.methodology_id);
  const evaluations = await campaigns.listEvaluations(db, id);
  if (evaluations.length === 0) throw new ApiError(422, 'campaign.empty');
  const unready = evaluations.filter((e) => e.respondents < rules.minRespondents || e.respondents > rules.maxRespondents);
  if (unready.length) {
    throw new ApiError(422, 'campaign.notReady', { count: unready.length, names: unready.map((e) => e.fullName).join(', ') });
  }
  const key = answerKeys.create(id);
  if (!(await campaigns.openDraftCampaign(db, id, now.toISOString(), checkOf(key)))) throw new ApiError(409, 'campaign.notDraft');
}

/** A closed campaign moves to the archive: read-only, its reports still readable. */
export async function archiveCampaign(db: DB, id: string, now = new Date()): Promise<void> {
  const campaign = await loadCampaign(db, id);
  if (campaign.status !== 'closed' || !(await campaigns.transitionCampaign(db, id, 'closed', 'archived', now.toISOString()))) {
    throw new ApiError(409, 'campaign.notClosed');
  }
}

export interface IssuedLink {
  invitationId: string;
  respondentName: string;
  evaluatedName: string;
  relation: string;
  url: string;
}

/**
 * Makes a fresh token per invitation and keeps only its hash: this list is the one moment the links exist
 * in readable form, and `holderId`, the account it is shown to, holds them (link_holder: the answers that come
 * through them do not count toward a report it reads). Re-issuing an unanswered invitation's link disables every
 * earlier one.
 */
export async function issueLinks(db: DB, campaignId: string, invitationIds: readonly string[] | undefined, origin: string, holderId: string | null): Promise<IssuedLink[]> {
  await loadEditableCampaign(db, campaignId);
  const links = linkTokens();
  const targets = await campaigns.storeNewLinks(db, campaignId, invitationIds ? [...new Set(invitationIds)] : null, links.mint, holderId);
  if (!targets) throw new ApiError(422, 'links.notReissuable');
  return targets.map((t) => ({ ...t, url: `${origin}/r#${links.tokenOf(t.invitationId)}` }));
}
