/**
 * The `count` lowest-scoring competencies; a competency tied with the last one taken is taken too,
 * so that equal scores are never told apart by list order.
 */
export function weakestCompetencies(scores: ReadonlyArray<{ id: string; score: number }>, count: number): string[] {
  if (count <= 0 || scores.length === 0) return [];
  const sorted = [...scores].sort((a, b) => a.score - b.score);
  const cutoff = sorted[Math.min(count, sorted.length) - 1]!.score;
  return sorted.filter((s) => s.score <= cutoff).map((s) => s.id);
}
