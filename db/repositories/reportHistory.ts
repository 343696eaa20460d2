import type { DB } from '../connect.ts';

export interface PreviousEvaluation {
  evaluationId: string;
  campaignId: string;
  campaignName: string;
  year: number;
  methodologyId: string;
}

/**
 * The same person's evaluation on the same form in the latest campaign released before this one (closed or
 * archived; an earlier year, or the same year begun earlier), for the change since then.
 */
export async function previousEvaluation(
  db: DB,
  current: { id: string; personId: string; formKey: string; year: number; campaignCreatedAt: string },
): Promise<PreviousEvaluation | undefined> {
  return db
    .selectFrom('evaluation as e')
    .innerJoin('campaign as c', 'c.id', 'e.campaign_id')
    .select(['e.id as evaluationId', 'c.id as campaignId', 'c.name as campaignName', 'c.year as year', 'c.methodology_id as methodologyId'])
    .where('e.person_id', '=', current.personId)
    .where('e.form_key', '=', current.formKey)
    .where('e.id', '<>', current.id)
    .where('c.status', 'in', ['closed', 'archived'])
    .where((eb) => eb.or([eb('c.year', '<', current.year), eb.and([eb('c.year', '=', current.year), eb('c.created_at', '<', current.campaignCreatedAt)])]))
    .orderBy('c.year', 'desc')
    .orderBy('c.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
