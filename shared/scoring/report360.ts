import type { FormKey, Methodology } from '../methodology/types.ts';
import { questionnaireMarks, type Answers } from './questionnaireMarks.ts';
import { round2 } from './round.ts';
import { weakestCompetencies } from './weakestCompetencies.ts';

export interface ResponseForScoring {
  isSelf: boolean;
  answers: Answers;
}

export interface CompetencyResult {
  id: string;
  /** Mean final score over respondents, self-assessment excluded, two decimals. */
  score: number;
  /** The self-assessment's mark, shown beside the score and never counted in it; null without one. */
  self: number | null;
  weakest: boolean;
}

export type Report360 =
  | {
      status: 'ready';
      formKey: FormKey;
      responseCount: number;
      competencies: CompetencyResult[];
      /** «Бағалау нәтижесі»: the mean of the competency scores, two decimals. */
      overall: number;
      /** Overall of the self-assessment on the same footing, for comparison only. */
      selfOverall: number | null;
    }
  | { status: 'insufficient'; formKey: FormKey; responseCount: number; required: number };

/**
 * Annexes 7–8: each competency's score is the sum of the respondents' competency marks divided by the
 * number of respondents, the self-assessment excluded. Below the anonymity threshold nothing is computed.
 */
export function computeReport(
  methodology: Methodology,
  formKey: FormKey,
  responses: readonly ResponseForScoring[],
): Report360 {
  const form = methodology.forms[formKey];
  const others = responses.filter((r) => !r.isSelf);
  const required = methodology.rules.minResponsesForReport;
  if (others.length < required) {
    return { status: 'insufficient', formKey, responseCount: others.length, required };
  }
  const otherMarks = others.map((r) => questionnaireMarks(form, r.answers));
  const selfResponse = responses.find((r) => r.isSelf);
  const selfMarks = selfResponse ? questionnaireMarks(form, selfResponse.answers) : null;

  const scored = form.competencies.map((c) => {
    const sum = otherMarks.reduce((acc, marks) => acc + marks.get(c.id)!, 0);
    const self = selfMarks ? round2(selfMarks.get(c.id)!) : null;
    return { id: c.id, score: round2(sum / otherMarks.length), self };
  });
  const weakest = new Set(weakestCompetencies(scored, methodology.rules.weakestCount));
  const mean = (xs: number[]) => round2(xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    status: 'ready',
    formKey,
    responseCount: others.length,
    competencies: scored.map((c) => ({ ...c, weakest: weakest.has(c.id) })),
    overall: mean(scored.map((c) => c.score)),
    selfOverall: selfMarks ? mean([...selfMarks.values()]) : null,
  };
}
