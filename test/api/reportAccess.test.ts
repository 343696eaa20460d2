import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createUser } from '../../server/services/accounts.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let evaluationId: string;
let campaignId: string;
let head: { id: string };
let employees: Array<{ id: string }>;

/** Signs in an account of the role, optionally belonging to a staff member; returns its cookie. */
async function account(login: string, role: 'admin' | 'hr_head' | 'hr' | 'trainer' | 'employee', personId: string | null = null) {
  await createUser(t.conn.db, { login, fullName: login, role, password: 'long-password-1', personId });
  const res = await t.call('POST', '/auth/login', { login, password: 'long-password-1' }, { cookie: null });
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

const read = async (cookie: string) => {
  const res = await t.call('GET', `/evaluations/${evaluationId}/report`, undefined, { cookie });
  return { status: res.status, body: await res.json() };
};

beforeEach(async () => {
  t = await createTestApp();
  ({ head, employees } = await seedUnit(t, 4));
  // Employee 1 is evaluated; the head is their direct manager, so their evaluator.
  const opened = await openCampaignWith(t, employees[0]!.id, [head.id, employees[1]!.id, employees[2]!.id]);
  ({ evaluationId, campaignId } = opened);
  for (const link of opened.links) {
    await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers('employee', () => 4) }, { cookie: null });
  }
  await t.json('POST', `/campaigns/${campaignId}/close`);
});

describe('who may read a report (§21)', () => {
  it('opens it to the evaluated person, the evaluator, the head of HR and a granted HR officer', async () => {
    expect((await read(await account('aigerim', 'employee', employees[0]!.id))).body.access).toBe('own');
    expect((await read(await account('boss', 'employee', head.id))).body.access).toBe('evaluator');
    expect((await read(await account('hrhead', 'hr_head'))).body.access).toBe('hrHead');
    const granted = await read(t.cookie);
    expect(granted.status).toBe(200);
    expect(granted.body.access).toBe('granted');
    expect(granted.body.report.status).toBe('ready');
  });

  it('refuses a colleague, a trainer, the administrator and an HR officer without the grant, saying why', async () => {
    for (const cookie of [
      await account('colleague', 'employee', employees[3]!.id),
      await account('trainer', 'trainer'),
      await account('root', 'admin'),
      await account('hr2', 'hr'),
    ]) {
      const refused = await read(cookie);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('report.forbidden');
      expect(refused.body.error.message).toMatch(/confidential/);
    }
  });

  it('opens it to the participants of a calibration session it was put before, and to no other', async () => {
    const member = await account('member', 'employee', employees[3]!.id);
    expect((await read(member)).status).toBe(403);
    const user = await t.conn.db.selectFrom('app_user').select('id').where('login', '=', 'member').executeTakeFirstOrThrow();
    await t.conn.db.insertInto('calibration_session').values({ id: 's1', campaign_id: campaignId, title: 'Калибрлеу', created_at: new Date().toISOString() }).execute();
    await t.conn.db.insertInto('calibration_member').values({ session_id: 's1', user_id: user.id }).execute();
    expect((await read(member)).status).toBe(403);
    await t.conn.db.insertInto('calibration_report').values({ session_id: 's1', evaluation_id: evaluationId }).execute();
    expect((await read(member)).body.access).toBe('calibration');
  });

  it('writes every reading to the audit log, with the reason it was allowed', async () => {
    await read(await account('aigerim', 'employee', employees[0]!.id));
    await read(await account('colleague', 'employee', employees[3]!.id));
    const entries = await t.conn.db.selectFrom('audit_entry').selectAll().where('action', '=', 'GET /evaluations/:eid/report').execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.user_login).toBe('aigerim');
    expect(JSON.parse(entries[0]!.details!)).toEqual({ name: 'Қызметкер 1', access: 'own' });
  });

  it('lists for a staff member the reports they may read: their own and those they evaluate', async () => {
    const boss = await account('boss', 'employee', head.id);
    const res = await t.call('GET', '/my/reports', undefined, { cookie: boss });
    const { reports } = await res.json();
    expect(reports.map((r: { evaluationId: string; access: string }) => [r.evaluationId, r.access])).toEqual([[evaluationId, 'evaluator']]);
    const other = await t.call('GET', '/my/reports', undefined, { cookie: await account('colleague', 'employee', employees[3]!.id) });
    expect((await other.json()).reports).toEqual([]);
  });
});

describe('HR screens are HR’s', () => {
  it('refuses every staff-list, campaign and calendar route to trainers and staff members’ own accounts', async () => {
    const app = createApp({ conn: t.conn, config: loadConfig({ DATA_DIR: '/tmp' }), now: () => new Date() }, { staticDir: null });
    // Training needs decide per viewer what a trainer sees (test/api/training.test.ts refuses staff accounts).
    const training = ['/api/training', '/api/training/:campaignId', '/api/training/:campaignId/groups', '/api/training/:campaignId/groups/:competencyId', '/api/training/:campaignId/export', '/api/training/:campaignId/releases', '/api/training/:campaignId/releases/:releaseId'];
    // Signing in and out and one's own password are every account's; the second factor is swept (HR and administrators only).
    const ownAccount = ['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/auth/password'];
    const open = new Set(['/api/my/reports', '/api/evaluations/:eid/report', '/api/evaluations/:eid/report.pdf', '/api/audit', ...training, ...ownAccount]);
    const routes = [...new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.startsWith('/api/respond/') && !open.has(r.path)).map((r) => `${r.method} ${r.path}`))];
    expect(routes).toEqual(expect.arrayContaining(['POST /api/auth/totp/setup', 'POST /api/auth/totp/off', 'DELETE /api/accounts/:id/totp']));
    expect(routes.length).toBeGreaterThan(25);
    for (const role of ['trainer', 'employee'] as const) {
      const cookie = await account(`${role}-sweep`, role);
      for (const route of routes) {
        const [method, path] = route.split(' ') as [string, string];
        const url = path.replace('/api', '').replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
        const res = await t.call(method, url, method === 'GET' || method === 'DELETE' ? undefined : {}, { cookie });
        expect(res.status, `${role} ${route}`).toBe(403);
      }
    }
  });
});
