import { isRole, type Role } from './roles.ts';

/**
 * Who may add a second factor (TOTP) to their sign-in: those whose account reaches the staff list, reports or
 * other accounts. Trainers and staff members' own accounts are not offered it.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'hr_head', 'hr'];
export const offersSecondFactor = (role: string): boolean => isRole(role) && SECOND_FACTOR_ROLES.includes(role);
