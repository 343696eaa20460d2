import { sql } from 'kysely';
import type { BatchCandidate } from '../../shared/reports/batchSelection.ts';
import type { DB } from '../connect.ts';

/**
 * Every evaluated person of a campaign with what deciding on their report needs: who they are and who
 * evaluates them, their current unit, how many respondents answered (and how many of those through links
 * `userId` held), and whether the report was put before a calibration session `userId` takes part in. One grouped query whatever the campaign's size.
 */
export async function batchCandidates(db: DB, campaignId: string, userId: string): Promise<BatchCandidate[]> {
  const rows = await db
    .selectFrom('evaluation as e')
    .leftJoin('person as p', 'p.id', 'e.person_id')
    .leftJoin('invitation as i', 'i.evaluation_id', 'e.id')
    .select((eb) => [
      'e.id as evaluationId',
      'e.full_name as fullName',
      'e.person_id as personId',
      'e.evaluator_id as evaluatorId',
      'e.evaluator_set_by as evaluatorSetBy',
      'p.unit_id as unitId',
      sql<number>`coalesce(sum(case when i.relation <> 'self' then i.answered else 0 end), 0)`.as('answered'),
      sql<number>`coalesce(sum(case when i.relation <> 'self' and i.answered = 1 and exists (select 1 from link_holder as h where h.invitation_id = i.id and h.user_id = ${userId}) then 1 else 0 end), 0)`.as('held'),
      eb
        .exists(
          eb
            .selectFrom('calibration_report as r')
            .innerJoin('calibration_member as m', 'm.session_id', 'r.session_id')
            .select('r.evaluation_id')
            .whereRef('r.evaluation_id', '=', 'e.id')
            .where('m.user_id', '=', userId),
        )
        .as('calibrated'),
    ])
    .where('e.campaign_id', '=', campaignId)
    .groupBy(['e.id', 'e.full_name', 'e.person_id', 'e.evaluator_id', 'e.evaluator_set_by', 'p.unit_id'])
    .orderBy('e.full_name')
    .orderBy('e.id')
    .execute();
  return rows.map(({ calibrated, ...r }) => ({ ...r, answered: Number(r.answered), held: Number(r.held), inViewersCalibration: Boolean(calibrated) }));
}
