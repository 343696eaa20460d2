import { beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../server/services/accounts.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { signInAs } from '../support/signIn.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let campaignId: string;
let first: string;
let second: string;
let member: string;
let memberId: string;

const as = async (cookie: string, method: string, path: string, body?: unknown) => {
  const res = await t.call(method, path, body, { cookie });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
};
const reads = async (cookie: string, evaluationId: string) => (await t.call('GET', `/evaluations/${evaluationId}/report`, undefined, { cookie })).status;

beforeEach(async () => {
  t = await createTestApp();
  const { head, employees } = await seedUnit(t, 5);
  // Two evaluated persons in one campaign, each with three answers.
  const opened = await openCampaignWith(t, employees[0]!.id, [head.id, employees[1]!.id, employees[2]!.id]);
  campaignId = opened.campaignId;
  first = opened.evaluationId;
  [second] = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [employees[1]!.id] })).body.ids;
  await t.json('PUT', `/campaigns/${campaignId}/evaluations/${second}/respondents`, {
    respondents: [head.id, employees[0]!.id, employees[2]!.id].map((personId) => ({ personId, relation: 'peer' })),
  });
  const links = [...opened.links, ...(await t.json('POST', `/campaigns/${campaignId}/links`, {})).body.links];
  for (const link of links) await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers('employee', () => 3) }, { cookie: null });
  await t.json('POST', `/campaigns/${campaignId}/close`);
  // A colleague from another part of the unit sits on the session.
  await createUser(t.conn.db, { login: 'member', fullName: 'Member', role: 'employee', password: 'member-password', personId: employees[4]!.id });
  member = (await t.call('POST', '/auth/login', { login: 'member', password: 'member-password' }, { cookie: null })).headers.get('set-cookie')!.split(';')[0]!;
  memberId = (await t.conn.db.selectFrom('app_user').select('id').where('login', '=', 'member').executeTakeFirstOrThrow()).id;
});

describe('calibration sessions (§38–43)', () => {
  it('let participants read exactly the reports put before them; removing either removes the access', async () => {
    expect(await reads(member, first)).toBe(403);
    const created = await t.json('POST', `/campaigns/${campaignId}/calibrations`, { title: 'Сессия 1', memberIds: [memberId], evaluationIds: [first] });
    expect(created.status).toBe(201);
    const sid = created.body.id;
    expect(await reads(member, first)).toBe(200);
    expect(await reads(member, second)).toBe(403);
    expect((await as(member, 'GET', '/auth/me')).body.user.calibrating).toBe(true);
    const mine = (await as(member, 'GET', '/my/reports')).body.reports;
    expect(mine.map((r: { evaluationId: string; access: string }) => [r.evaluationId, r.access])).toEqual([[first, 'calibration']]);

    const listed = await t.json('GET', `/campaigns/${campaignId}/calibrations`);
    expect(listed.body.sessions).toHaveLength(1);
    expect(listed.body.sessions[0]).toMatchObject({ title: 'Сессия 1', members: [{ userId: memberId, login: 'member' }], reports: [{ evaluationId: first, fullName: 'Қызметкер 1' }] });
    expect(listed.body.accounts.map((a: { login: string }) => a.login)).toContain('member');

    // The report is taken off the session: the participant can no longer read it.
    expect((await t.json('PUT', `/campaigns/${campaignId}/calibrations/${sid}`, { title: 'Сессия 1', memberIds: [memberId], evaluationIds: [second] })).status).toBe(204);
    expect(await reads(member, first)).toBe(403);
    expect(await reads(member, second)).toBe(200);
    // The participant is taken off: nothing is readable.
    await t.json('PUT', `/campaigns/${campaignId}/calibrations/${sid}`, { title: 'Сессия 1', memberIds: [], evaluationIds: [second] });
    expect(await reads(member, second)).toBe(403);
    expect((await as(member, 'GET', '/auth/me')).body.user.calibrating).toBe(false);
    // And deleting the session removes it for good.
    await t.json('PUT', `/campaigns/${campaignId}/calibrations/${sid}`, { title: 'Сессия 1', memberIds: [memberId], evaluationIds: [second] });
    expect(await reads(member, second)).toBe(200);
    expect((await t.json('DELETE', `/campaigns/${campaignId}/calibrations/${sid}`)).status).toBe(204);
    expect(await reads(member, second)).toBe(403);
    expect(await t.conn.db.selectFrom('calibration_member').selectAll().execute()).toEqual([]);

    const actions = (await t.conn.db.selectFrom('audit_entry').select(['action', 'details']).where('action', 'like', '%calibrations%').orderBy('seq').execute());
    expect(actions.map((a) => a.action)).toEqual([
      'POST /campaigns/:id/calibrations',
      'PUT /campaigns/:id/calibrations/:sid',
      'PUT /campaigns/:id/calibrations/:sid',
      'PUT /campaigns/:id/calibrations/:sid',
      'DELETE /campaigns/:id/calibrations/:sid',
    ]);
    expect(JSON.parse(actions[0]!.details!)).toEqual({ name: 'Сессия 1', count: 1 });
  });

  it('are run by the head of HR and granted HR officers only', async () => {
    const head = await signInAs(t, 'hr_head', 'boss');
    expect((await as(head, 'POST', `/campaigns/${campaignId}/calibrations`, { title: 'S' })).status).toBe(201);
    for (const [role, login] of [['hr', 'plain-hr'], ['admin', 'root']] as const) {
      const cookie = await signInAs(t, role, login);
      const refused = await as(cookie, 'GET', `/campaigns/${campaignId}/calibrations`);
      expect([refused.status, refused.body.error.code], role).toEqual([403, 'calibration.forbidden']);
      expect((await as(cookie, 'POST', `/campaigns/${campaignId}/calibrations`, { title: 'S' })).status).toBe(403);
    }
    for (const role of ['trainer', 'employee'] as const) {
      expect((await as(await signInAs(t, role), 'GET', `/campaigns/${campaignId}/calibrations`)).status).toBe(403);
    }
  });

  it('take only this campaign’s reports and existing accounts, and change only while the campaign is closed', async () => {
    const otherCampaign = (await t.json('POST', '/campaigns', { name: 'Other', year: 2024 })).body.id;
    const [foreign] = (await t.json('POST', `/campaigns/${otherCampaign}/evaluations`, { personIds: [(await t.json('GET', '/people')).body.people[0].id] })).body.ids;
    const wrong = await t.json('POST', `/campaigns/${campaignId}/calibrations`, { title: 'S', evaluationIds: [foreign] });
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'calibration.evaluationNotInCampaign']);
    const ghost = await t.json('POST', `/campaigns/${campaignId}/calibrations`, { title: 'S', memberIds: ['00000000-0000-4000-8000-000000000000'] });
    expect([ghost.status, ghost.body.error.code]).toEqual([422, 'calibration.accountNotFound']);
    const early = await t.json('POST', `/campaigns/${otherCampaign}/calibrations`, { title: 'S' });
    expect([early.status, early.body.error.code]).toEqual([409, 'calibration.notClosed']);
    const untitled = await t.json('POST', `/campaigns/${campaignId}/calibrations`, { title: ' ' });
    expect(untitled.body.error.issues[0].path).toBe('title');
    expect(await t.conn.db.selectFrom('calibration_session').selectAll().execute()).toEqual([]);

    const { id } = (await t.json('POST', `/campaigns/${campaignId}/calibrations`, { title: 'S', memberIds: [memberId], evaluationIds: [first] })).body;
    await t.json('POST', `/campaigns/${campaignId}/archive`);
    expect((await t.json('PUT', `/campaigns/${campaignId}/calibrations/${id}`, { title: 'T' })).body.error.code).toBe('calibration.notClosed');
    expect((await t.json('GET', `/campaigns/${campaignId}/calibrations`)).body.sessions).toHaveLength(1);
    // Archived reports stay readable by the session's participants.
    expect(await reads(member, first)).toBe(200);
  });
});
