import { PostgresAdapter, sql } from 'kysely';
import type { DB } from '../connect.ts';
import { groupedTransaction } from '../groupCommit.ts';
import { randomRowId, randomRowIds } from '../ids.ts';
import { isUniqueViolation } from '../databaseErrors.ts';

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
 * conditional update of `answered`); nothing is stored half. On SQLite the transaction shares its commit with
 * the submissions that arrived with it (db/groupCommit.ts). The answer's group comes from `groupOf`, given
 * the invitation's relation and how many invitations of that relation its evaluation has, read in the same
 * transaction.
 */
export async function recordResponse(
  db: DB,
  tokenHash: string,
  response: { evaluationId: string; isSelf: boolean; answers: Readonly<Record<string, number>> },
  groupOf: (relation: string, assignedOfRelation: number) => string | null,
): Promise<'recorded' | 'alreadyAnswered'> {
  return groupedTransaction(db, async (trx) => {
    // One statement marks the invitation and reads its relation and how many of its evaluation's invitations
    // share it: a submission is on the busiest path of a campaign's last days.
    const marked = await trx
      .updateTable('invitation')
      .set({ answered: 1 })
      .where('id', 'in', (eb) => eb.selectFrom('link').select('invitation_id').where('token_hash', '=', tokenHash))
      .where('answered', '=', 0)
      // EXISTS, not IN: an IN list would gather every evaluation of every open campaign for each submission.
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('evaluation as e')
            .innerJoin('campaign as c', 'c.id', 'e.campaign_id')
            .select('e.id')
            .whereRef('e.id', '=', 'invitation.evaluation_id')
            .where('c.status', '=', 'open'),
        ),
      )
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

/**
 * Every response's move, in the order of the new keys: move j takes the response keyed `from[j]` to `to[j]`,
 * its group folded into 'other' where `fold[j]` is 1. Arrays of numbers, not an object per response: a
 * national campaign has 600,000 of them.
 */
interface Moves {
  from: number[];
  to: number[];
  fold: Uint8Array;
}

/** Evaluations whose responses are read at a time while sealing. */
const SEAL_CHUNK = 2000;

/** A fresh key collides with a stored one about once in 10,000 closings of 100,000 people: the seal is then redone. */
const SEAL_ATTEMPTS = 3;

/**
 * Seals a closed campaign's answers against someone who later holds the database: the responses are
 * rewritten in random order under fresh random keys, and every invitation row is rewritten in the same
 * transaction. Before this, PostgreSQL's heap order followed submission order and each response shared its
 * transaction id (xmin) with the invitation it used up; afterwards all carry the closing transaction's id.
 * The superseded row versions are then vacuumed (PostgreSQL) or checkpointed out of the WAL (SQLite, whose
 * secure_delete zeroes freed content — db/connect.ts). Each evaluation's answers keep only the groups
 * `keptGroups` returns for them (those its report may show); the others become 'other'.
 *
 * Only keys and groups come out of the database: the answers are moved by one statement, in the order of
 * their new keys, which is then the only order their storage can show.
 */
export async function sealCampaignResponses(
  db: DB,
  campaignId: string,
  keptGroups: (groupsOfAnswers: ReadonlyArray<string | null>) => readonly string[],
): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const seal = () =>
    db.transaction().execute(async (trx) => {
      const evaluationIds = trx.selectFrom('evaluation').select('id').where('campaign_id', '=', campaignId);
      const moves = await movesOf(trx, campaignId, keptGroups);
      if (postgres) await moveResponsesPostgres(trx, moves);
      else await moveResponsesSqlite(trx, moves);
      await trx.updateTable('invitation').set((eb) => ({ answered: eb.ref('answered') })).where('evaluation_id', 'in', evaluationIds).execute();
    });
  for (let attempt = 1; ; attempt++) {
    try {
      await (postgres ? seal() : withLargePageCache(db, seal));
      break;
    } catch (error) {
      if (attempt === SEAL_ATTEMPTS || !isUniqueViolation(error)) throw error;
    }
  }
  if (postgres) await sql`vacuum response, invitation`.execute(db);
  else await sql`pragma wal_checkpoint(truncate)`.execute(db);
}

/**
 * KiB of page cache SQLite may use while sealing (it takes only what it touches), against its default 2,000.
 * A cache holding every page the seal touches (1 GB) closed 100,000 people in 43 s at a peak of 1.8 GB of
 * memory; 256 MB took 58 s at 1.15 GB (npm run bench, same run): a yearly close may take a few seconds more, the
 * server that keeps answering meanwhile should not need twice the memory.
 */
const SEAL_PAGE_CACHE_KIB = 256 * 1024;

/**
 * Runs `work` with SQLite's page cache raised: rewriting a campaign of 100,000 people touches some 700 MB of
 * pages, and with the default 2 MB cache they are dropped and read again (dirty ones spilled to the WAL) over
 * and over — twice the time. The cache shrinks back afterwards.
 */
async function withLargePageCache<T>(db: DB, work: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  await sql.raw(`pragma cache_size = -${SEAL_PAGE_CACHE_KIB}`).execute(db);
  try {
    return await work();
  } finally {
    await sql.raw(`pragma cache_size = ${Number(rows[0]!.cache_size)}`).execute(db);
  }
}

/**
 * Every response's fresh key and folded group, in the order of the fresh keys. The responses are read a chunk
 * of evaluations at a time, and only their keys and fold marks are kept.
 */
async function movesOf(
  db: DB,
  campaignId: string,
  keptGroups: (groupsOfAnswers: ReadonlyArray<string | null>) => readonly string[],
): Promise<Moves> {
  const evaluationIds = (await db.selectFrom('evaluation').select('id').where('campaign_id', '=', campaignId).execute()).map((e) => e.id);
  const ids: number[] = [];
  const folds: number[] = [];
  for (let start = 0; start < evaluationIds.length; start += SEAL_CHUNK) {
    const rows = await db
      .selectFrom('response')
      .select(['id', 'evaluation_id', 'is_self', 'respondent_group'])
      .where('evaluation_id', 'in', evaluationIds.slice(start, start + SEAL_CHUNK))
      .execute();
    const groupsOf = new Map<string, Array<string | null>>();
    for (const row of rows) {
      if (row.is_self === 1) continue;
      const groups = groupsOf.get(row.evaluation_id) ?? [];
      groups.push(row.respondent_group);
      groupsOf.set(row.evaluation_id, groups);
    }
    const kept = new Map([...groupsOf].map(([evaluationId, groups]) => [evaluationId, new Set(keptGroups(groups))]));
    for (const row of rows) {
      ids.push(row.id);
      folds.push(row.is_self === 0 && !kept.get(row.evaluation_id)!.has(row.respondent_group ?? 'other') ? 1 : 0);
    }
  }
  const keys = randomRowIds(ids.length);
  const order = Uint32Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]!);
  return {
    from: Array.from(order, (i) => ids[i]!),
    to: Array.from(order, (i) => keys[i]!),
    fold: Uint8Array.from(order, (i) => folds[i]!),
  };
}

/** SQLite: each row changes key in place (its old cell zeroed by secure_delete), in the order of the new keys. */
async function moveResponsesSqlite(db: DB, { from, to, fold }: Moves): Promise<void> {
  // Written out by hand: JSON.stringify would first need an array per response.
  const parts: string[] = [];
  for (let j = 0; j < from.length; j++) parts.push(`[${from[j]},${to[j]},${fold[j] ? '"other"' : 'null'}]`);
  await sql`update response set id = m.value ->> 1, respondent_group = coalesce(m.value ->> 2, respondent_group)
            from json_each(${`[${parts.join(',')}]`}) as m where response.id = m.value ->> 0`.execute(db);
}

/**
 * PostgreSQL: the rows are copied under their new keys, in the order of those keys (so the heap holds them in
 * that order; an UPDATE would write them in the order it scanned them: submission order), then the old ones
 * deleted. A new key equal to an old one is refused by the primary key, and the seal redone.
 */
async function moveResponsesPostgres(db: DB, { from, to, fold }: Moves): Promise<void> {
  await sql`insert into response (id, evaluation_id, is_self, respondent_group, answers)
            select m.to_id, r.evaluation_id, r.is_self, coalesce(m.grp, r.respondent_group), r.answers
            from unnest(${from}::bigint[], ${to}::bigint[], ${Array.from(fold, (f) => (f ? 'other' : null))}::text[]) with ordinality as m(from_id, to_id, grp, n)
            join response as r on r.id = m.from_id
            order by m.n`.execute(db);
  await sql`delete from response where id = any(${from}::bigint[])`.execute(db);
}
