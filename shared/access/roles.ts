/**
 * Account roles. `admin` installs and keeps accounts and the calendar; `hr_head` is the head of the HR service,
 * who may read every report and everything HR does (§21); `hr` runs campaigns and reads reports only when
 * granted; `trainer` plans courses from released groups; `employee` is a staff member's own account, through
 * which they read their report and, as an evaluator, those of the people they evaluate.
 */
export const ROLES = ['admin', 'hr_head', 'hr', 'trainer', 'employee'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Who keeps the staff list and runs campaigns. */
export const CAMPAIGN_RUNNERS: readonly Role[] = ['admin', 'hr_head', 'hr'];
export const canRunCampaigns = (role: string): boolean => isRole(role) && CAMPAIGN_RUNNERS.includes(role);

/** Who may read the audit log of staff actions. */
export const AUDIT_READERS: readonly Role[] = ['admin', 'hr_head'];
export const canReadAudit = (role: string): boolean => isRole(role) && AUDIT_READERS.includes(role);
