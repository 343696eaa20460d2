import { beforeEach, describe, expect, it } from 'vitest';
import { applyRetention } from '../../server/services/retention.ts';
import { closeOverdueCampaigns } from '../../server/services/campaignClosing.ts';
import type { FormKey } from '../../shared/methodology/types.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});

const ids = (people: Array<{ id: string }>) => people.map((p) => p.id);

/** Every link of the campaign answers, at the test clock. */
async function answerAll(links: Array<{ relation: string; url: string }>, form: FormKey = 'head') {
  for (const link of links) {
    const res = await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers(form, () => 4) }, { cookie: null });
    expect(res.status).toBe(201);
  }
}

describe('campaign lifecycle: draft → open → closed → archived', () => {
  it('archives only a closed campaign, then keeps it read-only with its reports readable', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const { campaignId, evaluationId, links } = await openCampaignWith(t, head.id, ids(employees));
    expect((await t.json('POST', `/campaigns/${campaignId}/archive`)).body.error.code).toBe('campaign.notClosed');
    await answerAll(links);
    expect((await t.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
    // Closed on Monday 15 December 2025; 16 December is Independence Day: results are due on the 18th.
    expect((await t.json('GET', `/campaigns/${campaignId}/schedule`)).body).toMatchObject({ evaluationEnd: '2025-12-15', resultsDueBy: '2025-12-18' });

    t.setNow(new Date('2026-02-02T05:00:00Z'));
    expect((await t.json('POST', `/campaigns/${campaignId}/archive`)).status).toBe(204);
    const { campaign } = (await t.json('GET', `/campaigns/${campaignId}`)).body;
    expect(campaign).toMatchObject({ status: 'archived', closed_at: '2025-12-15T06:00:00.000Z', archived_at: '2026-02-02T05:00:00.000Z' });
    expect((await t.json('POST', `/campaigns/${campaignId}/archive`)).body.error.code).toBe('campaign.notClosed');
    expect((await t.json('POST', `/campaigns/${campaignId}/open`)).body.error.code).toBe('campaign.notDraft');

    const refusals = [
      await t.json('PUT', `/campaigns/${campaignId}`, { name: 'Renamed', deadline: '2026-01-10' }),
      await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [employees[0].id] }),
      await t.json('DELETE', `/campaigns/${campaignId}/evaluations/${evaluationId}`),
      await t.json('POST', `/campaigns/${campaignId}/links`, {}),
    ];
    expect(refusals.map((r) => [r.status, r.body.error.code])).toEqual(Array(4).fill([409, 'campaign.archived']));
    const answer = await t.call('POST', '/respond/open', { token: tokenOf(links[0]!.url) }, { cookie: null });
    expect((await answer.json()).error.code).toBe('link.used');

    const { report } = (await t.json('GET', `/evaluations/${evaluationId}/report`)).body;
    expect(report).toMatchObject({ status: 'ready', responseCount: 3, overall: 4 });
    expect((await t.json('GET', '/campaigns')).body.campaigns.map((c: { status: string }) => c.status)).toEqual(['archived']);
  });

  it('closes open campaigns by themselves once their deadline day has ended in Almaty, stamped with that moment', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const { campaignId } = await openCampaignWith(t, head.id, ids(employees));
    const draft = (await t.json('POST', '/campaigns', { name: 'Draft', year: 2025, deadline: '2026-01-05' })).body.id;
    // 23:59 on 10 January in Almaty: still open.
    expect(await closeOverdueCampaigns(t.conn.db, t.answerKeys, new Date('2026-01-10T18:59:00Z'), 'Asia/Almaty')).toEqual([]);
    expect(await closeOverdueCampaigns(t.conn.db, t.answerKeys, new Date('2026-01-10T19:00:00Z'), 'Asia/Almaty')).toEqual([campaignId]);
    expect(await closeOverdueCampaigns(t.conn.db, t.answerKeys, new Date('2026-01-10T19:01:00Z'), 'Asia/Almaty')).toEqual([]);
    expect((await t.json('GET', `/campaigns/${campaignId}`)).body.campaign).toMatchObject({ status: 'closed', closed_at: '2026-01-10T19:00:00.000Z' });
    expect((await t.json('GET', `/campaigns/${draft}`)).body.campaign.status).toBe('draft');
    // Closed at midnight on Sunday 11 January: results by Tuesday 13 January.
    expect((await t.json('GET', `/campaigns/${campaignId}/schedule`)).body).toMatchObject({ evaluationEnd: '2026-01-11', resultsDueBy: '2026-01-13' });
  });
});

describe('retention (§15)', () => {
  it('removes a campaign with all its records three years after the evaluation ends, and keeps recent ones and people', async () => {
    const { head, employees } = await seedUnit(t, 4);
    // 2022's campaign closes early, on 5 January 2023: its records are kept from the deadline, 10 January 2023.
    t.setNow(new Date('2022-12-15T06:00:00Z'));
    const old = await openCampaignWith(t, head.id, ids(employees.slice(0, 3)), 2022);
    await answerAll(old.links);
    t.setNow(new Date('2023-01-05T06:00:00Z'));
    await t.json('POST', `/campaigns/${old.campaignId}/close`);
    // 2023's campaign closes late, on 20 January 2024: kept from that day.
    t.setNow(new Date('2023-12-15T06:00:00Z'));
    const later = await openCampaignWith(t, employees[3].id, [head.id, ...ids(employees.slice(0, 2))], 2023);
    await answerAll(later.links.slice(0, 2), 'employee');
    t.setNow(new Date('2024-01-20T06:00:00Z'));
    await t.json('POST', `/campaigns/${later.campaignId}/close`);
    await t.json('POST', `/campaigns/${later.campaignId}/archive`);
    const draft = (await t.json('POST', '/campaigns', { name: 'Never opened', year: 2020 })).body.id;

    const db = t.conn.db;
    const count = async (table: 'campaign' | 'evaluation' | 'invitation' | 'response') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = { campaigns: await count('campaign'), evaluations: await count('evaluation'), invitations: await count('invitation'), responses: await count('response') };
    expect(before).toEqual({ campaigns: 3, evaluations: 2, invitations: 8, responses: 6 });

    // The last day of 2022's records is 10 January 2026 in Almaty.
    expect(await applyRetention(db, new Date('2026-01-10T18:59:00Z'), 'Asia/Almaty')).toEqual([]);
    const expected = { id: old.campaignId, name: '360 2022', year: 2022, keptUntil: '2026-01-10', evaluations: 1, invitations: 4, responses: 4 };
    expect(await applyRetention(db, new Date('2026-01-10T19:00:00Z'), 'Asia/Almaty', { dryRun: true })).toEqual([expected]);
    expect(await count('campaign')).toBe(3);
    expect(await applyRetention(db, new Date('2026-01-10T19:00:00Z'), 'Asia/Almaty')).toEqual([expected]);

    expect((await t.json('GET', `/campaigns/${old.campaignId}`)).status).toBe(404);
    expect((await t.json('GET', `/evaluations/${old.evaluationId}/report`)).status).toBe(404);
    expect({ campaigns: await count('campaign'), evaluations: await count('evaluation'), invitations: await count('invitation'), responses: await count('response') }).toEqual({
      campaigns: 2,
      evaluations: 1,
      invitations: 4,
      responses: 2,
    });
    expect((await t.json('GET', `/evaluations/${later.evaluationId}/report`)).status).toBe(200);
    expect((await t.json('GET', '/people')).body.people).toHaveLength(5);

    // 2023's archived campaign goes after 20 January 2027; the draft never does.
    expect(await applyRetention(db, new Date('2027-01-20T12:00:00Z'), 'Asia/Almaty')).toEqual([]);
    expect((await applyRetention(db, new Date('2027-01-21T12:00:00Z'), 'Asia/Almaty')).map((r) => [r.name, r.keptUntil])).toEqual([['360 2023', '2027-01-20']]);
    expect((await t.json('GET', '/campaigns')).body.campaigns.map((c: { id: string }) => c.id)).toEqual([draft]);
    expect(await count('response')).toBe(0);
  });
});
