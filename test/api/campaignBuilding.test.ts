import { beforeEach, describe, expect, it } from 'vitest';
import { fullAnswers, tokenOf } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// The test clock stands at 15 December 2025; the 2025 campaign is answered until 10 January 2026.
let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

/**
 * A department with a director; its section with a head and five employees, one appointed in December
 * (§6: not evaluated), one on leave over the New Year (evaluated without participation); and a separate
 * two-person unit too small to find respondents in.
 */
async function seedOrganisation() {
  const unit = async (name: string, parentId: string | null) => (await t.json('POST', '/units', { name, parentId })).body.unit.id as string;
  const dept = await unit('Департамент', null);
  const section = await unit('Қаржы бөлімі', dept);
  const lone = await unit('Архив', null);
  const person = async (fullName: string, unitId: string, category: string, managerId: string | null, extra: Record<string, unknown> = {}) => {
    const res = await t.json('POST', '/people', { fullName, position: 'Маман', unitId, category, managerId, email: null, ...extra });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.person.id as string;
  };
  const director = await person('Директор Асқар', dept, 'E-1', null);
  const head = await person('Бастық Ерлан', section, 'E-2', director);
  const e1 = await person('Қызметкер 1', section, 'E-4', head);
  const e2 = await person('Қызметкер 2', section, 'E-4', head);
  const e3 = await person('Қызметкер 3', section, 'E-4', head);
  const newcomer = await person('Қызметкер 4 жаңа', section, 'E-4', head, { appointedOn: '2025-12-10' });
  const onLeave = await person('Қызметкер 5 демалыста', section, 'E-4', head, { absence: 'leave', absentFrom: '2025-12-20', absentUntil: '2026-01-15' });
  const l1 = await person('Мұрағатшы 1', lone, 'E-4', null);
  const l2 = await person('Мұрағатшы 2', lone, 'E-4', null);
  return { dept, section, lone, director, head, e1, e2, e3, newcomer, onLeave, l1, l2 };
}

const newCampaign = async () => (await t.json('POST', '/campaigns', { name: '360 2025', year: 2025 })).body.id as string;
const invitations = (campaignId: string) =>
  t.conn.db
    .selectFrom('invitation as i')
    .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
    .select(['e.person_id as evaluated', 'i.respondent_id as respondent', 'i.relation'])
    .where('e.campaign_id', '=', campaignId)
    .execute();
const countRows = async () => ({
  evaluations: Number((await t.conn.db.selectFrom('evaluation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  invitations: Number((await t.conn.db.selectFrom('invitation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
});

beforeEach(async () => {
  t = await createTestApp();
  org = await seedOrganisation();
});

describe('adding a whole unit to a campaign', () => {
  it('evaluates everyone with proposed respondents, leaves the newcomer out with the reason, and invites the absent to no self-assessment', async () => {
    const campaignId = await newCampaign();
    const res = await t.json('POST', `/campaigns/${campaignId}/units`, { unitId: org.section });
    expect(res.status).toBe(201);
    const added = new Map(res.body.added.map((a: any) => [a.personId, a]));
    expect([...added.keys()].sort()).toEqual([org.head, org.e1, org.e2, org.e3, org.onLeave].sort());
    expect(res.body.leftOut).toEqual([{ personId: org.newcomer, fullName: 'Қызметкер 4 жаңа', unitName: 'Қаржы бөлімі', reason: 'shortTenure' }]);
    expect(added.get(org.head)).toMatchObject({ respondents: 5, widened: [], needsRespondents: false, withoutParticipation: null });
    expect(added.get(org.onLeave)).toMatchObject({ withoutParticipation: 'leave', respondents: 5 });

    const rows = await invitations(campaignId);
    const of = (id: string) => rows.filter((r) => r.evaluated === id);
    expect(of(org.head).map((r) => `${r.respondent === org.director ? 'director' : r.relation}`).sort()).toEqual(['director', 'self', 'subordinate', 'subordinate', 'subordinate', 'subordinate']);
    expect(of(org.head).find((r) => r.respondent === org.director)!.relation).toBe('manager');
    expect(of(org.e1).map((r) => r.relation).sort()).toEqual(['manager', 'peer', 'peer', 'peer', 'self']);
    // The newcomer may answer about colleagues; the one on leave answers nothing, not even about themselves.
    expect(rows.some((r) => r.respondent === org.newcomer)).toBe(true);
    expect(rows.filter((r) => r.respondent === org.onLeave)).toEqual([]);
    expect(of(org.onLeave).map((r) => r.relation)).not.toContain('self');

    const detail = (await t.json('GET', `/campaigns/${campaignId}`)).body;
    expect(detail.evaluations.every((e: any) => e.respondents >= 3 && e.respondents <= 7)).toBe(true);
    expect((await t.json('POST', `/campaigns/${campaignId}/open`)).status).toBe(204);
  });

  it('takes sub-units along, skips those already in the campaign, and marks widened or missing respondents for HR', async () => {
    const campaignId = await newCampaign();
    await t.json('POST', `/campaigns/${campaignId}/units`, { unitId: org.section });
    const res = await t.json('POST', `/campaigns/${campaignId}/units`, { unitId: org.dept, includeSubunits: true });
    expect(res.status).toBe(201);
    expect(res.body.added.map((a: any) => a.personId)).toEqual([org.director]);
    // The director's own circle is the head alone; two employees of the section below complete the minimum.
    expect(res.body.added[0]).toMatchObject({ respondents: 3, widened: ['Қызметкер 1', 'Қызметкер 2'], needsRespondents: false });
    const reasons = Object.fromEntries(res.body.leftOut.map((l: any) => [l.personId, l.reason]));
    expect(reasons).toEqual({ [org.head]: 'alreadyEvaluated', [org.e1]: 'alreadyEvaluated', [org.e2]: 'alreadyEvaluated', [org.e3]: 'alreadyEvaluated', [org.onLeave]: 'alreadyEvaluated', [org.newcomer]: 'shortTenure' });

    const lone = await t.json('POST', `/campaigns/${campaignId}/units`, { unitId: org.lone, includeSubunits: true });
    expect(lone.body.added.map((a: any) => [a.fullName, a.respondents, a.needsRespondents])).toEqual([['Мұрағатшы 1', 0, true], ['Мұрағатшы 2', 0, true]]);
  });

  it('refuses an unknown unit, a bad body and a closed campaign without writing anything', async () => {
    const campaignId = await newCampaign();
    const before = await countRows();
    const unknown = await t.json('POST', `/campaigns/${campaignId}/units`, { unitId: crypto.randomUUID() });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'unit.notFound']);
    const bad = await t.json('POST', `/campaigns/${campaignId}/units`, { unitId: 'x', includeSubunits: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: any) => i.path).sort()).toEqual(['includeSubunits', 'unitId']);
    expect((await t.json('POST', `/campaigns/${crypto.randomUUID()}/units`, { unitId: org.section })).status).toBe(404);
    expect(await countRows()).toEqual(before);

    await t.json('POST', `/campaigns/${campaignId}/units`, { unitId: org.section });
    await t.json('POST', `/campaigns/${campaignId}/open`);
    await t.json('POST', `/campaigns/${campaignId}/close`);
    const afterClosing = await countRows();
    const closed = await t.json('POST', `/campaigns/${campaignId}/units`, { unitId: org.lone });
    expect([closed.status, closed.body.error.code]).toEqual([409, 'campaign.closed']);
    expect(await countRows()).toEqual(afterClosing);
  });
});

describe('adding people one by one under §6–7', () => {
  it('refuses someone with less than a month in the position, with the reason, and writes nothing', async () => {
    const campaignId = await newCampaign();
    const res = await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [org.e1, org.newcomer] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'evaluation.shortTenure', details: { name: 'Қызметкер 4 жаңа', year: 2025 } });
    expect(res.body.error.message).toContain('less than a month');
    expect((await t.json('GET', `/campaigns/${campaignId}`)).body.evaluations).toEqual([]);
  });

  it('keeps the absence on the evaluation and sends no self-assessment', async () => {
    const campaignId = await newCampaign();
    const [id] = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [org.onLeave] })).body.ids;
    const detail = (await t.json('GET', `/campaigns/${campaignId}/evaluations/${id}`)).body;
    expect(detail.evaluation.without_participation).toBe('leave');
    expect(detail.invitations).toEqual([]);
    const proposal = (await t.json('GET', `/campaigns/${campaignId}/evaluations/${id}/proposal`)).body;
    expect(proposal.short).toBe(false);
    expect(proposal.proposals.map((p: any) => [p.fullName, p.relation])).toEqual([
      ['Бастық Ерлан', 'manager'], ['Қызметкер 1', 'peer'], ['Қызметкер 2', 'peer'], ['Қызметкер 3', 'peer'], ['Қызметкер 4 жаңа', 'peer'],
    ]);
  });
});

describe('the progress dashboard', () => {
  it('counts answers overall, per unit and per person, and flags reports under the minimum', async () => {
    const campaignId = await newCampaign();
    const { body: added } = await t.json('POST', `/campaigns/${campaignId}/units`, { unitId: org.section });
    expect((await t.json('POST', `/campaigns/${campaignId}/open`)).status).toBe(204);
    const links = (await t.json('POST', `/campaigns/${campaignId}/links`, {})).body.links as Array<{ respondentName: string; evaluatedName: string; relation: string; url: string }>;
    const answer = async (evaluatedName: string, respondentNames: string[], formKey: 'head' | 'employee') => {
      for (const name of respondentNames) {
        const link = links.find((l) => l.evaluatedName === evaluatedName && l.respondentName === name)!;
        const res = await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers(formKey, () => 4) }, { cookie: null });
        expect(res.status).toBe(201);
      }
    };
    await answer('Бастық Ерлан', ['Директор Асқар', 'Қызметкер 1', 'Қызметкер 2', 'Бастық Ерлан'], 'head');
    await answer('Қызметкер 1', ['Бастық Ерлан'], 'employee');
    // Added after opening: too small a unit for respondents, so their reports cannot reach the minimum.
    await t.json('POST', `/campaigns/${campaignId}/units`, { unitId: org.lone });

    const progress = (await t.json('GET', `/campaigns/${campaignId}/progress`)).body;
    expect(progress.minResponses).toBe(3);
    // 6 + 5 + 5 + 5 questionnaires in the section (the one on leave has no self-assessment: 5), 1 + 1 in the archive.
    expect(progress.totals).toEqual({ evaluated: 7, questionnaires: 28, answered: 5, belowMinimum: 4, cannotReach: 2 });
    expect(progress.units.map((u: any) => [u.name, u.depth, u.own.evaluated, u.total.evaluated, u.total.answered])).toEqual([
      ['Архив', 0, 2, 2, 0],
      ['Департамент', 0, 0, 5, 5],
      ['Қаржы бөлімі', 1, 5, 5, 5],
    ]);
    const person = Object.fromEntries(progress.evaluations.map((e: any) => [e.fullName, e]));
    expect(person['Бастық Ерлан']).toMatchObject({ respondents: 5, answered: 3, selfAnswered: true, outlook: 'reached', unitId: org.section });
    expect(person['Қызметкер 1']).toMatchObject({ respondents: 4, answered: 1, selfAnswered: false, outlook: 'belowMinimum' });
    expect(person['Қызметкер 5 демалыста']).toMatchObject({ selfInvited: false, withoutParticipation: 'leave', questionnaires: 5 });
    expect(person['Мұрағатшы 1']).toMatchObject({ respondents: 0, outlook: 'cannotReach' });

    const e1 = added.added.find((a: any) => a.fullName === 'Қызметкер 1').evaluationId;
    const who = (await t.json('GET', `/campaigns/${campaignId}/progress/${e1}`)).body.respondents;
    expect(who.map((r: any) => Object.keys(r).sort().join())).toEqual(Array(5).fill('name,relation,status'));
    expect(who.map((r: any) => [r.name, r.status])).toEqual([
      ['Қызметкер 1', 'linkIssued'], ['Бастық Ерлан', 'answered'], ['Қызметкер 2', 'linkIssued'], ['Қызметкер 3', 'linkIssued'], ['Қызметкер 4 жаңа', 'linkIssued'],
    ]);
    const foreign = await t.json('GET', `/campaigns/${await newCampaign()}/progress/${e1}`);
    expect(foreign.status).toBe(404);
  });
});
