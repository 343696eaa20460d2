import type { DB } from '../connect.ts';

/** Whether a report was put before a calibration session the user takes part in. */
export async function inUsersCalibration(db: DB, userId: string, evaluationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('calibration_report as r')
    .innerJoin('calibration_member as m', 'm.session_id', 'r.session_id')
    .select('r.evaluation_id')
    .where('r.evaluation_id', '=', evaluationId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface ReadableReport {
  evaluationId: string;
  fullName: string;
  position: string;
  unitName: string;
  campaignName: string;
  year: number;
  access: 'own' | 'evaluator' | 'calibration';
}

/**
 * The reports a staff member's account reaches by who they are: their own, those of the people they evaluate,
 * and those put before their calibration sessions — in released (closed or archived) campaigns, newest first.
 * As shared/access/reportAccess.ts has it: `personId` only when the account was linked to it by someone else,
 * and no one is the evaluator of a person whose manager they made themselves.
 */
export async function reportsReachableBy(db: DB, userId: string, personId: string | null): Promise<ReadableReport[]> {
  const calibrated = db
    .selectFrom('calibration_report as r')
    .innerJoin('calibration_member as m', 'm.session_id', 'r.session_id')
    .select('r.evaluation_id')
    .where('m.user_id', '=', userId);
  const rows = await db
    .selectFrom('evaluation as e')
    .innerJoin('campaign as c', 'c.id', 'e.campaign_id')
    .select([
      'e.id as evaluationId',
      'e.full_name as fullName',
      'e.position as position',
      'e.unit_name as unitName',
      'c.name as campaignName',
      'c.year as year',
      'e.person_id as personId',
      'e.evaluator_id as evaluatorId',
    ])
    .where('c.status', 'in', ['closed', 'archived'])
    .where((eb) =>
      eb.or([
        ...(personId
          ? [
              eb('e.person_id', '=', personId),
              eb.and([eb('e.evaluator_id', '=', personId), eb.or([eb('e.evaluator_set_by', 'is', null), eb('e.evaluator_set_by', '<>', userId)])]),
            ]
          : []),
        eb('e.id', 'in', calibrated),
      ]),
    )
    .orderBy('c.year', 'desc')
    .orderBy('c.created_at', 'desc')
    .orderBy('e.full_name')
    .execute();
  return rows.map(({ personId: subject, evaluatorId, ...r }) => ({
    ...r,
    access: personId && subject === personId ? 'own' : personId && evaluatorId === personId ? 'evaluator' : 'calibration',
  }));
}
