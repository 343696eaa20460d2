import { ROLES, type Role } from './roles.ts';

/** Who keeps accounts: the administrator all of them, the head of HR those of staff members and trainers. */
export const ACCOUNT_KEEPERS: readonly Role[] = ['admin', 'hr_head'];
export const canKeepAccounts = (role: string): boolean => (ACCOUNT_KEEPERS as readonly string[]).includes(role);

/** The roles whose accounts `role` may create, change, reset and delete. */
export function rolesKeptBy(role: string): readonly Role[] {
  if (role === 'admin') return ROLES;
  if (role === 'hr_head') return ['employee', 'trainer'];
  return [];
}

export interface Actor {
  id: string;
  role: string;
}

export interface AccountState {
  id: string;
  role: string;
}

/**
 * What is asked: a new account or a change (its role and grant afterwards), a new password, the removal of its
 * second factor (for a lost phone), or the account's removal.
 */
export type AccountChange = { kind: 'create' | 'update'; role: Role; canReadReports: boolean } | { kind: 'reset' | 'removeSecondFactor' | 'delete' };

export type AccountRefusal = 'account.roleNotKept' | 'account.grantOnlyHr' | 'account.self' | 'account.selfSecondFactor' | 'account.lastAdmin';

/**
 * Why `actor` may not make `change` to `target` (null for a new account), or null when allowed. `admins` is the
 * number of administrator accounts now: the last one is neither removed nor demoted, so someone can always
 * keep accounts. Nobody deletes their own account or changes their own role (a password reset is allowed), nor
 * removes their own second factor here: that is turned off on "My account" with a code, so a session left open
 * cannot strip it.
 */
export function accountRefusal(actor: Actor, target: AccountState | null, change: AccountChange, admins: number): AccountRefusal | null {
  const kept = rolesKeptBy(actor.role);
  if (target && !kept.includes(target.role as Role)) return 'account.roleNotKept';
  if ((change.kind === 'create' || change.kind === 'update') && !kept.includes(change.role)) return 'account.roleNotKept';
  if ((change.kind === 'create' || change.kind === 'update') && change.canReadReports && change.role !== 'hr') return 'account.grantOnlyHr';
  const losesAdmin = target?.role === 'admin' && (change.kind === 'delete' || (change.kind === 'update' && change.role !== 'admin'));
  if (losesAdmin && admins <= 1) return 'account.lastAdmin';
  const self = target !== null && target.id === actor.id;
  if (self && (change.kind === 'delete' || (change.kind === 'update' && change.role !== target.role))) return 'account.self';
  if (self && change.kind === 'removeSecondFactor') return 'account.selfSecondFactor';
  return null;
}

/**
 * The login of a staff member's own account made in bulk: their e-mail (lower case), else their personnel
 * number; null when they have neither.
 */
export function loginForPerson(person: { email: string | null; employeeNo: string | null }): string | null {
  const email = person.email?.trim().toLowerCase();
  if (email) return email;
  const number = person.employeeNo?.trim();
  return number ? number : null;
}
