/** The three groups §36 draws respondents from, plus the evaluated person's own self-assessment. */
export const RELATIONS = ['self', 'manager', 'subordinate', 'peer'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface StructuralPerson {
  id: string;
  managerId: string | null;
}

/** What the staff structure says a respondent is to the evaluated person; HR may still choose otherwise. */
export function inferRelation(evaluated: StructuralPerson, respondent: StructuralPerson): Exclude<Relation, 'self'> {
  if (evaluated.managerId === respondent.id) return 'manager';
  if (respondent.managerId === evaluated.id) return 'subordinate';
  return 'peer';
}
