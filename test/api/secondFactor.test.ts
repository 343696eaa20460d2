import { Secret, TOTP } from 'otpauth';
import { beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../server/services/accounts.ts';
import { signInAs } from '../support/signIn.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
/** The test's clock: 06:00:10 UTC, 10 s into a 30-second time step. */
const START = new Date('2025-12-15T06:00:10Z');

const as = async (cookie: string | null, method: string, path: string, body?: unknown) => {
  const res = await t.call(method, path, body, { cookie });
  return { status: res.status, cookie: res.headers.get('set-cookie'), body: res.status === 204 ? null : await res.json() };
};
const signIn = (login: string, password: string, code?: string) => as(null, 'POST', '/auth/login', { login, password, ...(code !== undefined && { code }) });
/** The code an authenticator app holding `secret` shows `steps` time steps from `at`. */
const codeOf = (secret: string, steps = 0, at = START) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() + steps * 30_000 });
const stored = (login: string) => t.conn.db.selectFrom('app_user').select(['id', 'totp_secret', 'totp_pending', 'totp_last_step']).where('login', '=', login).executeTakeFirstOrThrow();

/** Sets up and turns on the HR officer's second factor (at START); returns its secret. */
async function enrolHr(): Promise<string> {
  const { secret } = (await as(t.cookie, 'POST', '/auth/totp/setup', {})).body;
  expect((await as(t.cookie, 'POST', '/auth/totp/confirm', { code: codeOf(secret) })).status).toBe(204);
  return secret;
}

beforeEach(async () => {
  t = await createTestApp();
  t.setNow(START);
});

describe('setting up a second factor', () => {
  it('gives a URI, a QR code and the key; only a confirmed code switches it on, and the secret is stored sealed', async () => {
    const setup = await as(t.cookie, 'POST', '/auth/totp/setup', {});
    expect(setup.status).toBe(200);
    const { uri, qr, secret } = setup.body as { uri: string; qr: string; secret: string };
    expect(uri).toBe(`otpauth://totp/Bagalau%20360:hr?issuer=Bagalau%20360&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
    expect(qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qr.split(',')[1]!, 'base64').toString()).toContain('<svg');
    const pending = await stored('hr');
    expect(pending.totp_secret).toBeNull();
    expect(pending.totp_pending).toMatch(/^v1\./);
    expect(JSON.stringify(pending)).not.toContain(secret);

    // Pending is not on: sign-in still asks for the password only.
    expect((await signIn('hr', 'api-test-password')).status).toBe(200);
    const wrong = await as(t.cookie, 'POST', '/auth/totp/confirm', { code: codeOf(secret, 5) });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'auth.codeInvalid']);
    expect((await stored('hr')).totp_secret).toBeNull();
    const malformed = await as(t.cookie, 'POST', '/auth/totp/confirm', { code: '12345' });
    expect([malformed.status, malformed.body.error.issues[0].code]).toEqual([400, 'codeFormat']);

    expect((await as(t.cookie, 'POST', '/auth/totp/confirm', { code: codeOf(secret) })).status).toBe(204);
    const on = await stored('hr');
    expect(on.totp_secret).toBe(pending.totp_pending);
    expect(on.totp_pending).toBeNull();
    expect((await as(t.cookie, 'GET', '/auth/me')).body.user.secondFactor).toBe(true);
    const again = await as(t.cookie, 'POST', '/auth/totp/setup', {});
    expect([again.status, again.body.error.code]).toEqual([409, 'secondFactor.alreadyOn']);

    const actions = (await t.conn.db.selectFrom('audit_entry').select('action').where('action', 'like', 'POST /auth/totp/%').orderBy('seq').execute()).map((e) => e.action);
    expect(actions).toEqual(['POST /auth/totp/setup', 'POST /auth/totp/confirm']);
  });

  it('replaces an earlier pending key when set up again: the first one no longer confirms', async () => {
    const first = (await as(t.cookie, 'POST', '/auth/totp/setup', {})).body.secret;
    const second = (await as(t.cookie, 'POST', '/auth/totp/setup', {})).body.secret;
    expect(second).not.toBe(first);
    expect((await as(t.cookie, 'POST', '/auth/totp/confirm', { code: codeOf(first) })).body.error.code).toBe('auth.codeInvalid');
    expect((await as(t.cookie, 'POST', '/auth/totp/confirm', { code: codeOf(second) })).status).toBe(204);
  });

  it('ends every other session of the account when turned on; the session that turned it on stays', async () => {
    // Signed in with the password alone elsewhere, perhaps by whoever else knows it.
    const elsewhere = (await signIn('hr', 'api-test-password')).cookie!.split(';')[0]!;
    const otherAccount = await signInAs(t, 'admin');
    const { secret } = (await as(t.cookie, 'POST', '/auth/totp/setup', {})).body;
    expect((await as(t.cookie, 'POST', '/auth/totp/confirm', { code: codeOf(secret, 5) })).status).toBe(403);
    expect((await as(elsewhere, 'GET', '/auth/me')).status, 'a refused confirmation ends nothing').toBe(200);

    expect((await as(t.cookie, 'POST', '/auth/totp/confirm', { code: codeOf(secret) })).status).toBe(204);
    const ended = await as(elsewhere, 'GET', '/auth/me');
    expect([ended.status, ended.body.error.code]).toEqual([401, 'auth.required']);
    expect((await as(elsewhere, 'GET', '/people')).status).toBe(401);
    expect((await as(t.cookie, 'GET', '/auth/me')).status).toBe(200);
    expect((await as(otherAccount, 'GET', '/auth/me')).status).toBe(200);
  });

  it('is offered to administrators and HR only: trainers and staff members get 403', async () => {
    for (const role of ['trainer', 'employee'] as const) {
      const cookie = await signInAs(t, role);
      for (const path of ['/auth/totp/setup', '/auth/totp/confirm', '/auth/totp/off']) {
        const res = await as(cookie, 'POST', path, path.endsWith('setup') ? {} : { code: '123456' });
        expect([res.status, res.body.error.code], `${role} ${path}`).toEqual([403, 'auth.forbidden']);
      }
    }
    for (const role of ['admin', 'hr_head'] as const) expect((await as(await signInAs(t, role), 'POST', '/auth/totp/setup', {})).status, role).toBe(200);
    expect((await as(null, 'POST', '/auth/totp/setup', {})).status).toBe(401);
  });
});

describe('signing in with a second factor', () => {
  it('asks for the code after the right password, starting no session without it, and takes a code once', async () => {
    const secret = await enrolHr();
    // A wrong password says only that, whatever the code: the code is asked for once the password is right.
    expect((await signIn('hr', 'wrong-password')).body.error.code).toBe('auth.invalidCredentials');
    const noCode = await signIn('hr', 'api-test-password');
    expect([noCode.status, noCode.body.error.code, noCode.cookie]).toEqual([401, 'auth.codeRequired', null]);
    expect(noCode.body.error.message).toMatch(/six-digit code/);
    const wrongCode = await signIn('hr', 'api-test-password', codeOf(secret, 7));
    expect([wrongCode.status, wrongCode.body.error.code, wrongCode.cookie]).toEqual([401, 'auth.codeInvalid', null]);

    // The code that confirmed the setup is used up already; the next step's is taken, once.
    const replayOfConfirm = await signIn('hr', 'api-test-password', codeOf(secret));
    expect([replayOfConfirm.status, replayOfConfirm.body.error.code, replayOfConfirm.cookie]).toEqual([401, 'auth.codeUsed', null]);
    t.setNow(new Date(START.getTime() + 30_000));
    const ok = await signIn('hr', 'api-test-password', codeOf(secret, 1));
    expect(ok.status).toBe(200);
    expect(ok.cookie).toMatch(/^b360_session=/);
    expect(ok.body.user.secondFactor).toBe(true);
    const replay = await signIn('hr', 'api-test-password', codeOf(secret, 1));
    expect([replay.status, replay.body.error.code, replay.cookie]).toEqual([401, 'auth.codeUsed', null]);
  });

  it('takes a code from one time step either side of the server’s clock, not two', async () => {
    const secret = await enrolHr();
    const at = new Date(START.getTime() + 10 * 60_000);
    t.setNow(at);
    for (const steps of [-2, 2]) expect((await signIn('hr', 'api-test-password', codeOf(secret, steps, at))).body.error.code, `${steps}`).toBe('auth.codeInvalid');
    // In increasing order: an accepted step refuses itself and every earlier one afterwards.
    for (const steps of [-1, 0, 1]) expect((await signIn('hr', 'api-test-password', codeOf(secret, steps, at))).status, `${steps}`).toBe(200);
    expect((await signIn('hr', 'api-test-password', codeOf(secret, 0, at))).body.error.code).toBe('auth.codeUsed');
    expect((await stored('hr')).totp_last_step).toBe(Math.floor(at.getTime() / 30_000) + 1);
  });

  it('counts missing and wrong codes toward the sign-in lock', async () => {
    const secret = await enrolHr();
    for (let i = 0; i < 5; i++) expect((await signIn('hr', 'api-test-password', String(100000 + i))).status).toBe(401);
    const locked = await signIn('hr', 'api-test-password', codeOf(secret, 1));
    expect([locked.status, locked.body.error.code, locked.cookie]).toEqual([429, 'auth.tooManyAttempts', null]);
  });
});

describe('turning it off', () => {
  it('needs a current, unused code from its owner', async () => {
    const secret = await enrolHr();
    const wrong = await as(t.cookie, 'POST', '/auth/totp/off', { code: codeOf(secret, 9) });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'auth.codeInvalid']);
    const used = await as(t.cookie, 'POST', '/auth/totp/off', { code: codeOf(secret) });
    expect([used.status, used.body.error.code]).toEqual([403, 'auth.codeUsed']);
    expect((await as(t.cookie, 'POST', '/auth/totp/off', { code: codeOf(secret, 1) })).status).toBe(204);
    expect(await stored('hr')).toMatchObject({ totp_secret: null, totp_pending: null, totp_last_step: null });
    expect((await signIn('hr', 'api-test-password')).status).toBe(200);
    const notOn = await as(t.cookie, 'POST', '/auth/totp/off', { code: codeOf(secret, 1) });
    expect([notOn.status, notOn.body.error.code]).toEqual([409, 'secondFactor.notOn']);
  });

  it('counts wrong codes toward the sign-in lock, so a session left open cannot guess its way to turning it off', async () => {
    const secret = await enrolHr();
    for (let i = 0; i < 5; i++) expect((await as(t.cookie, 'POST', '/auth/totp/off', { code: String(200000 + i) })).status).toBe(403);
    const locked = await as(t.cookie, 'POST', '/auth/totp/off', { code: codeOf(secret, 1) });
    expect([locked.status, locked.body.error.code]).toEqual([429, 'auth.tooManyAttempts']);
    expect((await signIn('hr', 'api-test-password', codeOf(secret, 1))).status).toBe(429);
    expect((await stored('hr')).totp_secret).not.toBeNull();
  });

  it('lets an administrator remove another account’s factor for a lost phone, audited; not their own, not the head of HR', async () => {
    await enrolHr();
    const admin = await signInAs(t, 'admin', 'root');
    const { id } = await stored('hr');
    const listed = (await as(admin, 'GET', '/accounts')).body.accounts.find((a: { login: string }) => a.login === 'hr');
    expect(listed.secondFactor).toBe(true);
    expect(JSON.stringify(listed)).not.toContain('v1.');

    const head = await signInAs(t, 'hr_head', 'boss');
    expect((await as(head, 'DELETE', `/accounts/${id}/totp`)).status).toBe(403);
    expect((await as(admin, 'DELETE', `/accounts/${id}/totp`)).status).toBe(204);
    expect((await signIn('hr', 'api-test-password')).status).toBe(200);
    const twice = await as(admin, 'DELETE', `/accounts/${id}/totp`);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'secondFactor.notOn']);
    const entry = await t.conn.db.selectFrom('audit_entry').selectAll().where('action', '=', 'DELETE /accounts/:id/totp').executeTakeFirstOrThrow();
    expect([entry.user_login, JSON.parse(entry.details!)]).toEqual(['root', { name: 'hr' }]);

    const { secret } = (await as(admin, 'POST', '/auth/totp/setup', {})).body;
    await as(admin, 'POST', '/auth/totp/confirm', { code: codeOf(secret) });
    const own = await as(admin, 'DELETE', `/accounts/${(await stored('root')).id}/totp`);
    expect([own.status, own.body.error.code]).toEqual([409, 'account.selfSecondFactor']);
  });

  it('goes with a change to a role that is not offered it', async () => {
    await enrolHr();
    const admin = await signInAs(t, 'admin', 'root');
    const { id } = await stored('hr');
    const kept = await as(admin, 'PUT', `/accounts/${id}`, { fullName: 'HR', role: 'hr_head', personId: null, canReadReports: false });
    expect(kept.body.account.secondFactor).toBe(true);
    const trainer = await as(admin, 'PUT', `/accounts/${id}`, { fullName: 'HR', role: 'trainer', personId: null, canReadReports: false });
    expect(trainer.body.account.secondFactor).toBe(false);
    expect((await signIn('hr', 'api-test-password')).status).toBe(200);
  });
});

it('keeps the factor when an administrator resets the password, and that reset ends every session', async () => {
  const secret = await enrolHr();
  const admin = await signInAs(t, 'admin', 'root');
  const { id } = await stored('hr');
  const { password } = (await as(admin, 'POST', `/accounts/${id}/password`)).body;
  expect((await as(t.cookie, 'GET', '/auth/me')).status).toBe(401);
  expect((await signIn('hr', password)).body.error.code).toBe('auth.codeRequired');
  expect((await signIn('hr', password, codeOf(secret, 1))).status).toBe(200);
});

describe('accounts without a second factor', () => {
  it('sign in with the password alone, as before, and a code they send is ignored', async () => {
    await createUser(t.conn.db, { login: 'trainer', fullName: 'T', role: 'trainer', password: 'trainer-password' });
    expect((await signIn('trainer', 'trainer-password')).status).toBe(200);
    expect((await signIn('trainer', 'trainer-password', '123456')).status).toBe(200);
    expect((await as(t.cookie, 'GET', '/auth/me')).body.user.secondFactor).toBe(false);
  });
});
