import { weakestCompetencies } from './weakestCompetencies.ts';

/**
 * The `count` highest-scoring competencies; a competency tied with the last one taken is taken too, as with
 * weakestCompetencies (the same rule with the order turned round).
 */
export function strongestCompetencies(scores: ReadonlyArray<{ id: string; score: number }>, count: number): string[] {
  return weakestCompetencies(scores.map((s) => ({ id: s.id, score: -s.score })), count);
}
