import { sql } from 'kysely';
import type { DB } from '../connect.ts';

/** One evaluated person's counts: how many were asked and answered, never who answered what or when. */
export interface EvaluationTally {
  id: string;
  fullName: string;
  position: string;
  unitId: string | null;
  unitName: string;
  withoutParticipation: string | null;
  respondents: number;
  answered: number;
  noLink: number;
  selfInvited: boolean;
  selfAnswered: boolean;
}

/** Every evaluated person of a campaign with their invitation counts, in one grouped query. */
export async function tallyEvaluations(db: DB, campaignId: string): Promise<EvaluationTally[]> {
  const rows = await db
    .selectFrom('evaluation as e')
    .leftJoin('person as p', 'p.id', 'e.person_id')
    .leftJoin('invitation as i', 'i.evaluation_id', 'e.id')
    .select([
      'e.id as id',
      'e.full_name as fullName',
      'e.position as position',
      'p.unit_id as unitId',
      'e.unit_name as unitName',
      'e.without_participation as withoutParticipation',
      sql<number>`coalesce(sum(case when i.relation <> 'self' then 1 else 0 end), 0)`.as('respondents'),
      sql<number>`coalesce(sum(case when i.relation <> 'self' then i.answered else 0 end), 0)`.as('answered'),
      sql<number>`coalesce(sum(case when i.id is not null and i.answered = 0 and not exists (select 1 from link as l where l.invitation_id = i.id) then 1 else 0 end), 0)`.as('noLink'),
      sql<number>`coalesce(sum(case when i.relation = 'self' then 1 else 0 end), 0)`.as('selfInvited'),
      sql<number>`coalesce(sum(case when i.relation = 'self' then i.answered else 0 end), 0)`.as('selfAnswered'),
    ])
    .where('e.campaign_id', '=', campaignId)
    .groupBy(['e.id', 'e.full_name', 'e.position', 'p.unit_id', 'e.unit_name', 'e.without_participation'])
    .orderBy('e.full_name')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    respondents: Number(r.respondents),
    answered: Number(r.answered),
    noLink: Number(r.noLink),
    selfInvited: Number(r.selfInvited) > 0,
    selfAnswered: Number(r.selfAnswered) > 0,
  }));
}
