import { sql } from 'kysely';
import type { DB } from '../connect.ts';
import type { UserRow } from '../schema.ts';
import { insertUser, type NewUser } from './accounts.ts';

/** An account as the Accounts page lists it — never its password hash. */
export interface AccountView {
  id: string;
  login: string;
  fullName: string;
  role: string;
  personId: string | null;
  /** The linked staff member's name, position and unit. */
  personName: string | null;
  personPosition: string | null;
  personUnit: string | null;
  canReadReports: boolean;
  /** Whether sign-in asks for a second factor's code (the secret itself never leaves the database). */
  secondFactor: boolean;
  createdAt: string;
}

function accountQuery(db: DB) {
  return db
    .selectFrom('app_user as a')
    .leftJoin('person as p', 'p.id', 'a.person_id')
    .leftJoin('unit as u', 'u.id', 'p.unit_id')
    .select([
      'a.id as id',
      'a.login as login',
      'a.full_name as fullName',
      'a.role as role',
      'a.person_id as personId',
      'p.full_name as personName',
      'p.position as personPosition',
      'u.name as personUnit',
      'a.can_read_reports as canReadReports',
      sql<number>`case when a.totp_secret is null then 0 else 1 end`.as('secondFactor'),
      'a.created_at as createdAt',
    ]);
}

const view = <R extends { canReadReports: number; secondFactor: number }>(row: R) => ({
  ...row,
  canReadReports: row.canReadReports === 1,
  secondFactor: Number(row.secondFactor) === 1,
});

export async function listAccounts(db: DB): Promise<AccountView[]> {
  return (await accountQuery(db).orderBy('a.login').execute()).map(view);
}

export async function getAccountView(db: DB, id: string): Promise<AccountView | undefined> {
  const row = await accountQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row && view(row);
}

export function getAccount(db: DB, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function accountOfPerson(db: DB, personId: string): Promise<Pick<UserRow, 'id' | 'login'> | undefined> {
  return db.selectFrom('app_user').select(['id', 'login']).where('person_id', '=', personId).executeTakeFirst();
}

export async function countAdmins(db: DB): Promise<number> {
  const row = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateAccount(
  db: DB,
  id: string,
  change: { fullName: string; role: string; personId: string | null; canReadReports: boolean; keepsSecondFactor: boolean; linkedBy: string },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set((eb) => ({
      full_name: change.fullName,
      role: change.role,
      person_id: change.personId,
      // Who made the link: kept while it stays the same, the changing account's when it changes.
      person_linked_by: change.personId === null ? null : eb.case().when('person_id', '=', change.personId).then(eb.ref('person_linked_by')).else(change.linkedBy).end(),
      can_read_reports: change.canReadReports ? 1 : 0,
      ...(!change.keepsSecondFactor && { totp_secret: null, totp_pending: null, totp_last_step: null }),
    }))
    .where('id', '=', id)
    .execute();
}

/** Days the account changed in the working-day calendar keep its name, so such an account stays. */
export async function madeCalendarChanges(db: DB, id: string): Promise<boolean> {
  return (await db.selectFrom('calendar_override').select('id').where('created_by', '=', id).executeTakeFirst()) !== undefined;
}

/** Removes the account with its sessions and calibration seats (cascades); the audit log keeps its login. */
export async function deleteAccount(db: DB, id: string): Promise<void> {
  await db.deleteFrom('app_user').where('id', '=', id).execute();
}

/** Which of these staff members already have an account. */
export async function peopleWithAccounts(db: DB, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.selectFrom('app_user').select('person_id').where('person_id', 'in', personIds).execute();
  return new Set(rows.map((r) => r.person_id!));
}

/** Which of these logins are already used. */
export async function takenLogins(db: DB, logins: readonly string[]): Promise<Set<string>> {
  if (logins.length === 0) return new Set();
  const rows = await db.selectFrom('app_user').select('login').where('login', 'in', logins).execute();
  return new Set(rows.map((r) => r.login));
}

/** Several accounts, all or none. */
export async function insertUsers(db: DB, users: readonly NewUser[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const user of users) await insertUser(trx, user);
  });
}
