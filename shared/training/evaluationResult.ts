import type { Report360 } from '../scoring/report360.ts';

/**
 * What is kept of a report once its campaign closes, for the views over a whole campaign (training needs):
 * the competency scores and the weakest competencies, never an answer or a self-assessment.
 */
export type EvaluationResult =
  | { status: 'ready'; responseCount: number; scores: Record<string, number>; overall: number; weakest: string[] }
  | { status: 'insufficient'; responseCount: number };

export function evaluationResultOf(report: Report360): EvaluationResult {
  if (report.status === 'insufficient') return { status: 'insufficient', responseCount: report.responseCount };
  return {
    status: 'ready',
    responseCount: report.responseCount,
    scores: Object.fromEntries(report.competencies.map((c) => [c.id, c.score])),
    overall: report.overall,
    weakest: report.competencies.filter((c) => c.weakest).map((c) => c.id),
  };
}
