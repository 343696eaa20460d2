/**
 * Staff accounts' roles. `admin` installs and keeps accounts and the calendar; `hr_head` is the head of the HR
 * service, who may read everything HR does (§21); `hr` runs campaigns.
 */
export const ROLES = ['admin', 'hr_head', 'hr'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Who may read the audit log of staff actions. */
export const AUDIT_READERS: readonly Role[] = ['admin', 'hr_head'];
export const canReadAudit = (role: string): boolean => isRole(role) && AUDIT_READERS.includes(role);
