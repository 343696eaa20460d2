import type { DB } from '../../db/connect.ts';
import * as repo from '../../db/repositories/accountAdmin.ts';
import { findUserByLogin, setPasswordHash } from '../../db/repositories/accounts.ts';
import { removeSecondFactor } from '../../db/repositories/secondFactor.ts';
import { getPeople, getPerson } from '../../db/repositories/staff.ts';
import { accountRefusal, loginForPerson, rolesKeptBy, type AccountChange, type Actor } from '../../shared/access/accountRules.ts';
import { offersSecondFactor } from '../../shared/access/secondFactor.ts';
import type { AccountCreateBody, AccountUpdateBody } from '../../shared/schemas/accounts.ts';
import { ApiError } from '../http/apiError.ts';
import { generatePassword, hashPassword } from '../security/password.ts';
import { changesOf } from '../../shared/audit/auditChanges.ts';
import { createUser } from './accounts.ts';

const REFUSAL_STATUS = { 'account.roleNotKept': 403, 'account.grantOnlyHr': 422, 'account.self': 409, 'account.selfSecondFactor': 409, 'account.lastAdmin': 409 } as const;

async function check(db: DB, actor: Actor, target: { id: string; role: string } | null, change: AccountChange): Promise<void> {
  const refusal = accountRefusal(actor, target, change, await repo.countAdmins(db));
  if (refusal) throw new ApiError(REFUSAL_STATUS[refusal], refusal);
}

async function existing(db: DB, id: string) {
  const account = await repo.getAccount(db, id);
  if (!account) throw new ApiError(404, 'account.notFound');
  return account;
}

/** The staff member an account is to belong to must exist and have no other account. */
async function checkPerson(db: DB, personId: string | null, accountId: string | null): Promise<void> {
  if (!personId) return;
  if (!(await getPerson(db, personId))) throw new ApiError(422, 'account.personNotFound');
  const holder = await repo.accountOfPerson(db, personId);
  if (holder && holder.id !== accountId) throw new ApiError(409, 'account.personTaken', { login: holder.login });
}

export async function listAccountsFor(db: DB, actor: Actor) {
  return { accounts: await repo.listAccounts(db), roles: rolesKeptBy(actor.role), selfId: actor.id };
}

/** A new account with a generated password, returned once and stored only as a hash. */
export async function createAccount(db: DB, actor: Actor, body: AccountCreateBody) {
  await check(db, actor, null, { kind: 'create', role: body.role, canReadReports: body.canReadReports });
  await checkPerson(db, body.personId, null);
  const { password } = await createUser(db, { ...body, personLinkedBy: actor.id });
  const { id } = (await findUserByLogin(db, body.login))!;
  return { account: (await repo.getAccountView(db, id))!, password };
}

/**
 * Changes an account. Linking it to another staff member is recorded as made by `actor` (an account linked by
 * itself gains no report right by it: shared/access/reportAccess.ts), and returned as a change for the audit log.
 */
export async function updateAccount(db: DB, actor: Actor, id: string, body: AccountUpdateBody) {
  const target = await existing(db, id);
  await check(db, actor, target, { kind: 'update', role: body.role, canReadReports: body.canReadReports });
  await checkPerson(db, body.personId, id);
  const before = (await repo.getAccountView(db, id))!;
  // A role that is not offered a second factor does not keep one: its owner could no longer turn it off.
  await repo.updateAccount(db, id, { ...body, keepsSecondFactor: offersSecondFactor(body.role), linkedBy: actor.id });
  const account = (await repo.getAccountView(db, id))!;
  return { account, changes: changesOf([['staffRecord', before.personName, account.personName], ['role', before.role, account.role]]) };
}

/** A new generated password, returned once; the account's sessions are signed out. */
export async function resetPassword(db: DB, actor: Actor, id: string) {
  const target = await existing(db, id);
  await check(db, actor, target, { kind: 'reset' });
  const password = generatePassword();
  await setPasswordHash(db, id, await hashPassword(password));
  return { login: target.login, password };
}

/** For a lost phone: the account signs in with its password alone until its owner sets up a new factor. */
export async function removeSecondFactorOf(db: DB, actor: Actor, id: string) {
  const target = await existing(db, id);
  await check(db, actor, target, { kind: 'removeSecondFactor' });
  if (!(await removeSecondFactor(db, id))) throw new ApiError(409, 'secondFactor.notOn');
  return target;
}

export async function deleteAccount(db: DB, actor: Actor, id: string) {
  const target = await existing(db, id);
  await check(db, actor, target, { kind: 'delete' });
  if (await repo.madeCalendarChanges(db, id)) throw new ApiError(409, 'account.keepsCalendar');
  await repo.deleteAccount(db, id);
  return target;
}

export type SkipReason = 'hasAccount' | 'noLogin' | 'loginTaken';

/**
 * Staff members' own accounts (role employee) in one step: the login is the person's e-mail, else their
 * personnel number; people who already have an account, have neither, or whose login is taken are listed
 * as skipped. Passwords are generated, returned once, and the accounts are written all or none.
 */
export async function createAccountsForPeople(db: DB, actor: Actor, personIds: readonly string[]) {
  await check(db, actor, null, { kind: 'create', role: 'employee', canReadReports: false });
  const wanted = [...new Set(personIds)];
  const people = await getPeople(db, wanted);
  if (people.length !== wanted.length) throw new ApiError(422, 'account.personNotFound');
  const linked = await repo.peopleWithAccounts(db, wanted);
  const logins = new Map(people.map((p) => [p.id, loginForPerson({ email: p.email, employeeNo: p.employee_no })]));
  const taken = await repo.takenLogins(db, [...logins.values()].filter((l): l is string => l !== null));

  const skipped: Array<{ personId: string; fullName: string; reason: SkipReason }> = [];
  const chosen: Array<{ personId: string; fullName: string; login: string }> = [];
  for (const person of [...people].sort((a, b) => a.full_name.localeCompare(b.full_name))) {
    const login = logins.get(person.id)!;
    const reason: SkipReason | null = linked.has(person.id) ? 'hasAccount' : login === null ? 'noLogin' : taken.has(login) ? 'loginTaken' : null;
    if (reason) skipped.push({ personId: person.id, fullName: person.full_name, reason });
    else {
      taken.add(login!);
      chosen.push({ personId: person.id, fullName: person.full_name, login: login! });
    }
  }
  // scrypt runs on libuv's thread pool: hashing side by side uses every core.
  const created = chosen.map((c) => ({ ...c, password: generatePassword() }));
  const hashes = await Promise.all(created.map((c) => hashPassword(c.password)));
  await repo.insertUsers(
    db,
    created.map((c, i) => ({ login: c.login, fullName: c.fullName, role: 'employee', passwordHash: hashes[i]!, personId: c.personId, personLinkedBy: actor.id })),
  );
  return { created, skipped };
}
