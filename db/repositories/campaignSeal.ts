import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { DB } from '../connect.ts';
import type { Database } from '../schema.ts';
import { randomRowIds } from '../ids.ts';
import { isUniqueViolation } from '../databaseErrors.ts';
import { insertMany } from './insertMany.ts';

/** One questionnaire as closing writes it. */
export interface PlainResponse {
  isSelf: boolean;
  group: string | null;
  answers: Record<string, number>;
}

export interface SealWork {
  /** Opens a box of the evaluation; throws when it does not open (its key is missing or not its own). */
  openBox: (evaluationId: string, box: string) => PlainResponse;
  /** The groups an evaluation's report may show, given the groups of its non-self answers (shared/scoring/shownGroups.ts). */
  keptGroups: (groupsOfAnswers: ReadonlyArray<string | null>) => readonly string[];
}

/** Evaluations whose answers are read at a time while sealing. */
const SEAL_CHUNK = 2000;

/** A fresh key collides with a stored one about once in 10,000 closings of 100,000 people: the seal is then redone. */
const SEAL_ATTEMPTS = 3;

/**
 * Closes an open campaign and seals its answers, in one transaction: the campaign turns closed, every answer box
 * is opened, and the answers are written as `response` rows under fresh random keys, in the order of those keys,
 * with each evaluation's groups narrowed to those its report may show (the others become 'other'); the boxes are
 * deleted. Answers stored in plain by a version before the boxes (a campaign open during the upgrade) are
 * rewritten the same way (`rewrotePlain` then says so: their old rows want compacting away, compactAfterSeal).
 * Every invitation row is rewritten too, so that on PostgreSQL none keeps the transaction id it shared with its
 * answer. 'notOpen' when the campaign was not open: nothing changed.
 *
 * Nothing of it is visible until it commits; a box that does not open rolls it all back, and the campaign stays
 * open. Afterwards only ciphertext under a key about to be destroyed ties an invitation to anything.
 */
export async function closeAndSeal(db: DB, campaignId: string, closedAt: string, work: SealWork): Promise<'notOpen' | { rewrotePlain: boolean }> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const seal = () =>
    db.transaction().execute(async (trx) => {
      // On PostgreSQL this row lock waits for submissions in flight, which lock the row for share (responses.ts).
      const closed = await trx
        .updateTable('campaign')
        .set({ status: 'closed', closed_at: closedAt })
        .where('id', '=', campaignId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(closed.numUpdatedRows) !== 1) return 'notOpen' as const;
      const evaluationIds = (await trx.selectFrom('evaluation').select('id').where('campaign_id', '=', campaignId).execute()).map((e) => e.id);
      let rewrotePlain = false;
      for (let start = 0; start < evaluationIds.length; start += SEAL_CHUNK) {
        rewrotePlain = (await sealChunk(trx, evaluationIds.slice(start, start + SEAL_CHUNK), work)) || rewrotePlain;
      }
      const evaluations = trx.selectFrom('evaluation').select('id').where('campaign_id', '=', campaignId);
      await trx.updateTable('invitation').set((eb) => ({ answered: eb.ref('answered') })).where('evaluation_id', 'in', evaluations).execute();
      return { rewrotePlain };
    });
  for (let attempt = 1; ; attempt++) {
    try {
      return await (postgres ? seal() : withLargePageCache(db, seal));
    } catch (error) {
      if (attempt === SEAL_ATTEMPTS || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Opens and rewrites the answers of a chunk of evaluations, each evaluation's all at once; true when some had been stored in plain. */
async function sealChunk(trx: Transaction<Database>, evaluationIds: readonly string[], work: SealWork): Promise<boolean> {
  const boxes = await trx.selectFrom('answer_box').select(['evaluation_id', 'box']).where('evaluation_id', 'in', evaluationIds).execute();
  const earlier = await trx.selectFrom('response').select(['id', 'evaluation_id', 'is_self', 'respondent_group', 'answers']).where('evaluation_id', 'in', evaluationIds).execute();
  const answers: Array<{ evaluationId: string; isSelf: boolean; group: string | null; answers: string }> = [];
  for (const b of boxes) {
    const opened = work.openBox(b.evaluation_id, b.box);
    answers.push({ evaluationId: b.evaluation_id, isSelf: opened.isSelf, group: opened.group, answers: JSON.stringify(opened.answers) });
  }
  for (const r of earlier) answers.push({ evaluationId: r.evaluation_id, isSelf: r.is_self === 1, group: r.respondent_group, answers: r.answers });

  const groupsOf = new Map<string, Array<string | null>>();
  for (const a of answers) if (!a.isSelf) groupsOf.set(a.evaluationId, [...(groupsOf.get(a.evaluationId) ?? []), a.group]);
  const kept = new Map([...groupsOf].map(([evaluationId, groups]) => [evaluationId, new Set(work.keptGroups(groups))]));
  const keys = randomRowIds(answers.length);
  const order = Array.from(answers.keys()).sort((a, b) => keys[a]! - keys[b]!);
  const rows = order.map((i) => {
    const a = answers[i]!;
    const group = a.isSelf ? null : kept.get(a.evaluationId)!.has(a.group ?? 'other') ? a.group : 'other';
    return [keys[i]!, a.evaluationId, a.isSelf ? 1 : 0, group, a.answers];
  });

  if (earlier.length) await trx.deleteFrom('response').where('id', 'in', earlier.map((r) => r.id)).execute();
  await trx.deleteFrom('answer_box').where('evaluation_id', 'in', evaluationIds).execute();
  await insertMany(
    trx,
    'response',
    {},
    [
      { name: 'id', type: 'integer' },
      { name: 'evaluation_id', type: 'text' },
      { name: 'is_self', type: 'integer' },
      { name: 'respondent_group', type: 'text' },
      { name: 'answers', type: 'text' },
    ],
    rows,
  );
  return earlier.length > 0;
}

/**
 * After a seal, what the database keeps of superseded rows: PostgreSQL vacuums the tables closing rewrote;
 * SQLite checkpoints its WAL into the database (whose secure_delete zeroes freed content — db/connect.ts) and
 * truncates it. A reader holding a transaction (a backup, a report) keeps SQLite from it: the result says so
 * instead of failing, and false is returned so that the caller can try again later (`again`). Anonymity does not depend
 * on it — what the WAL keeps of an open campaign is ciphertext — but a smaller WAL, and no old pages, are owed.
 */
export async function compactAfterSeal(db: DB, again = false): Promise<boolean> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // PostgreSQL's vacuum cannot be kept from finishing: done once, after the seal, it needs no second pass.
    if (!again) await sql`vacuum response, invitation, answer_box`.execute(db);
    return true;
  }
  const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(truncate)`.execute(db);
  return Number(rows[0]?.busy ?? 1) === 0;
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
