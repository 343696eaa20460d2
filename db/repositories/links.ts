import type { DB } from '../connect.ts';
import { recordLinkHolder } from './linkHolders.ts';

/**
 * The live links of invitations, as token hashes. A new delivery of an invitation adds a link and leaves the
 * earlier ones working (the respondent may be halfway through with one); HR's explicit re-issue replaces them.
 */

/** Makes a new token for an invitation, keeps it for the response, and returns its hash to store. */
export type MintLink = (invitationId: string) => string;

/** Adds a link to each invitation, held by `holderId` (the account it is shown or printed for; link_holder). */
export async function addLinks(db: DB, invitationIds: readonly string[], mint: MintLink, holderId: string | null): Promise<void> {
  if (invitationIds.length === 0) return;
  if (holderId) await recordLinkHolder(db, holderId, invitationIds);
  // Batches keep each statement well under SQLite's limit on bound parameters.
  for (let from = 0; from < invitationIds.length; from += 1000) {
    await db
      .insertInto('link')
      .values(invitationIds.slice(from, from + 1000).map((id) => ({ token_hash: mint(id), invitation_id: id })))
      .execute();
  }
}

/** Re-issue: every earlier link of these invitations stops working, and each gets one new link. */
export async function replaceLinks(db: DB, invitationIds: readonly string[], mint: MintLink, holderId: string | null): Promise<void> {
  await removeLinksOf(db, invitationIds);
  await addLinks(db, invitationIds, mint, holderId);
}

export async function removeLinksOf(db: DB, invitationIds: readonly string[]): Promise<void> {
  if (invitationIds.length) await db.deleteFrom('link').where('invitation_id', 'in', invitationIds).execute();
}

/**
 * Adds one link to an invitation only while it is unanswered and its campaign open; false otherwise. The account
 * that set the address it goes to (`holderId`) holds it, recorded in the same transaction.
 */
export async function addLinkIfOpen(db: DB, invitationId: string, tokenHash: string, holderId: string | null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const added = await addOneLinkIfOpen(trx, invitationId, tokenHash);
    if (added && holderId) await recordLinkHolder(trx, holderId, [invitationId]);
    return added;
  });
}

async function addOneLinkIfOpen(db: DB, invitationId: string, tokenHash: string): Promise<boolean> {
  const result = await db
    .insertInto('link')
    .columns(['token_hash', 'invitation_id'])
    .expression((eb) =>
      eb
        .selectFrom('invitation as i')
        .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
        .innerJoin('campaign as c', 'c.id', 'e.campaign_id')
        .select((s) => [s.cast<string>(s.val(tokenHash), 'text').as('token_hash'), 'i.id'])
        .where('i.id', '=', invitationId)
        .where('i.answered', '=', 0)
        .where('c.status', '=', 'open'),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** A link whose message never left: it must not open the questionnaire. */
export async function removeLink(db: DB, tokenHash: string): Promise<void> {
  await db.deleteFrom('link').where('token_hash', '=', tokenHash).execute();
}
