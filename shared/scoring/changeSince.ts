import type { Report360 } from './report360.ts';
import { round2 } from './round.ts';

type ReadyReport = Extract<Report360, { status: 'ready' }>;

export interface ScoreChange {
  previous: number;
  /** Now less then, two decimals: positive is a rise. */
  delta: number;
}

export interface ChangeSince {
  overall: ScoreChange;
  competencies: Array<{ id: string } & ScoreChange>;
}

/**
 * The change from the person's previous report to this one, per competency both reports score and overall;
 * none when the previous report was not itself shown (under the answer threshold) or used another form.
 */
export function changeSince(current: ReadyReport, previous: Report360): ChangeSince | null {
  if (previous.status !== 'ready' || previous.formKey !== current.formKey) return null;
  const before = new Map(previous.competencies.map((c) => [c.id, c.score]));
  return {
    overall: { previous: previous.overall, delta: round2(current.overall - previous.overall) },
    competencies: current.competencies
      .filter((c) => before.has(c.id))
      .map((c) => ({ id: c.id, previous: before.get(c.id)!, delta: round2(c.score - before.get(c.id)!) })),
  };
}
