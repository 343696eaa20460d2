/**
 * What a password chosen by its owner must be. Long rather than complicated (NIST SP 800-63B): no character
 * classes are demanded, but it may not be the login or the password it replaces. Lengths count characters as
 * scrypt sees them, after NFKC normalisation (server/security/password.ts).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export type NewPasswordProblem = 'passwordTooShort' | 'tooLong' | 'passwordIsCurrent' | 'passwordIsLogin';

const normal = (s: string) => s.normalize('NFKC');

export function newPasswordProblem(next: string, account: { current: string; login: string }): NewPasswordProblem | null {
  const length = [...normal(next)].length;
  if (length < PASSWORD_MIN_LENGTH) return 'passwordTooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (normal(next) === normal(account.current)) return 'passwordIsCurrent';
  if (normal(next).trim().toLowerCase() === normal(account.login).trim().toLowerCase()) return 'passwordIsLogin';
  return null;
}
