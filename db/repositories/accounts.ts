import type { DB } from '../connect.ts';
import type { UserRow } from '../schema.ts';
import { newId, nowIso } from '../ids.ts';

export interface NewUser {
  login: string;
  fullName: string;
  role: string;
  passwordHash: string;
  personId?: string | null;
  /** The account that made the link to `personId` (db/schema.ts UserTable.person_linked_by). */
  personLinkedBy?: string | null;
  canReadReports?: boolean;
}

export function findUserByLogin(db: DB, login: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('login', '=', login).executeTakeFirst();
}

export async function countUsers(db: DB): Promise<number> {
  const row = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: DB, user: NewUser): Promise<string> {
  const id = newId();
  await db
    .insertInto('app_user')
    .values({
      id,
      login: user.login,
      full_name: user.fullName,
      role: user.role,
      password_hash: user.passwordHash,
      created_at: nowIso(),
      person_id: user.personId ?? null,
      person_linked_by: user.personId ? (user.personLinkedBy ?? null) : null,
      can_read_reports: user.canReadReports ? 1 : 0,
    })
    .execute();
  return id;
}

/** Sets a new password and ends the account's sessions — all of them, or all but the one `keepSession` names. */
export async function setPasswordHash(db: DB, userId: string, passwordHash: string, keepSession: string | null = null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    let ended = trx.deleteFrom('user_session').where('user_id', '=', userId);
    if (keepSession) ended = ended.where('id', '!=', keepSession);
    await ended.execute();
  });
}

export async function insertSession(db: DB, idHash: string, userId: string, expiresAt: string): Promise<void> {
  await db.insertInto('user_session').values({ id: idHash, user_id: userId, created_at: nowIso(), expires_at: expiresAt }).execute();
}

export async function findSessionUser(db: DB, idHash: string, now: string) {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['u.id as id', 'u.login as login', 'u.full_name as fullName', 'u.role as role', 'u.person_id as personId', 'u.person_linked_by as personLinkedBy', 'u.can_read_reports as canReadReports'])
    .where('s.id', '=', idHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  return row && { ...row, canReadReports: row.canReadReports === 1 };
}

export async function deleteSession(db: DB, idHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: DB, now: string): Promise<void> {
  await db.deleteFrom('user_session').where('expires_at', '<=', now).execute();
}
