import { beforeEach, describe, expect, it } from 'vitest';
import { fullAnswers, issueLinks, seedUnit, tokenOf } from '../support/fixtures.ts';
import { signInAs } from '../support/signIn.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

/*
 * Issue 11, attack 4: no one gains report rights by editing data they control. An administrator (who reads no
 * results) links their own account to a unit head's staff record and reads that head's subordinates' reports as
 * "evaluator"; an HR officer without the report grant, once linked to a staff record, makes themselves someone's
 * direct manager, adds them to a campaign and reads their report. Both changes must show in the audit log.
 */

let t: TestApp;
let unit: { id: string; name: string };
let head: { id: string; fullName: string };
let employees: Array<{ id: string; fullName: string }>;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  ({ unit, head, employees } = await seedUnit(t, 4));
  admin = await signInAs(t, 'admin');
});

const as = (cookie: string) => ({
  json: async (method: string, path: string, body?: unknown) => {
    const res = await t.call(method, path, body, { cookie });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  },
});

/** Evaluates `evaluated` in a campaign answered by three respondents (links handed out by the distributor), `between` run while it is open, then closed. */
async function closedCampaign(evaluated: string, respondents: string[], between: () => Promise<void> = async () => {}) {
  const campaignId = (await t.json('POST', '/campaigns', { name: '360 2025', year: 2025 })).body.id as string;
  const [evaluationId] = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [evaluated] })).body.ids as string[];
  expect((await t.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents: respondents.map((personId) => ({ personId, relation: 'peer' })) })).status).toBe(204);
  expect((await t.json('POST', `/campaigns/${campaignId}/open`)).status).toBe(204);
  for (const link of await issueLinks(t, campaignId)) {
    expect((await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers('employee', () => 4) }, { cookie: null })).status).toBe(201);
  }
  await between();
  expect((await t.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
  return evaluationId!;
}

const readAs = async (cookie: string, evaluationId: string) => (await as(cookie).json('GET', `/evaluations/${evaluationId}/report`)).status;
const myReports = async (cookie: string) => ((await as(cookie).json('GET', '/my/reports')).body.reports as Array<{ evaluationId: string; access: string }>);
const lastAuditOf = async (action: string) => {
  const entries = (await as(admin).json('GET', `/audit?action=${encodeURIComponent(action)}`)).body.entries as Array<{ details: { changes?: unknown } | null }>;
  return entries[0]!;
};

/** A person as PUT /people takes them, with `managerId`. */
const personBody = (p: { fullName: string }, managerId: string | null) => ({ fullName: p.fullName, position: 'Маман', unitId: unit.id, category: 'E-4', managerId, email: null });

describe('no one gains report rights by editing data they control (issue 11)', () => {
  it('gives the administrator no report after linking their own account to a unit head, and the audit log shows the link', async () => {
    const evaluationId = await closedCampaign(employees[0]!.id, [employees[1]!.id, employees[2]!.id, employees[3]!.id]);
    const { selfId } = (await as(admin).json('GET', '/accounts')).body as { selfId: string };
    const linked = await as(admin).json('PUT', `/accounts/${selfId}`, { fullName: 'Administrator', role: 'admin', personId: head.id, canReadReports: false });
    expect(linked.status).toBe(200);
    expect(await readAs(admin, evaluationId)).toBe(403);
    expect(await myReports(admin)).toEqual([]);
    expect((await lastAuditOf('PUT /accounts/:id')).details?.changes).toEqual([{ field: 'staffRecord', before: null, after: head.fullName }]);
    // A head of unit's own account, linked by the administrator, does read it: the evaluator (§2, §21).
    const boss = await signInAs(t, 'employee', 'boss');
    const bossId = ((await as(admin).json('GET', '/accounts')).body.accounts as Array<{ id: string; login: string }>).find((a) => a.login === 'boss')!.id;
    await as(admin).json('PUT', `/accounts/${selfId}`, { fullName: 'Administrator', role: 'admin', personId: null, canReadReports: false });
    expect((await as(admin).json('PUT', `/accounts/${bossId}`, { fullName: 'Boss', role: 'employee', personId: head.id, canReadReports: false })).status).toBe(200);
    expect(await readAs(boss, evaluationId)).toBe(200);
  });

  it('gives an HR officer who made themselves someone’s manager no report, and the audit log shows the change', async () => {
    // An HR officer without the grant, whose account the administrator linked to a staff record of theirs.
    const officer = await signInAs(t, 'hr', 'officer');
    const own = (await t.json('POST', '/people', { fullName: 'Офицер Кадр', position: 'Маман', unitId: unit.id, category: 'E-3', managerId: head.id, email: null })).body.person;
    const officerId = ((await as(admin).json('GET', '/accounts')).body.accounts as Array<{ id: string; login: string }>).find((a) => a.login === 'officer')!.id;
    expect((await as(admin).json('PUT', `/accounts/${officerId}`, { fullName: 'Officer', role: 'hr', personId: own.id, canReadReports: false })).status).toBe(200);
    // The officer makes themselves employee 1's manager, then runs the campaign.
    expect((await as(officer).json('PUT', `/people/${employees[0]!.id}`, personBody(employees[0]!, own.id))).status).toBe(200);
    expect((await lastAuditOf('PUT /people/:id')).details?.changes).toEqual([{ field: 'manager', before: head.fullName, after: own.fullName }]);
    const evaluationId = await closedCampaign(employees[0]!.id, [employees[1]!.id, employees[2]!.id, employees[3]!.id]);
    expect(await readAs(officer, evaluationId)).toBe(403);
    expect(await myReports(officer)).toEqual([]);

    // Had someone else made them the manager, they would be the evaluator.
    expect((await t.json('PUT', `/people/${employees[1]!.id}`, personBody(employees[1]!, own.id))).status).toBe(200);
    const other = await closedCampaign(employees[1]!.id, [employees[0]!.id, employees[2]!.id, employees[3]!.id]);
    expect(await readAs(officer, other)).toBe(200);
    expect((await myReports(officer)).map((r) => [r.evaluationId, r.access])).toEqual([[other, 'evaluator']]);
  });

  it('fixes the evaluator when the campaign opens: a manager set afterwards reads nothing', async () => {
    const boss = await signInAs(t, 'employee', 'boss');
    const newcomer = await signInAs(t, 'employee', 'newcomer');
    const accounts = (await as(admin).json('GET', '/accounts')).body.accounts as Array<{ id: string; login: string }>;
    const idOf = (login: string) => accounts.find((a) => a.login === login)!.id;
    const newManager = (await t.json('POST', '/people', { fullName: 'Жаңа Басшы', position: 'Бастық', unitId: unit.id, category: 'E-2', managerId: null, email: null })).body.person;
    await as(admin).json('PUT', `/accounts/${idOf('boss')}`, { fullName: 'Boss', role: 'employee', personId: head.id, canReadReports: false });
    await as(admin).json('PUT', `/accounts/${idOf('newcomer')}`, { fullName: 'Newcomer', role: 'employee', personId: newManager.id, canReadReports: false });
    const evaluationId = await closedCampaign(employees[0]!.id, [employees[1]!.id, employees[2]!.id, employees[3]!.id], async () => {
      expect((await t.json('PUT', `/people/${employees[0]!.id}`, personBody(employees[0]!, newManager.id))).status).toBe(200);
    });
    expect(await readAs(newcomer, evaluationId)).toBe(403);
    expect(await readAs(boss, evaluationId)).toBe(200);
  });
});
