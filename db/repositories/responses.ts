import { PostgresAdapter, sql } from 'kysely';
import type { DB } from '../connect.ts';
import { randomInt } from 'node:crypto';
import { randomRowId } from '../ids.ts';

export interface TokenTarget {
  answered: boolean;
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

// Among 2^53 keys a collision is negligible; were one to happen, the transaction fails whole and the
// respondent is told to submit again — nothing is half-stored.
async function insertWithRandomId(db: DB, values: { evaluation_id: string; is_self: number; respondent_group: string | null; answers: string }) {
  await db.insertInto('response').values({ id: randomRowId(), ...values }).execute();
}

/**
 * Marks the link's invitation answered and stores the questionnaire in one transaction, only while its
 * campaign is open: of concurrent submissions through any of the invitation's links exactly one wins (the
 * conditional update of `answered`); nothing is stored half. The answer's group comes from `groupOf`, given
 * the invitation's relation and how many invitations of that relation its evaluation has, read in the same
 * transaction.
 */
export async function recordResponse(
  db: DB,
  tokenHash: string,
  response: { evaluationId: string; isSelf: boolean; answers: Readonly<Record<string, number>> },
  groupOf: (relation: string, assignedOfRelation: number) => string | null,
): Promise<'recorded' | 'alreadyAnswered'> {
  return db.transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('invitation')
      .set({ answered: 1 })
      .where('id', 'in', (eb) => eb.selectFrom('link').select('invitation_id').where('token_hash', '=', tokenHash))
      .where('answered', '=', 0)
      .where('evaluation_id', 'in', (eb) =>
        eb.selectFrom('evaluation as e').innerJoin('campaign as c', 'c.id', 'e.campaign_id').select('e.id').where('c.status', '=', 'open'),
      )
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) return 'alreadyAnswered';
    const { relation } = await trx
      .selectFrom('link as l')
      .innerJoin('invitation as i', 'i.id', 'l.invitation_id')
      .select('i.relation as relation')
      .where('l.token_hash', '=', tokenHash)
      .executeTakeFirstOrThrow();
    const { assigned } = await trx
      .selectFrom('invitation')
      .select((eb) => eb.fn.countAll().as('assigned'))
      .where('evaluation_id', '=', response.evaluationId)
      .where('relation', '=', relation)
      .executeTakeFirstOrThrow();
    await insertWithRandomId(trx, {
      evaluation_id: response.evaluationId,
      is_self: response.isSelf ? 1 : 0,
      respondent_group: groupOf(relation, Number(assigned)),
      answers: JSON.stringify(response.answers),
    });
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

const INSERT_BATCH = 500;

/**
 * Seals a closed campaign's answers against someone who later holds the database: the responses are
 * rewritten in random order under fresh random keys, and every invitation row is rewritten in the same
 * transaction. Before this, PostgreSQL's heap order followed submission order and each response shared its
 * transaction id (xmin) with the invitation it used up; afterwards all carry the closing transaction's id.
 * The superseded row versions are then vacuumed (PostgreSQL) or checkpointed out of the WAL (SQLite, whose
 * secure_delete zeroes freed content — db/connect.ts). Each evaluation's answers keep only the groups
 * `keptGroups` returns for them (those its report may show); the others become 'other'.
 */
export async function sealCampaignResponses(
  db: DB,
  campaignId: string,
  keptGroups: (groupsOfAnswers: ReadonlyArray<string | null>) => readonly string[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const evaluationIds = trx.selectFrom('evaluation').select('id').where('campaign_id', '=', campaignId);
    const rows = await trx.selectFrom('response').select(['evaluation_id', 'is_self', 'respondent_group', 'answers']).where('evaluation_id', 'in', evaluationIds).execute();
    const others = new Map<string, typeof rows>();
    for (const row of rows.filter((r) => r.is_self === 0)) {
      const answers = others.get(row.evaluation_id) ?? [];
      answers.push(row);
      others.set(row.evaluation_id, answers);
    }
    for (const answers of others.values()) {
      const kept = new Set(keptGroups(answers.map((r) => r.respondent_group)));
      for (const row of answers) if (!kept.has(row.respondent_group ?? 'other')) row.respondent_group = 'other';
    }
    await trx.deleteFrom('response').where('evaluation_id', 'in', evaluationIds).execute();
    for (let i = rows.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const batch = rows.slice(start, start + INSERT_BATCH).map((row) => ({ id: randomRowId(), ...row }));
      await trx.insertInto('response').values(batch).execute();
    }
    await trx.updateTable('invitation').set((eb) => ({ answered: eb.ref('answered') })).where('evaluation_id', 'in', evaluationIds).execute();
  });
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`vacuum response, invitation`.execute(db);
  else await sql`pragma wal_checkpoint(truncate)`.execute(db);
}
