import type { DB } from '../connect.ts';
import { newId } from '../ids.ts';

export interface ReleasedCampaign {
  id: string;
  name: string;
  year: number;
  status: string;
  closedAt: string | null;
}

/** Campaigns whose results are out (closed or archived), newest first: what training needs are read from. */
export function releasedCampaigns(db: DB): Promise<ReleasedCampaign[]> {
  return db
    .selectFrom('campaign')
    .select(['id', 'name', 'year', 'status', 'closed_at as closedAt'])
    .where('status', 'in', ['closed', 'archived'])
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export interface TrainingRelease {
  id: string;
  competencyId: string;
  criterion: string;
  releasedByName: string;
  releasedAt: string;
}

export function listReleases(db: DB, campaignId: string): Promise<TrainingRelease[]> {
  return db
    .selectFrom('training_release')
    .select(['id', 'competency_id as competencyId', 'criterion', 'released_by_name as releasedByName', 'released_at as releasedAt'])
    .where('campaign_id', '=', campaignId)
    .orderBy('released_at')
    .orderBy('id')
    .execute();
}

/** Releases a course group; the unique key refuses the same group twice, even to concurrent requests. */
export async function insertRelease(
  db: DB,
  input: { campaignId: string; competencyId: string; criterion: string; releasedBy: { id: string; fullName: string }; at: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('training_release')
    .values({
      id,
      campaign_id: input.campaignId,
      competency_id: input.competencyId,
      criterion: input.criterion,
      released_by: input.releasedBy.id,
      released_by_name: input.releasedBy.fullName,
      released_at: input.at,
    })
    .execute();
  return id;
}

/** Withdraws a release; returns what was withdrawn, or undefined when the campaign has no such release. */
export async function deleteRelease(db: DB, campaignId: string, releaseId: string): Promise<TrainingRelease | undefined> {
  return db.transaction().execute(async (trx) => {
    const release = (await listReleases(trx, campaignId)).find((r) => r.id === releaseId);
    if (release) await trx.deleteFrom('training_release').where('id', '=', releaseId).execute();
    return release;
  });
}
