import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { auditActionKey } from '../../shared/audit/auditActions.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { signInAs } from '../support/signIn.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { connectFresh } from '../support/testDatabase.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});

const signIn = (role: 'admin' | 'hr_head', login: string) => signInAs(t, role, login);

const readLog = async (cookie: string, query = '') => {
  const res = await t.call('GET', `/audit${query}`, undefined, { cookie });
  return { status: res.status, body: await res.json() };
};

describe('audit log of staff actions', () => {
  it('records who did what to which record, newest first, and only what succeeded', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const refused = await t.json('POST', '/people', { fullName: '', position: 'x', unitId: head.unitId, category: 'E-4' });
    expect(refused.status).toBe(400);
    await openCampaignWith(t, head.id, employees.map((p: { id: string }) => p.id));

    const log = await readLog(await signIn('hr_head', 'head.of.hr'));
    expect(log.status).toBe(200);
    const actions = (log.body.entries as Array<{ action: string; userLogin: string }>).map((e) => e.action);
    expect(actions.slice(0, 8)).toEqual([
      'POST /auth/login',
      'POST /campaigns/:id/links',
      'POST /campaigns/:id/open',
      'PUT /campaigns/:id/evaluations/:eid/respondents',
      'POST /campaigns/:id/evaluations',
      'POST /campaigns',
      'POST /people',
      'POST /people',
    ]);
    // Four people were added (the refused one is not there), one unit, one sign-in of the HR officer.
    expect(actions.filter((a) => a === 'POST /people')).toHaveLength(4);
    expect(actions.filter((a) => a === 'POST /units')).toHaveLength(1);
    const open = log.body.entries.find((e: { action: string }) => e.action === 'POST /campaigns/:id/open');
    expect(open.userLogin).toBe('hr');
    expect(open.target).toEqual({ id: expect.any(String) });
    const person = log.body.entries.find((e: { action: string }) => e.action === 'POST /people');
    // Who set the manager is kept, by name (issue 11).
    expect(person.details).toEqual({ name: 'Қызметкер 3', changes: [{ field: 'manager', before: null, after: 'Бастық Ерлан' }] });
  });

  it('never records a respondent: answering leaves no entry and no token or answer in the log', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const { links } = await openCampaignWith(t, head.id, employees.map((p: { id: string }) => p.id));
    const before = await t.conn.db.selectFrom('audit_entry').select('seq').execute();
    const answered = await t.call('POST', '/respond/submit', { token: tokenOf(links[1]!.url), answers: fullAnswers('head', () => 4) }, { cookie: null });
    expect(answered.status).toBe(201);
    const after = await t.conn.db.selectFrom('audit_entry').selectAll().execute();
    expect(after).toHaveLength(before.length);
    const dump = JSON.stringify(after);
    for (const link of links) expect(dump).not.toContain(tokenOf(link.url));
    expect(dump).not.toContain('head.activity_management');
  });

  it('is readable by the head of HR and the administrator only', async () => {
    expect((await readLog(t.cookie)).status).toBe(403);
    expect((await readLog(t.cookie)).body.error.code).toBe('auth.forbidden');
    expect((await readLog(await signIn('admin', 'root'))).status).toBe(200);
    const anonymous = await t.call('GET', '/audit', undefined, { cookie: null });
    expect(anonymous.status).toBe(401);
  });

  it('pages and filters, and refuses bad query parameters', async () => {
    await seedUnit(t, 6);
    const cookie = await signIn('hr_head', 'head.of.hr');
    const first = await readLog(cookie, '?limit=3&user=hr');
    expect(first.body.entries).toHaveLength(3);
    expect(first.body.entries.every((e: { userLogin: string }) => e.userLogin === 'hr')).toBe(true);
    const second = await readLog(cookie, `?limit=3&user=hr&before=${first.body.next}`);
    expect(second.body.entries[0].seq).toBeLessThan(first.body.entries[2].seq);
    const people = await readLog(cookie, `?action=${encodeURIComponent('POST /people')}`);
    expect(people.body.entries).toHaveLength(7);
    const bad = await readLog(cookie, '?limit=100000');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('limit');
    // Beyond PostgreSQL's integer: refused as input rather than failing in the database.
    const huge = await readLog(cookie, '?before=3000000000');
    expect(huge.status).toBe(400);
    expect(huge.body.error.issues[0].path).toBe('before');
  });

  it('names every state-changing staff route, so the log reads as sentences', async () => {
    const conn = await connectFresh();
    const app = createApp({ conn, config: loadConfig({ DATA_DIR: '/tmp' }), now: () => new Date() }, { staticDir: null });
    const changing = [...new Set(app.routes
      .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.path.startsWith('/api/') && !r.path.startsWith('/api/respond/'))
      .map((r) => `${r.method} ${r.path.replace(/^\/api/, '')}`))];
    expect(changing.length).toBeGreaterThan(10);
    expect(changing.filter((a) => !auditActionKey(a))).toEqual([]);
    await conn.db.destroy();
  });
});
