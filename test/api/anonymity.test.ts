import { sql } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openWithRelations } from '../support/campaignWithRelations.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { throwawaySchema } from '../support/postgresSchema.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
const pgSchema = await throwawaySchema();
afterAll(() => pgSchema?.drop());
beforeEach(async () => {
  t = await createTestApp();
});

async function columns(table: string): Promise<string[]> {
  const tables = await t.conn.db.introspection.getTables();
  return tables.find((x) => x.name === table)!.columns.map((c) => c.name).sort();
}

/** Spearman's rank correlation of a permutation against 0..n-1. */
function rankCorrelation(order: number[]): number {
  const n = order.length;
  const d2 = order.reduce((sum, value, rank) => sum + (value - rank) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('anonymity by construction (docs/threat-model.md)', () => {
  it('stores answers with no link, respondent or time column', async () => {
    // respondent_group: a group of at least 3 assigned, or 'other' (the test below).
    expect(await columns('response')).toEqual(['answers', 'evaluation_id', 'id', 'is_self', 'respondent_group']);
    // The invitation knows whether it was answered, never when; its links are bare hashes, with no time either.
    expect(await columns('invitation')).toEqual(['answered', 'evaluation_id', 'id', 'relation', 'respondent_id']);
    expect(await columns('link')).toEqual(['invitation_id', 'token_hash']);
    const indexes = await sql<{ name: string; tbl_name: string }>`select name, tbl_name from sqlite_master where type = 'index' and tbl_name = 'response'`.execute(t.conn.db);
    for (const index of indexes.rows) expect(index.name).not.toMatch(/invitation|respondent|time|created/);
    const linkIndexes = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'link'`.execute(t.conn.db);
    for (const index of linkIndexes.rows) expect(index.name).not.toMatch(/time|created/);
  });

  it('stores an answer under its group only when at least 3 of that group were assigned, else as other', async () => {
    const { head, employees } = await seedUnit(t, 7);
    const ids = employees.map((p: { id: string }) => p.id);
    // Four subordinates; one respondent HR called the manager; two peers.
    const run = await openWithRelations(t, head.id, [
      ...ids.slice(0, 4).map((personId: string) => ({ personId, relation: 'subordinate' as const })),
      { personId: ids[4]!, relation: 'manager' },
      { personId: ids[5]!, relation: 'peer' },
      { personId: ids[6]!, relation: 'peer' },
    ]);
    for (const who of [...ids, 'self']) await run.answer(who, () => 4);
    const stored = async () =>
      (await t.conn.db.selectFrom('response').select(['is_self', 'respondent_group']).where('evaluation_id', '=', run.evaluationId).execute())
        .map((r) => `${r.is_self}:${r.respondent_group}`)
        .sort();
    const expected = ['0:other', '0:other', '0:other', '0:subordinate', '0:subordinate', '0:subordinate', '0:subordinate', '1:null'];
    expect(await stored()).toEqual(expected);
    // Closing keeps them: 4 subordinates' answers, and 3 outside that group.
    expect((await run.close()).status).toBe(204);
    expect(await stored()).toEqual(expected);
  });

  it('at closing, folds into other every group the report could not show', async () => {
    const { head, employees } = await seedUnit(t, 5);
    const ids = employees.map((p: { id: string }) => p.id);
    // Four subordinates and a manager answer: showing the subordinates apart would give away the manager's
    // answer (the overall mean less theirs), so closing stores all five as 'other'.
    const run = await openWithRelations(t, head.id, [
      ...ids.slice(0, 4).map((personId: string) => ({ personId, relation: 'subordinate' as const })),
      { personId: ids[4]!, relation: 'manager' },
    ]);
    for (const who of ids) await run.answer(who, () => 3);
    const groups = async () =>
      (await t.conn.db.selectFrom('response').select('respondent_group').where('evaluation_id', '=', run.evaluationId).execute()).map((r) => r.respondent_group).sort();
    expect(await groups()).toEqual(['other', 'subordinate', 'subordinate', 'subordinate', 'subordinate']);
    await run.close();
    expect(await groups()).toEqual(['other', 'other', 'other', 'other', 'other']);
  });

  it('keeps link tokens only as hashes: no token appears anywhere in the database', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const { links } = await openCampaignWith(t, head.id, employees.map((p: { id: string }) => p.id));
    await t.call('POST', '/respond/submit', { token: tokenOf(links[1]!.url), answers: fullAnswers('head', () => 4) }, { cookie: null });
    const dump: string[] = [];
    for (const table of ['unit', 'person', 'app_user', 'user_session', 'campaign', 'evaluation', 'invitation', 'link', 'response', 'audit_entry', 'delivery'] as const) {
      const rows = await t.conn.db.selectFrom(table).selectAll().execute();
      dump.push(JSON.stringify(rows));
    }
    const everything = dump.join('\n');
    for (const link of links) expect(everything).not.toContain(tokenOf(link.url));
    expect(everything).toContain('"token_hash":"');
  });

  it('stores answers in an order unrelated to submission order, before and after closing', async () => {
    const { employees } = await seedUnit(t, 8);
    const ids = employees.map((p: { id: string }) => p.id);
    const submitted: number[] = [];
    // Three evaluated persons × seven respondents; every submission carries its sequence number in its answers.
    for (let e = 0; e < 3; e++) {
      const respondents = ids.filter((_: string, i: number) => i !== e).slice(0, 7);
      const { links, campaignId } = await openCampaignWith(t, ids[e]!, respondents, 2025);
      for (const link of links.filter((l) => l.relation !== 'self')) {
        const seq = submitted.length;
        submitted.push(seq);
        const answers = fullAnswers('employee', (ci) => (ci === 0 ? (seq % 5) + 1 : ci === 1 ? (Math.floor(seq / 5) % 5) + 1 : 3));
        expect((await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers }, { cookie: null })).status).toBe(201);
      }
      if (e === 2) await t.json('POST', `/campaigns/${campaignId}/close`);
    }
    const stored = await t.conn.db.selectFrom('response').select('answers').execute();
    const sequence = stored.map((r) => {
      const a = JSON.parse(r.answers) as Record<string, number>;
      return (a['employee.effective_communications.1']! - 1) + 5 * (a['employee.ethics.1']! - 1);
    });
    expect(sequence.slice().sort((a, b) => a - b)).toEqual(submitted);
    // Stored in submission order, the correlation would be 1.
    expect(Math.abs(rankCorrelation(sequence))).toBeLessThan(0.9);
  });

  it.skipIf(pgSchema === null)('on PostgreSQL, leaves no transaction id shared by an answer and the link it used once closed', async () => {
    const pgApp = await createTestApp({ databaseUrl: pgSchema!.url });
    try {
      const { head, employees } = await seedUnit(pgApp, 3);
      const { links, campaignId } = await openCampaignWith(pgApp, head.id, employees.map((p: { id: string }) => p.id));
      for (const link of links.filter((l) => l.relation !== 'self')) {
        await pgApp.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers('head', () => 4) }, { cookie: null });
      }
      const linked = () =>
        sql<{ n: number }>`select count(*)::int as n from response r join invitation i on i.xmin::text = r.xmin::text`.execute(pgApp.conn.db);
      // While the campaign is open each answer shares its transaction with the invitation it used up.
      expect((await linked()).rows[0]!.n).toBe(3);
      expect((await pgApp.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
      // Closing rewrote both in one transaction: nothing tells one answer's respondent apart any more.
      const xmins = await sql<{ x: string }>`select distinct xmin::text as x from response union select distinct xmin::text from invitation`.execute(pgApp.conn.db);
      expect(xmins.rows).toHaveLength(1);
    } finally {
      await pgApp.conn.db.destroy();
    }
  });
});
