import type { DB } from '../connect.ts';

/** An account's second factor: the sealed secret in use and one being set up, and the last code's time step. */
export interface SecondFactorState {
  secret: string | null;
  pending: string | null;
  lastStep: number | null;
}

const OFF = { totp_secret: null, totp_pending: null, totp_last_step: null } as const;

const changed = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows > 0n;

export async function getSecondFactor(db: DB, userId: string): Promise<SecondFactorState | undefined> {
  const row = await db.selectFrom('app_user').select(['totp_secret', 'totp_pending', 'totp_last_step']).where('id', '=', userId).executeTakeFirst();
  return row && { secret: row.totp_secret, pending: row.totp_pending, lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step) };
}

export async function hasSecondFactor(db: DB, userId: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('id', '=', userId).where('totp_secret', 'is not', null).executeTakeFirst();
  return row !== undefined;
}

/** Keeps a new secret as pending (replacing an earlier pending one), unless a second factor is already on. */
export async function setPendingSecret(db: DB, userId: string, sealed: string): Promise<boolean> {
  return changed(await db.updateTable('app_user').set({ totp_pending: sealed }).where('id', '=', userId).where('totp_secret', 'is', null).executeTakeFirst());
}

/**
 * Switches on the pending secret whose code was confirmed at `step`, which counts as used — only if that secret
 * is still the pending one (another tab may have started afresh) and no factor is on yet — and ends every session
 * of the account but `keepSession`, in the same transaction: one opened with the password alone (perhaps by
 * whoever else knows it) must not outlive the factor that would have stopped it.
 */
export async function activatePending(db: DB, userId: string, sealed: string, step: number, keepSession: string | null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('app_user')
      .set({ totp_secret: sealed, totp_pending: null, totp_last_step: step })
      .where('id', '=', userId)
      .where('totp_pending', '=', sealed)
      .where('totp_secret', 'is', null)
      .executeTakeFirst();
    if (!changed(result)) return false;
    let ended = trx.deleteFrom('user_session').where('user_id', '=', userId);
    if (keepSession) ended = ended.where('id', '!=', keepSession);
    await ended.execute();
    return true;
  });
}

/**
 * Takes the code of time step `step` as used, in one conditional statement so two requests with one code cannot
 * both pass; false when that step or a later one was used already (a replay).
 */
export async function useStep(db: DB, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where('totp_secret', 'is not', null)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return changed(result);
}

/** Turns the second factor off with the code of `step`, which must not have been used (as useStep). */
export async function turnOffAtStep(db: DB, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set(OFF)
    .where('id', '=', userId)
    .where('totp_secret', 'is not', null)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return changed(result);
}

/** Removes the second factor (with any secret being set up); false when none was on. */
export async function removeSecondFactor(db: DB, userId: string): Promise<boolean> {
  return changed(await db.updateTable('app_user').set(OFF).where('id', '=', userId).where('totp_secret', 'is not', null).executeTakeFirst());
}
