import { beforeEach, describe, expect, it } from 'vitest';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});

describe('signing in', () => {
  it('refuses staff endpoints without a session and wrong passwords', async () => {
    expect((await t.call('GET', '/people', undefined, { cookie: null })).status).toBe(401);
    const wrong = await t.call('POST', '/auth/login', { login: 'hr', password: 'nope' }, { cookie: null });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('auth.invalidCredentials');
    const unknown = await t.call('POST', '/auth/login', { login: 'ghost', password: 'nope' }, { cookie: null });
    expect((await unknown.json()).error.code).toBe('auth.invalidCredentials');
  });

  it('sets an httpOnly SameSite cookie and ends the session on sign-out', async () => {
    const res = await t.call('POST', '/auth/login', { login: 'hr', password: 'api-test-password' }, { cookie: null });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0]!;
    expect((await t.call('GET', '/auth/me', undefined, { cookie: session })).status).toBe(200);
    await t.call('POST', '/auth/logout', undefined, { cookie: session });
    expect((await t.call('GET', '/auth/me', undefined, { cookie: session })).status).toBe(401);
  });
});

describe('staff list', () => {
  it('creates people with normalised categories and rejects bad input precisely', async () => {
    const { unit, head } = await seedUnit(t, 1);
    const ok = await t.json('POST', '/people', { fullName: ' Әлия ', position: 'Бас маман', unitId: unit.id, category: 'д-о-1', managerId: head.id, email: '' });
    expect(ok.status).toBe(201);
    expect(ok.body.person).toMatchObject({ fullName: 'Әлия', category: 'D-O-1', managerName: 'Бастық Ерлан', email: null });

    const bad = await t.json('POST', '/people', { fullName: '', position: 'x', unitId: 'nope', category: 'boss', email: 'not-mail', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation');
    const paths = bad.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['fullName', 'unitId', 'category', 'email', '(body)']));
    expect((await t.json('GET', '/people')).body.people).toHaveLength(3);
  });

  it('refuses malformed JSON, non-JSON and unknown managers without writing', async () => {
    const { unit } = await seedUnit(t, 0);
    const raw = await t.call('POST', '/people', undefined, { raw: '{"fullName": ' });
    expect(raw.status).toBe(400);
    expect((await raw.json()).error.code).toBe('body.invalidJson');
    expect((await t.call('POST', '/people', undefined, { raw: 'a=b', contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
    const ghost = await t.json('POST', '/people', { fullName: 'X', position: 'Y', unitId: unit.id, category: 'C-4', managerId: crypto.randomUUID(), email: null });
    expect(ghost.status).toBe(422);
    expect(ghost.body.error.code).toBe('person.managerNotFound');
    expect((await t.json('GET', '/people')).body.people).toHaveLength(1);
  });

  it('refuses a manager chain that loops, and deleting a person others report to', async () => {
    const { unit, head, employees } = await seedUnit(t, 1);
    const loop = await t.json('PUT', `/people/${head.id}`, { fullName: head.fullName, position: 'Бастық', unitId: unit.id, category: 'E-2', managerId: employees[0].id, email: null });
    expect(loop.body.error.code).toBe('person.managerCycle');
    expect((await t.json('DELETE', `/people/${head.id}`)).body.error.code).toBe('person.inUse');
    expect((await t.json('DELETE', `/units/${unit.id}`)).body.error.code).toBe('unit.inUse');
  });
});

describe('the 360 cycle', () => {
  it('defaults the deadline to 10 January of the next year and uses seed 002', async () => {
    const { body } = await t.json('POST', '/campaigns', { name: '360 2025', year: 2025 });
    const detail = (await t.json('GET', `/campaigns/${body.id}`)).body;
    expect(detail.campaign).toMatchObject({ deadline: '2026-01-10', status: 'draft', methodology_id: 'almaty-2023' });
    expect((await t.json('POST', '/campaigns', { name: 'x', year: 1999 })).status).toBe(400);
    expect((await t.json('POST', '/campaigns', { name: 'x', year: 2025, deadline: '2024-12-01' })).body.error.code).toBe('campaign.deadlineBeforeYear');
    expect((await t.json('POST', '/campaigns', { name: 'x', year: 2025, methodologyId: 'nope' })).body.error.code).toBe('methodology.unknown');
  });

  it('enforces 3 to 7 respondents, no one twice, never the person themselves', async () => {
    const { head, employees } = await seedUnit(t, 8);
    const campaignId = (await t.json('POST', '/campaigns', { name: '360', year: 2025 })).body.id;
    const [evaluationId] = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [head.id] })).body.ids;
    const assign = (ids: string[]) =>
      t.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents: ids.map((personId) => ({ personId, relation: 'subordinate' })) });
    const e = employees.map((p: { id: string }) => p.id);

    const two = await assign(e.slice(0, 2));
    expect(two.status).toBe(422);
    expect(two.body.error).toMatchObject({ code: 'respondents.tooFew', details: { min: 3, count: 2 } });
    expect((await assign(e.slice(0, 8))).body.error).toMatchObject({ code: 'respondents.tooMany', details: { max: 7, count: 8 } });
    expect((await assign([e[0]!, e[0]!, e[1]!, e[2]!])).body.error.code).toBe('respondents.duplicate');
    expect((await assign([head.id, e[0]!, e[1]!, e[2]!])).body.error.code).toBe('respondents.includesSelf');
    expect((await t.json('POST', `/campaigns/${campaignId}/open`)).body.error.code).toBe('campaign.notReady');
    expect((await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [head.id] })).body.error.code).toBe('evaluation.duplicate');

    expect((await assign(e.slice(0, 7))).status).toBe(204);
    const invitations = (await t.json('GET', `/campaigns/${campaignId}/evaluations/${evaluationId}`)).body.invitations;
    expect(invitations).toHaveLength(8);
    expect(invitations.filter((i: { relation: string }) => i.relation === 'self')).toHaveLength(1);
  });

  it('runs from links to report: progress without answers, once-only links, self excluded', async () => {
    const { head, employees } = await seedUnit(t, 5);
    const { campaignId, evaluationId, links } = await openCampaignWith(t, head.id, employees.map((p: { id: string }) => p.id));
    expect(links).toHaveLength(6);
    for (const link of links) expect(tokenOf(link.url)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(links.map((l) => l.url)).size).toBe(6);

    const selfLink = links.find((l) => l.relation === 'self')!;
    const others = links.filter((l) => l.relation !== 'self');

    const opened = await t.call('POST', '/respond/open', { token: tokenOf(others[0]!.url) }, { cookie: null });
    expect(opened.status).toBe(200);
    const form = await opened.json();
    expect(form).toMatchObject({ isSelf: false, evaluated: { fullName: 'Бастық Ерлан' } });
    expect(form.form.competencies).toHaveLength(12);
    expect((await (await t.call('POST', '/respond/open', { token: tokenOf(selfLink.url) }, { cookie: null })).json()).isSelf).toBe(true);

    const incomplete = fullAnswers('head', () => 3);
    delete incomplete['head.leadership.2'];
    const gap = await t.call('POST', '/respond/submit', { token: tokenOf(others[0]!.url), answers: incomplete }, { cookie: null });
    expect(gap.status).toBe(422);
    const gapBody = await gap.json();
    expect(gapBody.error.code).toBe('answers.incomplete');
    expect(gapBody.error.issues.map((i: { path: string }) => i.path)).toEqual(['answers.head.leadership.2']);
    const outOfScale = await t.call('POST', '/respond/submit', { token: tokenOf(others[0]!.url), answers: fullAnswers('head', () => 6) }, { cookie: null });
    expect((await outOfScale.json()).error.code).toBe('answers.invalid');

    // Five respondents: values 1..5 on every statement, so each competency's mean is 3.00; self says 5.
    for (const [i, link] of others.entries()) {
      const res = await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers('head', () => i + 1) }, { cookie: null });
      expect(res.status).toBe(201);
    }
    const again = await t.call('POST', '/respond/submit', { token: tokenOf(others[0]!.url), answers: fullAnswers('head', () => 1) }, { cookie: null });
    expect(again.status).toBe(410);
    expect((await again.json()).error.code).toBe('link.used');
    expect((await (await t.call('POST', '/respond/open', { token: tokenOf(others[0]!.url) }, { cookie: null })).json()).error.code).toBe('link.used');
    expect((await (await t.call('POST', '/respond/open', { token: 'A'.repeat(43) }, { cookie: null })).json()).error.code).toBe('link.unknown');
    await t.call('POST', '/respond/submit', { token: tokenOf(selfLink.url), answers: fullAnswers('head', () => 5) }, { cookie: null });

    const progress = (await t.json('GET', `/campaigns/${campaignId}`)).body.evaluations[0];
    expect(progress).toMatchObject({ respondents: 5, answered: 5, selfAnswered: true });
    expect(JSON.stringify(progress)).not.toMatch(/answers|"value"/);

    expect((await t.json('GET', `/evaluations/${evaluationId}/report`)).body.error.code).toBe('report.notClosed');
    expect((await t.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
    expect((await (await t.call('POST', '/respond/open', { token: 'A'.repeat(43) }, { cookie: null })).json()).error.code).toBe('link.unknown');

    const { report } = (await t.json('GET', `/evaluations/${evaluationId}/report`)).body;
    expect(report.status).toBe('ready');
    expect(report.responseCount).toBe(5);
    expect(report.competencies.map((c: { score: number }) => c.score)).toEqual(Array(12).fill(3));
    expect(report.competencies.map((c: { self: number }) => c.self)).toEqual(Array(12).fill(5));
    expect(report.overall).toBe(3);
    expect((await t.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents: [] })).body.error.code).toBe('campaign.closed');
  });

  it('refuses answers on a closed campaign or after the deadline, and keeps reports under 3 responses closed', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const { campaignId, evaluationId, links } = await openCampaignWith(t, head.id, employees.map((p: { id: string }) => p.id));
    const others = links.filter((l) => l.relation !== 'self');
    for (const link of others.slice(0, 2)) {
      await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers('head', () => 4) }, { cookie: null });
    }
    t.setNow(new Date('2026-01-10T19:00:00Z')); // midnight after the deadline day in Almaty
    const late = await t.call('POST', '/respond/submit', { token: tokenOf(others[2]!.url), answers: fullAnswers('head', () => 4) }, { cookie: null });
    expect(late.status).toBe(410);
    expect((await late.json()).error.code).toBe('link.closed');

    await t.json('POST', `/campaigns/${campaignId}/close`);
    const { report } = (await t.json('GET', `/evaluations/${evaluationId}/report`)).body;
    expect(report).toEqual({ status: 'insufficient', formKey: 'head', responseCount: 2, required: 3 });
  });

  it('tells a respondent a draft campaign has not started, and re-issues a lost link', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const campaignId = (await t.json('POST', '/campaigns', { name: '360', year: 2025 })).body.id;
    const [evaluationId] = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [head.id] })).body.ids;
    await t.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents: employees.map((p: { id: string }) => ({ personId: p.id, relation: 'subordinate' })) });
    const links = (await t.json('POST', `/campaigns/${campaignId}/links`, {})).body.links;
    expect((await (await t.call('POST', '/respond/open', { token: tokenOf(links[0].url) }, { cookie: null })).json()).error.code).toBe('link.notOpen');
    expect((await t.json('POST', `/campaigns/${campaignId}/links`, {})).body.links).toEqual([]);

    const invitation = (await t.json('GET', `/campaigns/${campaignId}/evaluations/${evaluationId}`)).body.invitations[1];
    const reissued = (await t.json('POST', `/campaigns/${campaignId}/links`, { invitationIds: [invitation.id] })).body.links;
    expect(reissued).toHaveLength(1);
    await t.json('POST', `/campaigns/${campaignId}/open`);
    const oldLink = links.find((l: { respondentName: string }) => l.respondentName === invitation.respondentName);
    expect((await (await t.call('POST', '/respond/open', { token: tokenOf(oldLink.url) }, { cookie: null })).json()).error.code).toBe('link.unknown');
    expect((await t.call('POST', '/respond/open', { token: tokenOf(reissued[0].url) }, { cookie: null })).status).toBe(200);
  });

  it('answers unknown API paths and oversized bodies with JSON errors', async () => {
    const missing = await t.call('GET', '/nothing-here');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('notFound');
    const big = await t.call('POST', '/units', undefined, { raw: JSON.stringify({ name: 'x'.repeat(300_000), parentId: null }) });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('body.tooLarge');
  });
});
