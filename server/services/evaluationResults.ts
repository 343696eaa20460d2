import type { DB } from '../../db/connect.ts';
import { evaluationsWithoutResult, insertEvaluationResults, responsesOfEvaluations } from '../../db/repositories/evaluationResults.ts';
import type { FormKey, Methodology } from '../../shared/methodology/types.ts';
import { computeReport } from '../../shared/scoring/report360.ts';
import { evaluationResultOf } from '../../shared/training/evaluationResult.ts';

/** Evaluations scored per pass: bounds the answers held in memory for a campaign of 100,000 people. */
const CHUNK = 1000;

/**
 * Keeps the result of every evaluation of a closed campaign that has none yet: all of them at closing, and
 * for campaigns closed before results were kept, once on first use. Each chunk is written on its own, so a
 * long run never holds the write lock for long; an interrupted run is completed by the next one.
 */
export async function keepCampaignResults(db: DB, campaignId: string, methodology: Methodology): Promise<number> {
  let kept = 0;
  for (;;) {
    const evaluations = await evaluationsWithoutResult(db, campaignId, CHUNK);
    if (evaluations.length === 0) return kept;
    const responses = await responsesOfEvaluations(db, evaluations.map((e) => e.id));
    const results = evaluations.map((e) => ({
      evaluationId: e.id,
      result: evaluationResultOf(computeReport(methodology, e.formKey as FormKey, responses.get(e.id)!)),
    }));
    await insertEvaluationResults(db, results);
    kept += results.length;
  }
}
