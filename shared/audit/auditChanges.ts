/**
 * What a staff action changed in a field that decides who may read a report or where a link goes, as the audit
 * log keeps it: the value before and after, by name rather than id, so that the log itself shows who linked an
 * account to whom and who made whom a manager (issue 11).
 */
export const AUDIT_CHANGE_FIELDS = ['staffRecord', 'role', 'manager', 'email'] as const;
export type AuditChangeField = (typeof AUDIT_CHANGE_FIELDS)[number];

export interface AuditChange {
  field: AuditChangeField;
  before: string | null;
  after: string | null;
}

/** The changes among `pairs` (field, before, after): those whose value differs. */
export function changesOf(pairs: ReadonlyArray<readonly [AuditChangeField, string | null, string | null]>): AuditChange[] {
  return pairs.filter(([, before, after]) => before !== after).map(([field, before, after]) => ({ field, before, after }));
}

export function isAuditChange(value: unknown): value is AuditChange {
  if (typeof value !== 'object' || value === null) return false;
  const { field, before, after } = value as Record<string, unknown>;
  const text = (v: unknown) => v === null || typeof v === 'string';
  return (AUDIT_CHANGE_FIELDS as readonly unknown[]).includes(field) && text(before) && text(after);
}
