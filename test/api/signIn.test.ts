import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig, type AppConfig } from '../../server/config.ts';
import { createUser } from '../../server/services/accounts.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});

const login = (body: { login: string; password: string }, headers: Record<string, string> = {}) =>
  t.call('POST', '/auth/login', body, { cookie: null, headers });

describe('sessions', () => {
  it('sets an httpOnly, SameSite=Strict cookie for the whole site that expires after 12 hours; Secure only over HTTPS', async () => {
    const plain = (await login({ login: 'hr', password: 'api-test-password' })).headers.get('set-cookie')!;
    expect(plain).toMatch(/^b360_session=[\w-]{20,};/);
    expect(plain).toContain('HttpOnly');
    expect(plain).toContain('SameSite=Strict');
    expect(plain).toContain('Path=/');
    expect(plain).not.toContain('Secure');
    const expires = Date.parse(/Expires=([^;]+)/.exec(plain)![1]!);
    expect(Math.abs(expires - (Date.now() + 12 * 3600_000))).toBeLessThan(60_000);

    const proxied = (await login({ login: 'hr', password: 'api-test-password' }, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')!;
    expect(proxied).toContain('Secure');
    expect(proxied).toContain('HttpOnly');
  });

  it('refuses a session after sign-out, and one past its expiry', async () => {
    expect((await t.call('GET', '/auth/me')).status).toBe(200);
    expect((await t.call('POST', '/auth/logout')).status).toBe(204);
    expect((await t.call('GET', '/auth/me')).status).toBe(401);
    expect((await t.call('GET', '/people')).status).toBe(401);

    const again = await login({ login: 'hr', password: 'api-test-password' });
    const cookie = again.headers.get('set-cookie')!.split(';')[0]!;
    expect((await t.call('GET', '/auth/me', undefined, { cookie })).status).toBe(200);
    await t.conn.db.updateTable('user_session').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const expired = await t.call('GET', '/auth/me', undefined, { cookie });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.code).toBe('auth.required');
  });
});

describe('repeated failed sign-ins', () => {
  it('refuses a login for 15 minutes after 5 failures, with 429, Retry-After and when to retry, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login({ login: 'hr', password: `guess-${i}` })).status).toBe(401);
    const refused = await login({ login: 'hr', password: 'api-test-password' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(refused.headers.get('set-cookie')).toBeNull();
    const { error } = await refused.json();
    expect(error).toMatchObject({ code: 'auth.tooManyAttempts', details: { minutes: 15, retryAt: '2025-12-15T06:15:00.000Z' } });
    expect(error.message).toBe('Too many failed sign-in attempts. Try again in 15 min.');

    t.setNow(new Date('2025-12-15T06:10:30Z'));
    const later = await login({ login: 'hr', password: 'api-test-password' });
    expect(later.headers.get('retry-after')).toBe('270');
    expect((await later.json()).error.details.minutes).toBe(5);

    t.setNow(new Date('2025-12-15T06:15:00Z'));
    expect((await login({ login: 'hr', password: 'api-test-password' })).status).toBe(200);
  });

  it('answers alike for a login that does not exist, so the refusal reveals nothing', async () => {
    const answers = async (name: string) => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await login({ login: name, password: 'wrong' })).status);
      const last = await login({ login: name, password: 'wrong' });
      return { statuses, last: last.status, retryAfter: last.headers.get('retry-after'), body: await last.json() };
    };
    expect(await answers('nobody-here')).toEqual(await answers('hr'));
  });

  it('starts counting afresh after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await login({ login: 'hr', password: 'wrong' });
    expect((await login({ login: 'hr', password: 'api-test-password' })).status).toBe(200);
    for (let i = 0; i < 4; i++) await login({ login: 'hr', password: 'wrong' });
    expect((await login({ login: 'hr', password: 'api-test-password' })).status).toBe(200);
  });

  it('locks the address after 30 failures over many logins; X-Forwarded-For is not believed without TRUST_PROXY', async () => {
    await createUser(t.conn.db, { login: 'someone', fullName: 'Someone', role: 'hr', password: 'someone-password' });
    for (let i = 0; i < 30; i++) {
      const res = await login({ login: `spray-${i}`, password: 'wrong' }, { 'x-forwarded-for': `198.51.100.${i}` });
      expect(res.status).toBe(401);
    }
    const res = await login({ login: 'someone', password: 'someone-password' }, { 'x-forwarded-for': '203.0.113.1' });
    expect(res.status).toBe(429);
  }, 30_000);

  it('locks the address at 30 failures even when its guesser signs into their own account between guesses', async () => {
    await createUser(t.conn.db, { login: 'guesser', fullName: 'Guesser', role: 'hr', password: 'guesser-password' });
    const victims = ['hr', ...Array.from({ length: 9 }, (_, i) => `colleague-${i}`)];
    for (let i = 0; i < 30; i++) {
      // Three guesses at each of ten logins, under the 5 that lock a login; the guesser's own account in between.
      expect((await login({ login: victims[i % victims.length]!, password: `guess-${i}` })).status).toBe(401);
      expect((await login({ login: 'guesser', password: 'guesser-password' })).status, `own sign-in after guess ${i + 1}`).toBe(i === 29 ? 429 : 200);
    }
    expect((await login({ login: 'colleague-0', password: 'guess-30' })).status).toBe(429);
  }, 30_000);
});

describe('cross-site request forgery', () => {
  it('refuses a state-changing request from another site, or with no Origin, before anything is written', async () => {
    const unit = { name: 'Forged unit', parentId: null };
    for (const [origin, fetchSite] of [['https://evil.example', undefined], [null, undefined], [null, 'cross-site'], ['http://b360.test.evil.example', undefined], ['null', undefined]] as const) {
      const res = await t.call('POST', '/units', unit, { origin, headers: fetchSite ? { 'sec-fetch-site': fetchSite } : {} });
      expect(res.status, `${origin} ${fetchSite}`).toBe(403);
      const { error } = await res.json();
      expect(error.code).toBe('csrf');
      expect(error.message).toMatch(/did not come from the application’s own pages/);
    }
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await t.call(method, '/units/some-id', unit, { origin: 'https://evil.example' })).status).toBe(403);
    }
    expect((await t.call('POST', '/auth/logout', undefined, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await t.call('GET', '/auth/me', undefined, { origin: 'https://evil.example' })).status).toBe(200);
    expect((await t.call('GET', '/units', undefined, { origin: null })).status).toBe(200);
    expect((await t.json('GET', '/units')).body.units).toEqual([]);
  });

  it('accepts its own origin, and a browser that leaves Origin out but says Sec-Fetch-Site: same-origin', async () => {
    expect((await t.call('POST', '/units', { name: 'A', parentId: null })).status).toBe(201);
    expect((await t.call('POST', '/units', { name: 'B', parentId: null }, { origin: null, headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(201);
  });

  it('refuses a forged sign-in, and a forged staff-list upload sent as a form', async () => {
    const forgedLogin = await t.call('POST', '/auth/login', { login: 'hr', password: 'api-test-password' }, { cookie: null, origin: 'https://evil.example' });
    expect(forgedLogin.status).toBe(403);
    expect(forgedLogin.headers.get('set-cookie')).toBeNull();

    const form = new FormData();
    form.append('file', new Blob(['fullName,position\nA,B\n'], { type: 'text/csv' }), 'staff.csv');
    const request = new Request('http://b360.test/', { method: 'POST', body: form });
    const body = new Uint8Array(await request.arrayBuffer());
    const contentType = request.headers.get('content-type')!;
    for (const path of ['/staff-import/preview', '/staff-import/apply']) {
      const res = await t.call('POST', path, undefined, { raw: body, contentType, origin: 'https://evil.example', headers: { 'sec-fetch-site': 'cross-site' } });
      expect(res.status, path).toBe(403);
      expect((await res.json()).error.code).toBe('csrf');
      expect((await t.call('POST', path, undefined, { raw: body, contentType, origin: null })).status, path).toBe(403);
    }
    expect((await t.json('GET', '/people')).body.people).toEqual([]);
  });

  it('leaves respondents’ links to their tokens: /api/respond takes requests without Origin', async () => {
    const res = await t.call('POST', '/respond/open', { token: 'x'.repeat(43) }, { cookie: null, origin: 'https://elsewhere.example' });
    expect(res.status).not.toBe(403);
  });
});

describe('behind a reverse proxy', () => {
  const forwarded = { origin: 'https://b360.example.kz', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'b360.example.kz' };
  const logout = (config: Partial<AppConfig>) => {
    const app = createApp({ conn: t.conn, config: { ...loadConfig({ DATA_DIR: '/tmp' }), ...config }, now: () => new Date() }, { staticDir: null });
    return app.request('http://10.0.0.5:8080/api/auth/logout', { method: 'POST', headers: config.publicUrl ? { origin: config.publicUrl } : forwarded });
  };

  it('believes the forwarded origin only with TRUST_PROXY, and always accepts PUBLIC_URL’s', async () => {
    expect((await logout({ trustProxy: false })).status).toBe(403);
    expect((await logout({ trustProxy: true })).status).toBe(204);
    expect((await logout({ publicUrl: 'https://360.gov.example.kz' })).status).toBe(204);
  });

  it('reads TRUST_PROXY as 0 or 1, off by default', () => {
    expect(loadConfig({ DATA_DIR: '/tmp' }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: '/tmp', TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(() => loadConfig({ DATA_DIR: '/tmp', TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});
