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
