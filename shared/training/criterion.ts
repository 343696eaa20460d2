/**
 * Who belongs to a competency's course group (§37): those who have it among their weakest competencies
 * (the report's marked ones), or those whose score in it is under a chosen threshold.
 */
export type GroupCriterion = { kind: 'weakest' } | { kind: 'below'; threshold: number };

/** The criterion as stored with a release and passed in URLs: `weakest` or `below:3.50`. */
export function criterionKey(criterion: GroupCriterion): string {
  return criterion.kind === 'weakest' ? 'weakest' : `below:${criterion.threshold.toFixed(2)}`;
}

const BELOW = /^below:(\d(?:\.\d{1,2})?)$/;

export function parseCriterion(key: string): GroupCriterion | null {
  if (key === 'weakest') return { kind: 'weakest' };
  const match = BELOW.exec(key);
  return match ? { kind: 'below', threshold: Number(match[1]) } : null;
}

/** A threshold only makes a group when some scores can lie under it and some not: inside the scale, above its floor. */
export function thresholdInScale(threshold: number, scaleValues: readonly number[]): boolean {
  return threshold > Math.min(...scaleValues) && threshold <= Math.max(...scaleValues);
}
