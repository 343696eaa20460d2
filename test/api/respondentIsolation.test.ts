import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { fullAnswers, issueLinks, seedUnit, tokenOf } from '../support/fixtures.ts';
import { signInAs } from '../support/signIn.ts';
import { startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

/*
 * Issue 11, attack 3: those who run a campaign must not be able to isolate one respondent. An HR officer who can
 * read reports makes two staff members who exist only to respond, gives a person them and one real colleague as
 * respondents, answers the two fake links itself — and, knowing two of three answers, would read the colleague's
 * from the report's means (mean × 3 − 10 when the fakes answered 5). The same without fake people: the officer
 * answers two of three real links it handed out.
 */

let t: TestApp;
let smtp: TestSmtp | null = null;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => smtp?.close());

const FORM = almaty2023.forms.employee;
/** The real colleague's answers: a different mark for every statement of a competency, 1 to 5 by turns. */
const colleagueMark = (ci: number, si: number) => ((ci + si) % 5) + 1;

const submit = async (url: string, value: (ci: number, si: number) => number, form: 'employee' | 'head' = 'employee') => {
  const res = await t.call('POST', '/respond/submit', { token: tokenOf(url), answers: fullAnswers(form, value) }, { cookie: null });
  expect(res.status).toBe(201);
};

const report = async (cookie: string, evaluationId: string) => {
  const res = await t.call('GET', `/evaluations/${evaluationId}/report`, undefined, { cookie });
  return { status: res.status, body: await res.json() };
};

/** What the attack computes from a ready report: each competency's mark of the one answer the attacker did not give. */
const isolated = (competencies: Array<{ id: string; score: number }>, known: number, fakeMark: number) => competencies.map((c) => c.score * (known + 1) - known * fakeMark);

/** Sets up a campaign evaluating `evaluated` by these respondents, open; returns its ids and the invitation of each respondent. */
async function openFor(evaluatedId: string, respondentIds: string[], campaign: { year: number; deadline?: string } = { year: 2025 }) {
  const campaignId = (await t.json('POST', '/campaigns', { name: `360 ${campaign.year}`, ...campaign })).body.id as string;
  const [evaluationId] = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [evaluatedId] })).body.ids as string[];
  const set = await t.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents: respondentIds.map((personId) => ({ personId, relation: 'peer' })) });
  expect(set.status).toBe(204);
  expect((await t.json('POST', `/campaigns/${campaignId}/open`)).status).toBe(204);
  const invitationOf = async (personId: string) => {
    const invitations = (await t.json('GET', `/campaigns/${campaignId}/evaluations/${evaluationId}`)).body.invitations as Array<{ id: string; respondentId: string }>;
    return invitations.find((i) => i.respondentId === personId)!.id;
  };
  return { campaignId, evaluationId: evaluationId!, invitationOf };
}

describe('an HR officer who handed out links cannot isolate a respondent (issue 11)', () => {
  it('with two people who exist only to respond: the report does not open for that officer, and they are flagged', async () => {
    const { unit, head, employees } = await seedUnit(t, 2);
    const [evaluated, colleague] = employees as Array<{ id: string; fullName: string }>;
    const fake = async (fullName: string) => (await t.json('POST', '/people', { fullName, position: 'Маман', unitId: unit.id, category: 'E-4', managerId: head.id, email: null })).body.person.id as string;
    const fakeOne = await fake('Жалған Бір');
    // The app's clock is the wall clock here, which stamps when people are added to the staff list.
    t.setNow(new Date());
    const year = new Date().getFullYear();
    // The colleague is evaluated too, by others: a real member of the campaign.
    const run = await openFor(evaluated!.id, [colleague!.id, fakeOne, head.id], { year, deadline: `${year + 1}-12-31` });
    const [colleagueEvaluation] = (await t.json('POST', `/campaigns/${run.campaignId}/evaluations`, { personIds: [colleague!.id] })).body.ids as string[];
    await t.json('PUT', `/campaigns/${run.campaignId}/evaluations/${colleagueEvaluation}/respondents`, { respondents: [head.id, evaluated!.id, fakeOne].map((personId) => ({ personId, relation: 'peer' })) });
    // The second fake person is made after the campaign opened, and put in the head's place.
    const fakeTwo = await fake('Жалған Екі');
    expect((await t.json('PUT', `/campaigns/${run.campaignId}/evaluations/${run.evaluationId}/respondents`, { respondents: [colleague!.id, fakeOne, fakeTwo].map((personId) => ({ personId, relation: 'peer' })) })).status).toBe(204);

    // Another HR officer hands the real colleague their link; the attacker, the officer who reads reports
    // (TestApp.cookie), lists the two fake links and answers them with 5 everywhere.
    const [colleagueLink] = await issueLinks(t, run.campaignId, { invitationIds: [await run.invitationOf(colleague!.id)] });
    const listed = (await t.json('POST', `/campaigns/${run.campaignId}/links`, { invitationIds: [await run.invitationOf(fakeOne), await run.invitationOf(fakeTwo)] })).body.links as Array<{ url: string }>;
    expect(listed).toHaveLength(2);
    await submit(colleagueLink!.url, colleagueMark);
    for (const link of listed) await submit(link.url, () => 5);

    // Before closing, HR sees the two respondents to look at twice.
    const detail = (await t.json('GET', `/campaigns/${run.campaignId}/evaluations/${run.evaluationId}`)).body.invitations as Array<{ respondentId: string; flags: string[] }>;
    expect(Object.fromEntries(detail.map((i) => [i.respondentId, i.flags]))).toEqual({
      [evaluated!.id]: [],
      [colleague!.id]: [],
      [fakeOne]: ['respondentOnly'],
      [fakeTwo]: ['addedAfterOpening', 'respondentOnly'],
    });
    expect((await t.json('POST', `/campaigns/${run.campaignId}/close`)).status).toBe(204);

    // The attacker gets a count and the minimum, nothing to subtract from.
    const seen = await report(t.cookie, run.evaluationId);
    expect(seen.status).toBe(200);
    expect(seen.body.report).toEqual({ status: 'insufficient', formKey: 'employee', responseCount: 3, required: 3, heldByReader: 2 });
    expect(seen.body.analysis).toBeNull();
    expect((await t.call('GET', `/evaluations/${run.evaluationId}/report.pdf`)).status).toBe(409);
    const batch = await t.json('POST', `/campaigns/${run.campaignId}/report-batches`, { format: 'zip' });
    expect(batch).toMatchObject({ status: 409, body: { error: { code: 'reportBatch.empty' } } });

    // The head of HR, who handed out none of these links, reads it — and from it cannot tell the colleague's
    // answers, not having given the fake ones. (What the attacker would have computed, for the record.)
    const headOfHr = await report(await signInAs(t, 'hr_head'), run.evaluationId);
    expect(headOfHr.body.report.status).toBe('ready');
    const truth = FORM.competencies.map((c, ci) => c.statements.reduce((sum, _, si) => sum + colleagueMark(ci, si), 0) / c.statements.length);
    // (Scores have two decimals: the attack recovers each mark to within the rounding, × 3.)
    isolated(headOfHr.body.report.competencies, 2, 5).forEach((mark, i) => expect(Math.abs(mark - truth[i]!)).toBeLessThan(0.016));
  });

  it('with real colleagues: an officer who answered two of three links it listed does not get the report', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const run = await openFor(employees[0].id, [head.id, employees[1].id, employees[2].id]);
    // The attacker lists every link itself and keeps two of them.
    const links = ((await t.json('POST', `/campaigns/${run.campaignId}/links`, {})).body.links as Array<{ url: string; relation: string }>).filter((l) => l.relation !== 'self');
    await submit(links[0]!.url, colleagueMark);
    await submit(links[1]!.url, () => 5);
    await submit(links[2]!.url, () => 5);
    expect((await t.json('POST', `/campaigns/${run.campaignId}/close`)).status).toBe(204);
    expect((await report(t.cookie, run.evaluationId)).body.report).toMatchObject({ status: 'insufficient', responseCount: 3, heldByReader: 3 });
    // The evaluated person and their evaluator held no link: for them the report is as before.
    expect((await report(await signInAs(t, 'hr_head'), run.evaluationId)).body.report.status).toBe('ready');
  });

  it('holds whoever set the address a link was e-mailed to, even when someone else sends it', async () => {
    smtp = await startSmtp();
    t = await createTestApp({ mail: { smtpUrl: smtp.url, from: 'Bagalau 360 <hr@b360.test>' } });
    const { unit, head, employees } = await seedUnit(t, 3);
    // The attacker (TestApp.cookie) makes a respondent whose address is a mailbox of its own.
    const fake = (await t.json('POST', '/people', { fullName: 'Жалған', position: 'Маман', unitId: unit.id, category: 'E-4', managerId: head.id, email: 'attacker@b360.test' })).body.person.id as string;
    const run = await openFor(employees[0].id, [employees[1].id, employees[2].id, fake]);
    // A colleague of the attacker sends every invitation by e-mail.
    const res = await t.call('POST', `/campaigns/${run.campaignId}/deliveries/invitations`, {}, { cookie: t.distributor });
    expect(res.status).toBe(202);
    await t.deliveryWorker.kick();
    const mails = await smtp.waitFor(1);
    const url = /http:\/\/b360\.test\/r#[A-Za-z0-9_-]{43}/.exec(mails[0]!.text!)![0];
    const holders = await t.conn.db.selectFrom('link_holder as h').innerJoin('app_user as u', 'u.id', 'h.user_id').select(['h.invitation_id', 'u.login']).execute();
    expect(holders).toEqual([{ invitation_id: await run.invitationOf(fake), login: 'hr' }]);
    await submit(url, () => 5);
    // The other two answer through links the attacker never held.
    const others = await issueLinks(t, run.campaignId, { invitationIds: [await run.invitationOf(employees[1].id), await run.invitationOf(employees[2].id)] });
    for (const link of others) await submit(link.url, colleagueMark);
    expect((await t.json('POST', `/campaigns/${run.campaignId}/close`)).status).toBe(204);
    expect((await report(t.cookie, run.evaluationId)).body.report).toMatchObject({ status: 'insufficient', responseCount: 3, heldByReader: 1 });
  });
});

describe('removing a respondent while they answer (issue 11: an answer must keep its invitation and its holder)', () => {
  it('either refuses the removal or refuses the answer, never stores an answer whose invitation is gone', async () => {
    const { head, employees } = await seedUnit(t, 5);
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    for (let delay = 0; delay < 12; delay++) {
      const campaignId = (await t.json('POST', '/campaigns', { name: `360 ${delay}`, year: 2025 })).body.id as string;
      const evaluationId = ((await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [employees[0].id] })).body.ids as string[])[0]!;
      const everyone = [head.id, employees[1].id, employees[2].id, employees[3].id];
      await t.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents: everyone.map((personId) => ({ personId, relation: 'peer' })) });
      await t.json('POST', `/campaigns/${campaignId}/open`);
      const invitations = (await t.json('GET', `/campaigns/${campaignId}/evaluations/${evaluationId}`)).body.invitations as Array<{ id: string; respondentId: string }>;
      const [link] = (await t.json('POST', `/campaigns/${campaignId}/links`, { invitationIds: [invitations.find((i) => i.respondentId === head.id)!.id] })).body.links as Array<{ url: string }>;
      // The answer and the removal of that respondent sent together, the removal a few turns of the event loop later each time.
      const submitted = t.call('POST', '/respond/submit', { token: tokenOf(link!.url), answers: fullAnswers('employee', () => 5) }, { cookie: null }).then((r) => r.status);
      const removed = (async () => {
        for (let i = 0; i < delay; i++) await tick();
        return (await t.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents: everyone.slice(1).map((personId) => ({ personId, relation: 'peer' })) })).status;
      })();
      const [submit, put] = await Promise.all([submitted, removed]);
      const boxes = await t.conn.db.selectFrom('answer_box').select('id').where('evaluation_id', '=', evaluationId).execute();
      const answered = await t.conn.db.selectFrom('invitation as i').innerJoin('link_holder as h', 'h.invitation_id', 'i.id').select('i.id').where('i.evaluation_id', '=', evaluationId).where('i.answered', '=', 1).execute();
      // The answer came first and the removal is refused, or the removal came first and the link no longer works.
      expect(['201/409', '410/204'], `delay ${delay}`).toContain(`${submit}/${put}`);
      expect(boxes.length, `delay ${delay}: answer ${submit}, removal ${put}`).toBe(answered.length);
    }
  });
});

describe('what else a report shows a reader who held links (issue 11, review findings)', () => {
  /** A campaign of `year` evaluating `evaluated`, its respondents under the relations given, open. */
  async function campaignOf(year: number, evaluated: string, respondents: Array<{ personId: string; relation: string }>) {
    const campaignId = (await t.json('POST', '/campaigns', { name: `360 ${year}`, year })).body.id as string;
    const evaluationId = ((await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [evaluated] })).body.ids as string[])[0]!;
    expect((await t.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents })).status).toBe(204);
    expect((await t.json('POST', `/campaigns/${campaignId}/open`)).status).toBe(204);
    const invitations = (await t.json('GET', `/campaigns/${campaignId}/evaluations/${evaluationId}`)).body.invitations as Array<{ id: string; respondentId: string }>;
    const invitationOf = (personId: string) => invitations.find((i) => i.respondentId === personId)!.id;
    return { campaignId, evaluationId, invitationOf };
  }

  it('gives no group breakdown: a group of three of which the reader gave two would give the third away', async () => {
    const { head, employees } = await seedUnit(t, 6);
    const subordinates = employees.slice(0, 3).map((p: { id: string }) => p.id);
    const peers = employees.slice(3, 6).map((p: { id: string }) => p.id);
    const run = await campaignOf(2025, head.id, [...subordinates.map((personId) => ({ personId, relation: 'subordinate' })), ...peers.map((personId) => ({ personId, relation: 'peer' }))]);
    // The attacker lists two peers' links and answers them; the rest are handed out by another officer.
    const held = (await t.json('POST', `/campaigns/${run.campaignId}/links`, { invitationIds: peers.slice(0, 2).map(run.invitationOf) })).body.links as Array<{ url: string }>;
    const others = await issueLinks(t, run.campaignId, { invitationIds: [peers[2]!, ...subordinates].map(run.invitationOf) });
    for (const link of held) await submit(link.url, () => 5, 'head');
    for (const link of others) await submit(link.url, colleagueMark, 'head');
    expect((await t.json('POST', `/campaigns/${run.campaignId}/close`)).status).toBe(204);
    const seen = (await report(t.cookie, run.evaluationId)).body;
    expect(seen.report).toMatchObject({ status: 'ready', responseCount: 6 });
    expect(seen.analysis.groups).toEqual([]);
    // The head of HR, who held none, gets both groups.
    const full = (await report(await signInAs(t, 'hr_head'), run.evaluationId)).body;
    expect(full.analysis.groups.map((g: { group: string }) => g.group).sort()).toEqual(['peer', 'subordinate']);
  });

  it('leaves the person whose report the reader is not shown out of that reader’s training views', async () => {
    const { employees } = await seedUnit(t, 4);
    const run = await campaignOf(2025, employees[0].id, [employees[1].id, employees[2].id, employees[3].id].map((personId) => ({ personId, relation: 'peer' })));
    const held = (await t.json('POST', `/campaigns/${run.campaignId}/links`, { invitationIds: [employees[1].id, employees[2].id].map(run.invitationOf) })).body.links as Array<{ url: string }>;
    const [other] = await issueLinks(t, run.campaignId, { invitationIds: [run.invitationOf(employees[3].id)] });
    for (const link of held) await submit(link.url, () => 5);
    await submit(other!.url, colleagueMark);
    expect((await t.json('POST', `/campaigns/${run.campaignId}/close`)).status).toBe(204);
    // For the head of HR, who held none, the person is in every course group under 5.00, and counted.
    const everyone = `/training/${run.campaignId}/groups/${almaty2023.forms.employee.competencies[0]!.id}?criterion=below:5.00`;
    const full = (await t.call('GET', everyone, undefined, { cookie: await signInAs(t, 'hr_head') }).then((r) => r.json())) as { count: number; members: Array<{ fullName: string }> };
    expect(full.members.map((m) => m.fullName)).toEqual([employees[0].fullName]);
    // For the attacker no threshold finds them — bisecting one would have given their score — nor the heatmap.
    const seen = (await t.json('GET', everyone)).body as { count: number; members: unknown[] };
    expect(seen).toMatchObject({ count: 0, members: [] });
    const overview = (await t.json('GET', `/training/${run.campaignId}?criterion=below:5.00`)).body as { heatmap: Array<{ ready: number }>; ranking: Array<{ persons: number; scored: number }> };
    expect(overview.heatmap.map((u) => u.ready)).toEqual([0]);
    expect(overview.ranking.every((r) => r.persons === 0 && r.scored === 0)).toBe(true);
  });

  it('gives no change since last year against a report that last year was not shown to that reader', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const respondents = [head.id, employees[1].id, employees[2].id].map((personId) => ({ personId, relation: 'peer' }));
    // Last year the attacker held two of the three links.
    t.setNow(new Date('2024-12-15T06:00:00Z'));
    const last = await campaignOf(2024, employees[0].id, respondents);
    const lastLinks = ((await t.json('POST', `/campaigns/${last.campaignId}/links`, {})).body.links as Array<{ url: string; relation: string }>).filter((l) => l.relation !== 'self');
    await submit(lastLinks[0]!.url, colleagueMark);
    await submit(lastLinks[1]!.url, () => 5);
    await submit(lastLinks[2]!.url, () => 5);
    t.setNow(new Date('2025-01-11T06:00:00Z'));
    expect((await t.json('POST', `/campaigns/${last.campaignId}/close`)).status).toBe(204);
    expect((await report(t.cookie, last.evaluationId)).body.report.status).toBe('insufficient');
    // This year another officer handed every link out.
    t.setNow(new Date('2025-12-15T06:00:00Z'));
    const now = await campaignOf(2025, employees[0].id, respondents);
    for (const link of (await issueLinks(t, now.campaignId)).filter((l) => l.relation !== 'self')) await submit(link.url, () => 4);
    expect((await t.json('POST', `/campaigns/${now.campaignId}/close`)).status).toBe(204);
    const seen = (await report(t.cookie, now.evaluationId)).body;
    expect(seen.report.status).toBe('ready');
    expect(seen.change).toBeNull();
    // The head of HR, who read both, sees the change.
    expect((await report(await signInAs(t, 'hr_head'), now.evaluationId)).body.change).not.toBeNull();
  });
});
