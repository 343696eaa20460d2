import type { DB } from '../connect.ts';
import type { EvaluationResult } from '../../shared/training/evaluationResult.ts';

export interface EvaluationToScore {
  id: string;
  formKey: string;
}

/** Up to `limit` of a campaign's evaluations that have no kept result yet, in id order. */
export async function evaluationsWithoutResult(db: DB, campaignId: string, limit: number): Promise<EvaluationToScore[]> {
  return db
    .selectFrom('evaluation as e')
    .leftJoin('evaluation_result as r', 'r.evaluation_id', 'e.id')
    .select(['e.id as id', 'e.form_key as formKey'])
    .where('e.campaign_id', '=', campaignId)
    .where('r.evaluation_id', 'is', null)
    .orderBy('e.id')
    .limit(limit)
    .execute();
}

/** The responses of a chunk of evaluations, grouped by evaluation. */
export async function responsesOfEvaluations(
  db: DB,
  evaluationIds: readonly string[],
): Promise<Map<string, Array<{ isSelf: boolean; answers: Record<string, number> }>>> {
  const grouped = new Map<string, Array<{ isSelf: boolean; answers: Record<string, number> }>>(evaluationIds.map((id) => [id, []]));
  if (evaluationIds.length === 0) return grouped;
  const rows = await db.selectFrom('response').select(['evaluation_id', 'is_self', 'answers']).where('evaluation_id', 'in', evaluationIds).execute();
  for (const row of rows) grouped.get(row.evaluation_id)!.push({ isSelf: row.is_self === 1, answers: JSON.parse(row.answers) as Record<string, number> });
  return grouped;
}

const INSERT_BATCH = 500;

/**
 * Keeps results in one transaction, a batch of rows per statement. A result already kept (a concurrent first
 * use of an old campaign) is left as it is: both computed it from the same sealed answers.
 */
export async function insertEvaluationResults(db: DB, results: ReadonlyArray<{ evaluationId: string; result: EvaluationResult }>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < results.length; start += INSERT_BATCH) {
      const rows = results.slice(start, start + INSERT_BATCH).map(({ evaluationId, result }) => ({
        evaluation_id: evaluationId,
        status: result.status,
        response_count: result.responseCount,
        scores: result.status === 'ready' ? JSON.stringify(result.scores) : null,
        overall: result.status === 'ready' ? result.overall : null,
        weakest: result.status === 'ready' ? JSON.stringify(result.weakest) : null,
      }));
      await trx.insertInto('evaluation_result').values(rows).onConflict((oc) => oc.column('evaluation_id').doNothing()).execute();
    }
  });
}

export interface KeptResult {
  fullName: string;
  position: string;
  unitName: string;
  scores: Record<string, number> | null;
  weakest: string[] | null;
}

/**
 * Every kept result of a campaign, with the person's snapshot: one indexed pass over the campaign's
 * evaluations, one primary-key lookup each. Names are read only when asked for.
 */
export async function campaignResults(db: DB, campaignId: string, options: { names: boolean }): Promise<KeptResult[]> {
  const rows = await db
    .selectFrom('evaluation as e')
    .innerJoin('evaluation_result as r', 'r.evaluation_id', 'e.id')
    .select(['e.unit_name as unitName', 'r.scores as scores', 'r.weakest as weakest'])
    .$if(options.names, (q) => q.select(['e.full_name as fullName', 'e.position as position']))
    .where('e.campaign_id', '=', campaignId)
    .execute();
  return rows.map((r) => ({
    fullName: r.fullName ?? '',
    position: r.position ?? '',
    unitName: r.unitName,
    scores: r.scores === null ? null : (JSON.parse(r.scores) as Record<string, number>),
    weakest: r.weakest === null ? null : (JSON.parse(r.weakest) as string[]),
  }));
}
