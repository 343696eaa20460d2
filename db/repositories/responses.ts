import { PostgresAdapter } from 'kysely';
import type { DB } from '../connect.ts';
import { groupedTransaction } from '../groupCommit.ts';
import { randomRowId } from '../ids.ts';

export interface TokenTarget {
  answered: boolean;
  campaignId: string;
  /** The check value of the campaign's answer key. */
  keyCheck: string | null;
  relation: string;
  evaluationId: string;
  formKey: string;
  evaluatedName: string;
  evaluatedPosition: string;
  campaignName: string;
  campaignYear: number;
  campaignStatus: string;
  deadline: string;
  methodologyId: string;
}

/**
 * Looks a link up by the hash of its token, never the token. The database's comparison need not be
 * constant-time: the hash a client makes it compare is of a token the client chose, so how long a lookup
 * takes tells at most how many leading characters its SHA-256 shares with a stored one — and a matching
 * prefix of a hash brings no closer a token that hashes to it.
 */
export async function findTokenTarget(db: DB, tokenHash: string): Promise<TokenTarget | undefined> {
  const row = await db
    .selectFrom('link as l')
    .innerJoin('invitation as i', 'i.id', 'l.invitation_id')
    .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
    .innerJoin('campaign as c', 'c.id', 'e.campaign_id')
    .select([
      'i.answered',
      'i.relation as relation',
      'c.id as campaignId',
      'c.answer_key_check as keyCheck',
      'e.id as evaluationId',
      'e.form_key as formKey',
      'e.full_name as evaluatedName',
      'e.position as evaluatedPosition',
      'c.name as campaignName',
      'c.year as campaignYear',
      'c.status as campaignStatus',
      'c.deadline as deadline',
      'c.methodology_id as methodologyId',
    ])
    .where('l.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { answered, ...rest } = row;
  return { ...rest, answered: answered === 1 };
}

/**
 * Marks the link's invitation answered and stores the sealed questionnaire in one transaction, only while its
 * campaign is open: of concurrent submissions through any of the invitation's links exactly one wins (the
 * conditional update of `answered`); nothing is stored half. On SQLite the transaction shares its commit with
 * the submissions that arrived with it (db/groupCommit.ts). `seal` makes the box from the invitation's relation
 * and how many invitations of that relation its evaluation has, read in the same transaction; the box's key is
 * random, so not even the boxes are stored in submission order. Among 2^53 keys a collision is negligible; were
 * one to happen, the transaction fails whole and the respondent is told to submit again.
 *
 * On PostgreSQL the campaign's row is locked for share: closing (db/repositories/campaignSeal.ts) locks it for
 * update, so a submission either commits before closing reads the boxes or finds the campaign closed — none is
 * left behind in a box whose key closing destroys. SQLite runs one writer at a time anyway.
 */
export async function recordResponse(
  db: DB,
  tokenHash: string,
  evaluationId: string,
  seal: (relation: string, assignedOfRelation: number) => string,
): Promise<'recorded' | 'alreadyAnswered'> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return groupedTransaction(db, async (trx) => {
    // One statement marks the invitation and reads its relation and how many of its evaluation's invitations
    // share it: a submission is on the busiest path of a campaign's last days.
    const marked = await trx
      .updateTable('invitation')
      .set({ answered: 1 })
      .where('id', 'in', (eb) => eb.selectFrom('link').select('invitation_id').where('token_hash', '=', tokenHash))
      .where('answered', '=', 0)
      // EXISTS, not IN: an IN list would gather every evaluation of every open campaign for each submission.
      .where(({ exists, selectFrom }) => {
        const open = selectFrom('evaluation as e')
          .innerJoin('campaign as c', 'c.id', 'e.campaign_id')
          .select('e.id')
          .whereRef('e.id', '=', 'invitation.evaluation_id')
          .where('c.status', '=', 'open');
        return exists(postgres ? open.forShare('c') : open);
      })
      .returning((eb) => [
        'relation',
        eb
          .selectFrom('invitation as same')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('same.evaluation_id', '=', 'invitation.evaluation_id')
          .whereRef('same.relation', '=', 'invitation.relation')
          .as('assigned'),
      ])
      .execute();
    if (marked.length !== 1) return 'alreadyAnswered';
    const { relation, assigned } = marked[0]!;
    await trx.insertInto('answer_box').values({ id: randomRowId(), evaluation_id: evaluationId, box: seal(relation, Number(assigned)) }).execute();
    return 'recorded';
  });
}

export async function responsesOf(
  db: DB,
  evaluationId: string,
): Promise<Array<{ isSelf: boolean; group: string | null; answers: Record<string, number> }>> {
  const rows = await db.selectFrom('response').select(['is_self', 'respondent_group', 'answers']).where('evaluation_id', '=', evaluationId).execute();
  return rows.map((r) => ({ isSelf: r.is_self === 1, group: r.respondent_group, answers: JSON.parse(r.answers) as Record<string, number> }));
}
