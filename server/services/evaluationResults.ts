import type { DB } from '../../db/connect.ts';
import { insertEvaluationResults, responsesOfEvaluations } from '../../db/repositories/evaluationResults.ts';
import { campaignEvaluations, claimResultsKept, insertCampaignTally, insertTrainingMembers, refreshTrainingStatistics, type MemberRow } from '../../db/repositories/trainingAggregates.ts';
import type { FormKey, Methodology } from '../../shared/methodology/types.ts';
import { computeReport } from '../../shared/scoring/report360.ts';
import { evaluationResultOf } from '../../shared/training/evaluationResult.ts';
import { campaignTally, courseOrder, toHundredths } from '../../shared/training/trainingNeeds.ts';

/** Evaluations scored per pass: bounds the answers held in memory for a campaign of 100,000 people. */
const CHUNK = 1000;

/**
 * Keeps what a closed campaign's views read instead of its answers, in one pass and one transaction: every
 * evaluation's result (scores and weakest competencies), the tally the heatmap and ranking are made from, and
 * each person's place in the course groups. The pass takes the evaluations in the order course groups show
 * them (by unit and name), so that place is simply how far along it is. Run at closing, and on first use for
 * campaigns closed before this was kept; false when it was kept already (a concurrent first view).
 */
export async function keepCampaignResults(db: DB, campaignId: string, methodology: Methodology): Promise<boolean> {
  const evaluations = (await campaignEvaluations(db, campaignId)).sort(courseOrder());
  const kept = await db.transaction().execute(async (trx) => {
    if (!(await claimResultsKept(trx, campaignId))) return false;
    const tally = campaignTally();
    for (let start = 0; start < evaluations.length; start += CHUNK) {
      const chunk = evaluations.slice(start, start + CHUNK);
      const responses = await responsesOfEvaluations(trx, chunk.map((e) => e.id));
      const results = chunk.map((e) => ({ evaluationId: e.id, result: evaluationResultOf(computeReport(methodology, e.formKey as FormKey, responses.get(e.id)!)) }));
      await insertEvaluationResults(trx, results);
      const members: MemberRow[] = [];
      results.forEach(({ evaluationId, result }, k) => {
        const ready = result.status === 'ready' ? result : null;
        tally.add({ unitName: chunk[k]!.unitName, scores: ready?.scores ?? null, weakest: ready?.weakest ?? null });
        for (const [competencyId, score] of Object.entries(ready?.scores ?? {})) {
          members.push({ competencyId, ordinal: start + k, evaluationId, hundredths: toHundredths(score), weakest: ready!.weakest.includes(competencyId) });
        }
      });
      // A competency's rows together: on PostgreSQL a page of a group then comes from a few heap pages.
      await insertTrainingMembers(trx, campaignId, members.sort((a, b) => (a.competencyId < b.competencyId ? -1 : a.competencyId > b.competencyId ? 1 : a.ordinal - b.ordinal)));
    }
    await insertCampaignTally(trx, campaignId, tally.result());
    return true;
  });
  if (kept) await refreshTrainingStatistics(db);
  return kept;
}
