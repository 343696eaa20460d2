import type { DB } from '../../db/connect.ts';
import { getAccount } from '../../db/repositories/accountAdmin.ts';
import { setPasswordHash } from '../../db/repositories/accounts.ts';
import type { PasswordChangeBody } from '../../shared/schemas/ownAccount.ts';
import { ApiError } from '../http/apiError.ts';
import { hashPassword, verifyPassword } from '../security/password.ts';

/**
 * A signed-in account changes its own password, proving it knows the current one; every other session of the
 * account ends (one left signed in elsewhere, perhaps by whoever learnt the old password), this one stays.
 */
export async function changeOwnPassword(db: DB, userId: string, body: PasswordChangeBody, currentSession: string | null): Promise<void> {
  const account = await getAccount(db, userId);
  if (!account || !(await verifyPassword(body.currentPassword, account.password_hash))) throw new ApiError(403, 'auth.currentPasswordWrong');
  await setPasswordHash(db, userId, await hashPassword(body.newPassword), currentSession);
}
