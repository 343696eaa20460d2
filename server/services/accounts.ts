import type { DB } from '../../db/connect.ts';
import { countUsers, findUserByLogin, insertUser } from '../../db/repositories/accounts.ts';
import { ApiError } from '../http/apiError.ts';
import type { Role } from '../../shared/access/roles.ts';
import { generatePassword, hashPassword, verifyPassword } from '../security/password.ts';

export { ROLES, type Role } from '../../shared/access/roles.ts';

// Verifying against a real hash when the login is unknown keeps both failures equally slow.
let decoyHash: Promise<string> | null = null;

export async function authenticate(db: DB, login: string, password: string) {
  const user = await findUserByLogin(db, login);
  decoyHash ??= hashPassword(generatePassword());
  const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
  if (!user || !ok) throw new ApiError(401, 'auth.invalidCredentials');
  return user;
}

export interface NewAccount {
  login: string;
  fullName: string;
  role: Role;
  password?: string;
  /** The staff member the account belongs to. */
  personId?: string | null;
  /** The account that linked it to that staff member. */
  personLinkedBy?: string | null;
  /** An HR officer's grant to read reports (§21). */
  canReadReports?: boolean;
}

export async function createUser(db: DB, input: NewAccount) {
  if (await findUserByLogin(db, input.login)) throw new ApiError(409, 'user.exists', { login: input.login });
  const password = input.password ?? generatePassword();
  const { password: _, ...account } = input;
  await insertUser(db, { ...account, passwordHash: await hashPassword(password) });
  return { login: input.login, password };
}

/** On a fresh installation, an administrator account whose password is shown once. */
export async function ensureFirstAdmin(db: DB): Promise<{ login: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  return createUser(db, { login: 'admin', fullName: 'Administrator', role: 'admin' });
}
