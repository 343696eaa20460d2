import type { DB } from '../connect.ts';

/**
 * Records that the staff account `userId` held a readable link of each invitation: the links were listed or
 * printed for it, or e-mailed to an address it set. A deleted account records nothing (it reads no report).
 */
export async function recordLinkHolder(db: DB, userId: string, invitationIds: readonly string[]): Promise<void> {
  for (let from = 0; from < invitationIds.length; from += 1000) {
    const batch = invitationIds.slice(from, from + 1000);
    await db
      .insertInto('link_holder')
      .columns(['invitation_id', 'user_id'])
      .expression((eb) =>
        eb
          .selectFrom('invitation as i')
          .innerJoin('app_user as u', (join) => join.on('u.id', '=', userId))
          .select(['i.id', 'u.id'])
          .where('i.id', 'in', batch),
      )
      .onConflict((oc) => oc.columns(['invitation_id', 'user_id']).doNothing())
      .execute();
  }
}

/** How many of an evaluation's respondents (the self-assessment aside) answered through links `userId` held. */
export async function answersHeldBy(db: DB, evaluationId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('invitation as i')
    .innerJoin('link_holder as h', 'h.invitation_id', 'i.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.evaluation_id', '=', evaluationId)
    .where('i.relation', '<>', 'self')
    .where('i.answered', '=', 1)
    .where('h.user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An evaluation of a campaign some of whose answers came through links a user held, with its kept result. */
export interface HeldEvaluation {
  evaluationId: string;
  unitName: string;
  held: number;
  status: string;
  responseCount: number;
  scores: Record<string, number> | null;
  weakest: string[] | null;
}

/** The evaluations of a closed campaign whose answers came in part through links `userId` held. */
export async function evaluationsHeldBy(db: DB, campaignId: string, userId: string): Promise<HeldEvaluation[]> {
  const rows = await db
    .selectFrom('invitation as i')
    .innerJoin('link_holder as h', 'h.invitation_id', 'i.id')
    .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
    .innerJoin('evaluation_result as r', 'r.evaluation_id', 'e.id')
    .select((eb) => ['e.id as evaluationId', 'e.unit_name as unitName', 'r.status', 'r.response_count as responseCount', 'r.scores', 'r.weakest', eb.fn.countAll<number>().as('held')])
    .where('e.campaign_id', '=', campaignId)
    .where('h.user_id', '=', userId)
    .where('i.answered', '=', 1)
    .where('i.relation', '<>', 'self')
    .groupBy(['e.id', 'e.unit_name', 'r.status', 'r.response_count', 'r.scores', 'r.weakest'])
    .execute();
  return rows.map((r) => ({
    ...r,
    held: Number(r.held),
    responseCount: Number(r.responseCount),
    scores: r.scores ? (JSON.parse(r.scores) as Record<string, number>) : null,
    weakest: r.weakest ? (JSON.parse(r.weakest) as string[]) : null,
  }));
}
