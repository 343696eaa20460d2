import type { DB } from '../../db/connect.ts';
import { getCampaign } from '../../db/repositories/campaigns.ts';
import * as repo from '../../db/repositories/calibration.ts';
import { canRunCalibration } from '../../shared/access/navigation.ts';
import type { CalibrationBody } from '../../shared/schemas/calibration.ts';
import { ApiError } from '../http/apiError.ts';
import type { SessionUser } from '../http/session.ts';

/**
 * Calibration sessions (§38–43) of a campaign whose results are out: HR puts reports before a session and its
 * participants read exactly those (shared/access/reportAccess.ts). Run by whoever may read every report.
 */
async function campaignFor(db: DB, user: SessionUser, campaignId: string) {
  if (!canRunCalibration(user)) throw new ApiError(403, 'calibration.forbidden');
  const campaign = await getCampaign(db, campaignId);
  if (!campaign) throw new ApiError(404, 'campaign.notFound');
  return campaign;
}

/** Sessions change only while the campaign is closed: not before its results exist, not once archived. */
async function changeableCampaign(db: DB, user: SessionUser, campaignId: string) {
  const campaign = await campaignFor(db, user, campaignId);
  if (campaign.status !== 'closed') throw new ApiError(409, 'calibration.notClosed');
  return campaign;
}

export async function listCalibrations(db: DB, user: SessionUser, campaignId: string) {
  await campaignFor(db, user, campaignId);
  return { sessions: await repo.listCalibrations(db, campaignId), accounts: await repo.calibrationCandidates(db) };
}

async function checkedInput(db: DB, campaignId: string, body: CalibrationBody): Promise<repo.CalibrationInput> {
  const memberIds = [...new Set(body.memberIds)];
  const evaluationIds = [...new Set(body.evaluationIds)];
  const accounts = await repo.existingAccounts(db, memberIds);
  if (accounts.size !== memberIds.length) throw new ApiError(422, 'calibration.accountNotFound');
  const evaluations = await repo.evaluationsOfCampaign(db, campaignId, evaluationIds);
  if (evaluations.size !== evaluationIds.length) throw new ApiError(422, 'calibration.evaluationNotInCampaign');
  return { title: body.title, memberIds, evaluationIds };
}

export async function createCalibration(db: DB, user: SessionUser, campaignId: string, body: CalibrationBody) {
  await changeableCampaign(db, user, campaignId);
  return repo.saveCalibration(db, campaignId, null, await checkedInput(db, campaignId, body));
}

async function sessionOf(db: DB, campaignId: string, sessionId: string) {
  const session = await repo.getCalibration(db, sessionId);
  if (!session || session.campaign_id !== campaignId) throw new ApiError(404, 'calibration.notFound');
  return session;
}

export async function updateCalibration(db: DB, user: SessionUser, campaignId: string, sessionId: string, body: CalibrationBody) {
  await changeableCampaign(db, user, campaignId);
  await sessionOf(db, campaignId, sessionId);
  await repo.saveCalibration(db, campaignId, sessionId, await checkedInput(db, campaignId, body));
}

export async function deleteCalibration(db: DB, user: SessionUser, campaignId: string, sessionId: string) {
  await changeableCampaign(db, user, campaignId);
  const session = await sessionOf(db, campaignId, sessionId);
  await repo.deleteCalibration(db, sessionId);
  return session;
}
