import { beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../server/services/accounts.ts';
import { seedUnit } from '../support/fixtures.ts';
import { signInAs } from '../support/signIn.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let admin: string;

const as = async (cookie: string, method: string, path: string, body?: unknown) => {
  const res = await t.call(method, path, body, { cookie });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
};
const signIn = async (login: string, password: string) =>
  (await t.call('POST', '/auth/login', { login, password }, { cookie: null })).status;
const accountId = async (login: string) =>
  (await t.conn.db.selectFrom('app_user').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;

beforeEach(async () => {
  t = await createTestApp();
  admin = await signInAs(t, 'admin', 'root');
});

describe('accounts (admin)', () => {
  it('creates an account linked to a staff member, shows the password once and stores only its hash', async () => {
    const { employees } = await seedUnit(t, 2);
    const created = await as(admin, 'POST', '/accounts', { login: 'aigerim', fullName: 'Айгерім', role: 'employee', personId: employees[0]!.id });
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({ login: 'aigerim', role: 'employee', personId: employees[0]!.id, personName: 'Қызметкер 1', canReadReports: false });
    expect(created.body.account).not.toHaveProperty('password_hash');
    const password = created.body.password as string;
    expect(password).toMatch(/^[\w-]{20}$/);
    expect(await signIn('aigerim', password)).toBe(200);

    const list = await as(admin, 'GET', '/accounts');
    expect(list.body.accounts.map((a: { login: string }) => a.login)).toEqual(['aigerim', 'hr', 'hr-links', 'root']);
    expect(JSON.stringify(list.body)).not.toContain('scrypt');
    const stored = await t.conn.db.selectFrom('app_user').select('password_hash').where('login', '=', 'aigerim').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain(password);
    const log = await t.conn.db.selectFrom('audit_entry').selectAll().execute();
    expect(JSON.stringify(log)).not.toContain(password);
    const entry = log.find((e) => e.action === 'POST /accounts')!;
    // The link to the staff member is logged with the account (issue 11: who linked whom).
    expect([entry.user_login, JSON.parse(entry.details!)]).toEqual(['root', { name: 'aigerim', changes: [{ field: 'role', before: null, after: 'employee' }, { field: 'staffRecord', before: null, after: 'Қызметкер 1' }] }]);

    // The same staff member cannot have two accounts; a login is used once.
    const twice = await as(admin, 'POST', '/accounts', { login: 'other', fullName: 'X', role: 'employee', personId: employees[0]!.id });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'account.personTaken']);
    const sameLogin = await as(admin, 'POST', '/accounts', { login: 'aigerim', fullName: 'X', role: 'trainer' });
    expect([sameLogin.status, sameLogin.body.error.code]).toEqual([409, 'user.exists']);
  });

  it('refuses bad input with the field named', async () => {
    const bad = await as(admin, 'POST', '/accounts', { login: 'two words', fullName: '', role: 'boss' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['fullName', 'login', 'role']);
    const grant = await as(admin, 'POST', '/accounts', { login: 'tr', fullName: 'T', role: 'trainer', canReadReports: true });
    expect([grant.status, grant.body.error.code]).toEqual([422, 'account.grantOnlyHr']);
    const ghost = await as(admin, 'POST', '/accounts', { login: 'g', fullName: 'G', role: 'employee', personId: '00000000-0000-4000-8000-000000000000' });
    expect([ghost.status, ghost.body.error.code]).toEqual([422, 'account.personNotFound']);
  });

  it('changes role, linked person and an HR officer’s grant — and the grant takes effect at once', async () => {
    const { employees } = await seedUnit(t, 2);
    const { password } = (await as(admin, 'POST', '/accounts', { login: 'dana', fullName: 'Дана', role: 'hr' })).body;
    const dana = (await t.call('POST', '/auth/login', { login: 'dana', password }, { cookie: null })).headers.get('set-cookie')!.split(';')[0]!;
    expect((await as(dana, 'GET', '/auth/me')).body.user).toMatchObject({ role: 'hr', canReadReports: false, linked: false });
    const id = await accountId('dana');
    const changed = await as(admin, 'PUT', `/accounts/${id}`, { fullName: 'Дана С.', role: 'hr', personId: employees[1]!.id, canReadReports: true });
    expect(changed.status).toBe(200);
    expect(changed.body.account).toMatchObject({ fullName: 'Дана С.', canReadReports: true, personName: 'Қызметкер 2' });
    expect((await as(dana, 'GET', '/auth/me')).body.user).toMatchObject({ fullName: 'Дана С.', canReadReports: true, linked: true });
    const demoted = await as(admin, 'PUT', `/accounts/${id}`, { fullName: 'Дана С.', role: 'employee', personId: null, canReadReports: false });
    expect(demoted.body.account).toMatchObject({ role: 'employee', personId: null });
    // An employee account no longer reaches HR screens.
    expect((await as(dana, 'GET', '/campaigns')).status).toBe(403);
  });

  it('resets a password: the new one is shown once and every session of the account is signed out', async () => {
    await createUser(t.conn.db, { login: 'erlan', fullName: 'Ерлан', role: 'trainer', password: 'old-password-1' });
    const session = (await t.call('POST', '/auth/login', { login: 'erlan', password: 'old-password-1' }, { cookie: null })).headers.get('set-cookie')!.split(';')[0]!;
    const reset = await as(admin, 'POST', `/accounts/${await accountId('erlan')}/password`);
    expect(reset.status).toBe(200);
    expect((await t.call('GET', '/auth/me', undefined, { cookie: session })).status).toBe(401);
    expect(await signIn('erlan', 'old-password-1')).toBe(401);
    expect(await signIn('erlan', reset.body.password)).toBe(200);
    const log = await t.conn.db.selectFrom('audit_entry').selectAll().where('action', '=', 'POST /accounts/:id/password').execute();
    expect(log).toHaveLength(1);
    expect(JSON.stringify(log)).not.toContain(reset.body.password);
  });

  it('deletes an account with its sessions, but not one’s own, nor one that changed the calendar', async () => {
    await createUser(t.conn.db, { login: 'gone', fullName: 'Gone', role: 'employee', password: 'gone-password' });
    const gone = (await t.call('POST', '/auth/login', { login: 'gone', password: 'gone-password' }, { cookie: null })).headers.get('set-cookie')!.split(';')[0]!;
    const goneId = await accountId('gone');
    expect((await as(admin, 'DELETE', `/accounts/${goneId}`)).status).toBe(204);
    expect(await t.conn.db.selectFrom('app_user').select('id').where('login', '=', 'gone').executeTakeFirst()).toBeUndefined();
    expect((await t.call('GET', '/auth/me', undefined, { cookie: gone })).status).toBe(401);
    expect((await as(admin, 'DELETE', `/accounts/${goneId}`)).status).toBe(404);
    const entry = await t.conn.db.selectFrom('audit_entry').selectAll().where('action', '=', 'DELETE /accounts/:id').executeTakeFirstOrThrow();
    expect([entry.user_login, JSON.parse(entry.details!)]).toEqual(['root', { name: 'gone' }]);

    await signInAs(t, 'admin', 'root2');
    const self = await as(admin, 'DELETE', `/accounts/${await accountId('root')}`);
    expect([self.status, self.body.error.code]).toEqual([409, 'account.self']);
    const ownRole = await as(admin, 'PUT', `/accounts/${await accountId('root')}`, { fullName: 'R', role: 'hr', personId: null, canReadReports: false });
    expect(ownRole.body.error.code).toBe('account.self');

    const keeper = await signInAs(t, 'admin', 'keeper');
    expect((await as(keeper, 'POST', '/calendar/overrides', { date: '2025-12-30', kind: 'dayOff', note: 'Акт' })).status).toBe(201);
    const keeps = await as(admin, 'DELETE', `/accounts/${await accountId('keeper')}`);
    expect([keeps.status, keeps.body.error.code]).toEqual([409, 'account.keepsCalendar']);
  });

  it('keeps the last administrator: it can be neither deleted nor demoted', async () => {
    const last = await as(admin, 'DELETE', `/accounts/${await accountId('root')}`);
    expect([last.status, last.body.error.code]).toEqual([409, 'account.lastAdmin']);
    const demote = await as(admin, 'PUT', `/accounts/${await accountId('root')}`, { fullName: 'R', role: 'employee', personId: null, canReadReports: false });
    expect(demote.body.error.code).toBe('account.lastAdmin');
    // Renaming oneself is fine.
    const rename = await as(admin, 'PUT', `/accounts/${await accountId('root')}`, { fullName: 'Root', role: 'admin', personId: null, canReadReports: false });
    expect(rename.status).toBe(200);
  });
});

describe('accounts (head of HR and others)', () => {
  it('lets the head of HR keep only staff members’ and trainers’ accounts', async () => {
    const head = await signInAs(t, 'hr_head', 'boss');
    const list = await as(head, 'GET', '/accounts');
    expect(list.body.roles).toEqual(['employee', 'trainer']);
    expect((await as(head, 'POST', '/accounts', { login: 'tr', fullName: 'T', role: 'trainer' })).status).toBe(201);
    const hr = await as(head, 'POST', '/accounts', { login: 'hr2', fullName: 'H', role: 'hr' });
    expect([hr.status, hr.body.error.code]).toEqual([403, 'account.roleNotKept']);
    expect((await as(head, 'POST', `/accounts/${await accountId('hr')}/password`)).status).toBe(403);
    expect((await as(head, 'DELETE', `/accounts/${await accountId('root')}`)).status).toBe(403);
    const promote = await as(head, 'PUT', `/accounts/${await accountId('tr')}`, { fullName: 'T', role: 'admin', personId: null, canReadReports: false });
    expect(promote.status).toBe(403);
  });

  it('is closed to HR officers, trainers and staff members', async () => {
    for (const cookie of [t.cookie, await signInAs(t, 'trainer'), await signInAs(t, 'employee')]) {
      for (const [method, path] of [['GET', '/accounts'], ['POST', '/accounts'], ['POST', '/accounts/for-people'], ['DELETE', `/accounts/${await accountId('root')}`]] as const) {
        const res = await as(cookie, method, path, method === 'POST' ? {} : undefined);
        expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([403, 'auth.forbidden']);
      }
    }
  });
});

describe('accounts for staff members in one step', () => {
  it('creates linked employee accounts with logins from e-mail or personnel number, skipping whom it must', async () => {
    const { employees, head } = await seedUnit(t, 4);
    const person = async (p: { id: string; fullName: string }, extra: Record<string, unknown>) =>
      t.json('PUT', `/people/${p.id}`, { fullName: p.fullName, position: 'Маман', unitId: head.unitId, category: 'E-4', managerId: head.id, ...extra });
    await person(employees[0]!, { email: 'Aigerim@Example.kz' });
    await person(employees[1]!, { employeeNo: 'T-0042' });
    await person(employees[2]!, { email: 'taken@example.kz' });
    await createUser(t.conn.db, { login: 'taken@example.kz', fullName: 'Other', role: 'trainer' });
    await createUser(t.conn.db, { login: 'linked', fullName: 'Linked', role: 'employee', personId: head.id });

    const ids = [head.id, ...employees.map((e: { id: string }) => e.id)];
    const result = await as(admin, 'POST', '/accounts/for-people', { personIds: ids });
    expect(result.status).toBe(201);
    expect(result.body.created.map((c: { login: string; fullName: string }) => [c.fullName, c.login])).toEqual([
      ['Қызметкер 1', 'aigerim@example.kz'],
      ['Қызметкер 2', 'T-0042'],
    ]);
    expect(result.body.skipped.map((s: { fullName: string; reason: string }) => [s.fullName, s.reason])).toEqual([
      ['Бастық Ерлан', 'hasAccount'],
      ['Қызметкер 3', 'loginTaken'],
      ['Қызметкер 4', 'noLogin'],
    ]);
    for (const c of result.body.created) expect(await signIn(c.login, c.password)).toBe(200);
    const made = await t.conn.db.selectFrom('app_user').select(['role', 'person_id']).where('login', '=', 'T-0042').executeTakeFirstOrThrow();
    expect(made).toEqual({ role: 'employee', person_id: employees[1]!.id });

    const entry = await t.conn.db.selectFrom('audit_entry').selectAll().where('action', '=', 'POST /accounts/for-people').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details!)).toEqual({ count: 2, skipped: 3 });
    expect(JSON.stringify(entry)).not.toContain(result.body.created[0].password);

    // Again: everyone is skipped now, nothing is written.
    const again = await as(admin, 'POST', '/accounts/for-people', { personIds: ids.slice(1, 3) });
    expect(again.body.created).toEqual([]);
    expect(again.body.skipped.map((s: { reason: string }) => s.reason)).toEqual(['hasAccount', 'hasAccount']);
    // A staff member linked to an account stays in the staff list.
    expect((await t.json('DELETE', `/people/${employees[1]!.id}`)).body.error.code).toBe('person.inUse');
  });

  it('refuses an unknown person without writing any account', async () => {
    const { employees } = await seedUnit(t, 1);
    await t.json('PUT', `/people/${employees[0]!.id}`, { fullName: 'Қызметкер 1', position: 'Маман', unitId: employees[0]!.unitId, category: 'E-4', email: 'a@b.kz' });
    const res = await as(admin, 'POST', '/accounts/for-people', { personIds: [employees[0]!.id, '00000000-0000-4000-8000-000000000000'] });
    expect([res.status, res.body.error.code]).toEqual([422, 'account.personNotFound']);
    expect(await t.conn.db.selectFrom('app_user').select('id').where('login', '=', 'a@b.kz').executeTakeFirst()).toBeUndefined();
    expect((await as(admin, 'POST', '/accounts/for-people', { personIds: [] })).status).toBe(400);
  });
});
