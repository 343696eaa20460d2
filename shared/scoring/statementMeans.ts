import type { Form360 } from '../methodology/types.ts';
import type { ResponseForScoring } from './report360.ts';
import { round2 } from './round.ts';

export interface StatementMean {
  id: string;
  competencyId: string;
  /** Mean answer over respondents, self-assessment excluded, two decimals. */
  mean: number;
  /** The self-assessment's answer, shown beside; null without one. */
  self: number | null;
}

/** Each statement's mean over the respondents (never the self-assessment), in the form's order. */
export function statementMeans(form: Form360, responses: readonly ResponseForScoring[]): StatementMean[] {
  const others = responses.filter((r) => !r.isSelf);
  const self = responses.find((r) => r.isSelf);
  return form.competencies.flatMap((c) =>
    c.statements.map((s) => ({
      id: s.id,
      competencyId: c.id,
      mean: round2(others.reduce((sum, r) => sum + r.answers[s.id]!, 0) / others.length),
      self: self ? self.answers[s.id]! : null,
    })),
  );
}
