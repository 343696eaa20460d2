/** The respondent groups a report may break its results down by (§36: manager, subordinates, colleagues). */
export const RESPONDENT_GROUPS = ['manager', 'subordinate', 'peer'] as const;
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];

/** What a stored answer says of its author: one of the groups, or 'other' when that would single anyone out. */
export type StoredGroup = RespondentGroup | 'other';

export function isRespondentGroup(value: string): value is RespondentGroup {
  return (RESPONDENT_GROUPS as readonly string[]).includes(value);
}

/**
 * The group an answer is stored under: the respondent's relation only when at least `minGroupSize` respondents
 * of that relation were assigned to the evaluation, else 'other' — a lone manager's answer tagged 'manager'
 * would be the manager's answer. A self-assessment has no group (it is stored as such).
 */
export function storedGroup(relation: string, assignedOfRelation: number, minGroupSize: number): StoredGroup | null {
  if (relation === 'self') return null;
  return isRespondentGroup(relation) && assignedOfRelation >= minGroupSize ? relation : 'other';
}
