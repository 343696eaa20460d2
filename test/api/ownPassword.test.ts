import { beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../server/services/accounts.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});

const signIn = (login: string, password: string) => t.call('POST', '/auth/login', { login, password }, { cookie: null });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;
const change = async (cookie: string, currentPassword: string, newPassword: string) => {
  const res = await t.call('POST', '/auth/password', { currentPassword, newPassword }, { cookie });
  return { status: res.status, headers: res.headers, body: res.status === 204 ? null : await res.json() };
};
const me = async (cookie: string) => (await t.call('GET', '/auth/me', undefined, { cookie })).status;

describe('changing one’s own password', () => {
  it('takes the new password, ends every other session of the account and keeps this one, and logs it without the password', async () => {
    const laptop = cookieOf(await signIn('hr', 'api-test-password'));
    const other = await createUser(t.conn.db, { login: 'colleague', fullName: 'C', role: 'hr', password: 'colleague-password' });
    const colleague = cookieOf(await signIn(other.login, other.password));

    const changed = await change(t.cookie, 'api-test-password', 'a new password for HR');
    expect(changed.status).toBe(204);
    expect(changed.headers.get('set-cookie')).toBeNull();
    expect(await me(t.cookie)).toBe(200);
    expect(await me(laptop)).toBe(401);
    // Other accounts' sessions are not touched.
    expect(await me(colleague)).toBe(200);
    expect((await signIn('hr', 'api-test-password')).status).toBe(401);
    expect((await signIn('hr', 'a new password for HR')).status).toBe(200);

    const log = await t.conn.db.selectFrom('audit_entry').selectAll().where('action', '=', 'POST /auth/password').execute();
    expect(log.map((e) => e.user_login)).toEqual(['hr']);
    expect(JSON.stringify(await t.conn.db.selectFrom('audit_entry').selectAll().execute())).not.toContain('a new password');
  });

  it('refuses a wrong current password precisely, changing nothing', async () => {
    const refused = await change(t.cookie, 'not-my-password', 'a new password for HR');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'auth.currentPasswordWrong']);
    expect(refused.body.error.message).toBe('The current password is wrong.');
    expect((await signIn('hr', 'api-test-password')).status).toBe(200);
    expect(await me(t.cookie)).toBe(200);
  });

  it('names the field and the rule a new password breaks: length, the current password, the login', async () => {
    const cases = [
      ['short-one', 'passwordTooShort'],
      ['api-test-password', 'passwordIsCurrent'],
    ] as const;
    for (const [next, code] of cases) {
      const bad = await change(t.cookie, 'api-test-password', next);
      expect([bad.status, bad.body.error.issues], next).toEqual([400, [{ path: 'newPassword', code, message: expect.any(String) }]]);
    }
    await createUser(t.conn.db, { login: 'long.login.name', fullName: 'L', role: 'trainer', password: 'trainer-password' });
    const trainer = cookieOf(await signIn('long.login.name', 'trainer-password'));
    const asLogin = await change(trainer, 'trainer-password', 'Long.Login.Name');
    expect(asLogin.body.error.issues[0]).toMatchObject({ path: 'newPassword', code: 'passwordIsLogin', message: 'newPassword: Must not be your login' });
  });

  it('counts wrong current passwords toward the sign-in lock, so it cannot be used to guess', async () => {
    for (let i = 0; i < 5; i++) expect((await change(t.cookie, `guess-${i}`, 'a new password for HR')).status).toBe(403);
    const locked = await change(t.cookie, 'api-test-password', 'a new password for HR');
    expect([locked.status, locked.body.error.code, locked.headers.get('retry-after')]).toEqual([429, 'auth.tooManyAttempts', '900']);
    // The same lock holds the login page for that login.
    expect((await signIn('hr', 'api-test-password')).status).toBe(429);
    t.setNow(new Date('2025-12-15T06:15:00Z'));
    expect((await change(t.cookie, 'api-test-password', 'a new password for HR')).status).toBe(204);
  });

  it('is open to every role, and only when signed in', async () => {
    for (const role of ['trainer', 'employee', 'admin', 'hr_head'] as const) {
      await createUser(t.conn.db, { login: role, fullName: role, role, password: `${role}-password-1` });
      const cookie = cookieOf(await signIn(role, `${role}-password-1`));
      expect((await change(cookie, `${role}-password-1`, `${role}-password-2`)).status, role).toBe(204);
    }
    const anonymous = await t.call('POST', '/auth/password', { currentPassword: 'x', newPassword: 'a new password for HR' }, { cookie: null });
    expect(anonymous.status).toBe(401);
  });
});
