import type { DB } from '../connect.ts';
import type { EvaluationResult } from '../../shared/training/evaluationResult.ts';

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
 * Keeps results, a batch of rows per statement. A result kept already (by a release that kept results but no
 * training aggregates) is left as it is: it was computed from the same sealed answers.
 */
export async function insertEvaluationResults(db: DB, results: ReadonlyArray<{ evaluationId: string; result: EvaluationResult }>): Promise<void> {
  for (let start = 0; start < results.length; start += INSERT_BATCH) {
    const rows = results.slice(start, start + INSERT_BATCH).map(({ evaluationId, result }) => ({
      evaluation_id: evaluationId,
      status: result.status,
      response_count: result.responseCount,
      scores: result.status === 'ready' ? JSON.stringify(result.scores) : null,
      overall: result.status === 'ready' ? result.overall : null,
      weakest: result.status === 'ready' ? JSON.stringify(result.weakest) : null,
    }));
    await db.insertInto('evaluation_result').values(rows).onConflict((oc) => oc.column('evaluation_id').doNothing()).execute();
  }
}
