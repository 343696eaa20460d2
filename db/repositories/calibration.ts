import type { DB } from '../connect.ts';
import { newId, nowIso } from '../ids.ts';

export interface CalibrationView {
  id: string;
  title: string;
  createdAt: string;
  members: Array<{ userId: string; login: string; fullName: string }>;
  reports: Array<{ evaluationId: string; fullName: string; position: string; unitName: string }>;
}

export interface CalibrationInput {
  title: string;
  memberIds: readonly string[];
  evaluationIds: readonly string[];
}

/** A campaign's calibration sessions, oldest first, with their participants and the reports put before them. */
export async function listCalibrations(db: DB, campaignId: string): Promise<CalibrationView[]> {
  const sessions = await db
    .selectFrom('calibration_session')
    .select(['id', 'title', 'created_at as createdAt'])
    .where('campaign_id', '=', campaignId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  const members = await db
    .selectFrom('calibration_member as m')
    .innerJoin('app_user as a', 'a.id', 'm.user_id')
    .select(['m.session_id as sessionId', 'a.id as userId', 'a.login as login', 'a.full_name as fullName'])
    .where('m.session_id', 'in', ids)
    .orderBy('a.full_name')
    .execute();
  const reports = await db
    .selectFrom('calibration_report as r')
    .innerJoin('evaluation as e', 'e.id', 'r.evaluation_id')
    .select(['r.session_id as sessionId', 'e.id as evaluationId', 'e.full_name as fullName', 'e.position as position', 'e.unit_name as unitName'])
    .where('r.session_id', 'in', ids)
    .orderBy('e.full_name')
    .execute();
  return sessions.map((s) => ({
    ...s,
    members: members.filter((m) => m.sessionId === s.id).map(({ sessionId: _, ...m }) => m),
    reports: reports.filter((r) => r.sessionId === s.id).map(({ sessionId: _, ...r }) => r),
  }));
}

export function getCalibration(db: DB, id: string) {
  return db.selectFrom('calibration_session').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Creates a session, or replaces an existing one's title, participants and reports — all or nothing. */
export async function saveCalibration(db: DB, campaignId: string, id: string | null, input: CalibrationInput): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const sessionId = id ?? newId();
    if (id) {
      await trx.updateTable('calibration_session').set({ title: input.title }).where('id', '=', id).execute();
      await trx.deleteFrom('calibration_member').where('session_id', '=', id).execute();
      await trx.deleteFrom('calibration_report').where('session_id', '=', id).execute();
    } else {
      await trx.insertInto('calibration_session').values({ id: sessionId, campaign_id: campaignId, title: input.title, created_at: nowIso() }).execute();
    }
    if (input.memberIds.length) {
      await trx.insertInto('calibration_member').values(input.memberIds.map((user_id) => ({ session_id: sessionId, user_id }))).execute();
    }
    if (input.evaluationIds.length) {
      await trx.insertInto('calibration_report').values(input.evaluationIds.map((evaluation_id) => ({ session_id: sessionId, evaluation_id }))).execute();
    }
    return sessionId;
  });
}

export async function deleteCalibration(db: DB, id: string): Promise<void> {
  await db.deleteFrom('calibration_session').where('id', '=', id).execute();
}

/** Whether the user takes part in any calibration session. */
export async function isCalibrationMember(db: DB, userId: string): Promise<boolean> {
  return (await db.selectFrom('calibration_member').select('session_id').where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

/** Which of these ids are evaluations of the campaign. */
export async function evaluationsOfCampaign(db: DB, campaignId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('evaluation').select('id').where('campaign_id', '=', campaignId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Which of these ids are accounts. */
export async function existingAccounts(db: DB, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('app_user').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Accounts that may be made participants, by name. */
export function calibrationCandidates(db: DB) {
  return db.selectFrom('app_user').select(['id', 'login', 'full_name as fullName', 'role']).orderBy('full_name').orderBy('login').execute();
}
