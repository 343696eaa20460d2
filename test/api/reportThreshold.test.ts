import { beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../server/services/accounts.ts';
import { openWithRelations, type Assigned } from '../support/campaignWithRelations.ts';
import { fullAnswers, issueLinks, seedUnit, tokenOf } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// No Chromium here: a report that passes the threshold reaches the printer and gets 503, one under it never does.
const NO_CHROMIUM = '/nonexistent/chromium';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ chromiumPath: NO_CHROMIUM });
});

/** The evaluated person's own account, signed in. */
async function ownAccount(personId: string): Promise<string> {
  await createUser(t.conn.db, { login: 'evaluated', fullName: 'Evaluated', role: 'employee', password: 'evaluated-password', personId });
  const res = await t.call('POST', '/auth/login', { login: 'evaluated', password: 'evaluated-password' }, { cookie: null });
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/**
 * One closed campaign: four employees evaluated by the same three colleagues; evaluation k (0 to 3) received k
 * of their answers, and each a self-assessment.
 * Respondents answer 2 everywhere, self-assessments 5: a self mark that showed up would be recognisable.
 */
async function closedWithAnswerCounts() {
  const { unit, employees } = await seedUnit(t, 7);
  const ids: string[] = employees.map((p: { id: string }) => p.id);
  const campaignId = (await t.json('POST', '/campaigns', { name: '360 2025', year: 2025 })).body.id as string;
  const evaluations = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: ids.slice(0, 4) })).body.ids as string[];
  for (const evaluationId of evaluations) {
    const set = await t.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents: ids.slice(4, 7).map((personId) => ({ personId, relation: 'peer' })) });
    expect(set.status).toBe(204);
  }
  expect((await t.json('POST', `/campaigns/${campaignId}/open`)).status).toBe(204);
  const links = await issueLinks(t, campaignId);
  for (const [k, evaluated] of employees.slice(0, 4).entries()) {
    const own = links.filter((l) => l.evaluatedName === evaluated.fullName);
    const answering = [...own.filter((l) => l.relation !== 'self').slice(0, k), own.find((l) => l.relation === 'self')!];
    for (const link of answering) {
      const res = await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers('employee', () => (link.relation === 'self' ? 5 : 2)) }, { cookie: null });
      expect(res.status).toBe(201);
    }
  }
  expect((await t.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
  return { unitId: unit.id as string, campaignId, evaluations, people: employees.slice(0, 4).map((p: { id: string }) => p.id) as string[] };
}

describe('a report opens only with at least 3 answers besides the self-assessment', () => {
  it('shows 0, 1 or 2 answers and a self-assessment as a count and nothing else, to HR and to the evaluated person', async () => {
    const { evaluations, people } = await closedWithAnswerCounts();
    for (const k of [0, 1, 2]) {
      const own = await ownAccount(people[k]!);
      for (const cookie of [t.cookie, own]) {
        const res = await t.call('GET', `/evaluations/${evaluations[k]}/report`, undefined, { cookie });
        expect(res.status).toBe(200);
        const body = await res.json();
        expect(body.report).toEqual({ status: 'insufficient', formKey: 'employee', responseCount: k, required: 3 });
        expect(body.analysis).toBeNull();
        expect(body.change).toBeNull();
        // No mark of anyone, the self-assessment's included: the only numbers are the year, the count and the minimum.
        expect(JSON.stringify(body)).not.toMatch(/score|overall|self|"mean"/);
      }
      await t.conn.db.deleteFrom('app_user').where('login', '=', 'evaluated').execute();
    }
  });

  it('refuses the PDF of 0, 1 or 2 answers with reportPdf.insufficient, and prints 3 (here: reaches the printer)', async () => {
    const { evaluations } = await closedWithAnswerCounts();
    for (const k of [0, 1, 2]) {
      const res = await t.call('GET', `/evaluations/${evaluations[k]}/report.pdf`);
      expect(res.status).toBe(409);
      expect((await res.json()).error).toMatchObject({ code: 'reportPdf.insufficient', details: { count: k, required: 3 } });
    }
    const ready = await t.call('GET', `/evaluations/${evaluations[3]}/report.pdf`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).error.code).toBe('pdf.unavailable');
    const { body } = await t.json('GET', `/evaluations/${evaluations[3]}/report`);
    expect(body.report).toMatchObject({ status: 'ready', responseCount: 3, overall: 2, selfOverall: 5 });
  });

  it('leaves reports under the minimum out of a batch, counted; a batch of none is refused', async () => {
    const { campaignId, unitId } = await closedWithAnswerCounts();
    const batch = await t.json('POST', `/campaigns/${campaignId}/report-batches`, { format: 'zip', unitId });
    expect(batch.status).toBe(202);
    expect(batch.body).toMatchObject({ total: 1, insufficient: 3 });
    // Wait for the job (it fails without Chromium) so nothing runs on after the test.
    let state = batch.body;
    for (let i = 0; i < 40 && (state.status === 'queued' || state.status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (await t.json('GET', `/campaigns/${campaignId}/report-batches/${batch.body.id}`)).body;
    }
    expect(state.status).toBe('failed');

    const { employees } = await seedUnit(t, 4);
    const run = await openWithRelations(t, employees[0].id, employees.slice(1, 4).map((p: { id: string }) => ({ personId: p.id, relation: 'peer' as const })));
    await run.answer(employees[1].id, () => 4);
    await run.answer(employees[2].id, () => 4);
    await run.answer('self', () => 4);
    await run.close();
    const empty = await t.json('POST', `/campaigns/${run.campaignId}/report-batches`, { format: 'pdf' });
    expect(empty.status).toBe(409);
    expect(empty.body.error).toMatchObject({ code: 'reportBatch.empty', details: { insufficient: 1 } });
  });
});

describe('a report shows a respondent group apart only when no one can be singled out', () => {
  async function groupsOf(assigned: (ids: string[]) => Assigned[]) {
    const { head, employees } = await seedUnit(t, 6);
    const respondents = assigned(employees.map((p: { id: string }) => p.id));
    const run = await openWithRelations(t, head.id, respondents);
    for (const r of respondents) await run.answer(r.personId, () => (r.relation === 'subordinate' ? 5 : 2));
    await run.answer('self', () => 4);
    await run.close();
    const { body } = await t.json('GET', `/evaluations/${run.evaluationId}/report`);
    expect(body.report.status).toBe('ready');
    return (body.analysis.groups as Array<{ group: string; responseCount: number; overall: number }>).map((g) => [g.group, g.responseCount, g.overall]);
  }

  it('hides three subordinates when the two other answers would be their complement in the overall mean', async () => {
    expect(await groupsOf((ids) => [...ids.slice(0, 3).map((personId) => ({ personId, relation: 'subordinate' as const })), ...ids.slice(3, 5).map((personId) => ({ personId, relation: 'peer' as const }))])).toEqual([]);
  });

  it('shows three subordinates and three peers apart, each a mean of three', async () => {
    expect(await groupsOf((ids) => [...ids.slice(0, 3).map((personId) => ({ personId, relation: 'subordinate' as const })), ...ids.slice(3, 6).map((personId) => ({ personId, relation: 'peer' as const }))])).toEqual([
      ['subordinate', 3, 5],
      ['peer', 3, 2],
    ]);
  });

  it('never shows a group of two, nor a lone manager: they stay among the other answers', async () => {
    expect(await groupsOf((ids) => [{ personId: ids[0]!, relation: 'manager' }, ...ids.slice(1, 3).map((personId) => ({ personId, relation: 'subordinate' as const })), ...ids.slice(3, 6).map((personId) => ({ personId, relation: 'peer' as const }))])).toEqual([
      ['peer', 3, 2],
    ]);
  });
});
