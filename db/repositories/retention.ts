import type { DB } from '../connect.ts';

export interface FinishedCampaign {
  id: string;
  name: string;
  year: number;
  methodologyId: string;
  deadline: string;
  closedAt: string;
}

/** Campaigns whose evaluation has ended: closed or archived. */
export async function finishedCampaigns(db: DB): Promise<FinishedCampaign[]> {
  const rows = await db
    .selectFrom('campaign')
    .select(['id', 'name', 'year', 'methodology_id as methodologyId', 'deadline', 'closed_at as closedAt'])
    .where('status', 'in', ['closed', 'archived'])
    .where('closed_at', 'is not', null)
    .orderBy('year')
    .orderBy('deadline')
    .execute();
  return rows.map((r) => ({ ...r, closedAt: r.closedAt! }));
}

export interface RecordCounts {
  evaluations: number;
  invitations: number;
  responses: number;
}

/** What a campaign's removal would take with it. */
export async function countCampaignRecords(db: DB, campaignId: string): Promise<RecordCounts> {
  const evaluations = db.selectFrom('evaluation').select('id').where('campaign_id', '=', campaignId);
  const count = async (table: 'evaluation' | 'invitation' | 'response') => {
    const query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    const scoped = table === 'evaluation' ? query.where('campaign_id', '=', campaignId) : query.where('evaluation_id', 'in', evaluations);
    return Number((await scoped.executeTakeFirstOrThrow()).n);
  };
  return { evaluations: await count('evaluation'), invitations: await count('invitation'), responses: await count('response') };
}

/** Removes a campaign with its evaluations, invitations and responses, all or nothing; returns what it removed. */
export async function deleteCampaignRecords(db: DB, campaignId: string): Promise<RecordCounts> {
  return db.transaction().execute(async (trx) => {
    const counts = await countCampaignRecords(trx, campaignId);
    const evaluations = trx.selectFrom('evaluation').select('id').where('campaign_id', '=', campaignId);
    await trx.deleteFrom('response').where('evaluation_id', 'in', evaluations).execute();
    await trx.deleteFrom('invitation').where('evaluation_id', 'in', evaluations).execute();
    await trx.deleteFrom('evaluation').where('campaign_id', '=', campaignId).execute();
    await trx.deleteFrom('campaign').where('id', '=', campaignId).execute();
    return counts;
  });
}
