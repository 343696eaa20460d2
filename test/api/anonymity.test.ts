import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { openWithRelations } from '../support/campaignWithRelations.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { rankCorrelation, sequenceOf, submitInKnownOrder, UNRELATED } from '../support/knownOrder.ts';
import { schemaFacts } from '../support/schemaFacts.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { openedBoxes } from '../support/sealedAnswers.ts';
import { onPostgres } from '../support/testDatabase.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});

/** The stored answers' sequence numbers, in the order the database keeps the rows (or in `id` order). */
async function storedOrder(app: TestApp, by: 'storage' | 'id'): Promise<Array<{ evaluationId: string; seq: number }>> {
  const order = by === 'id' ? sql`id` : app.conn.dialect === 'postgres' ? sql`ctid` : sql`rowid`;
  const rows = await sql<{ evaluation_id: string; answers: string }>`select evaluation_id, answers from response order by ${order}`.execute(app.conn.db);
  return rows.rows.map((r) => ({ evaluationId: r.evaluation_id, seq: sequenceOf(JSON.parse(r.answers) as Record<string, number>) }));
}

/** The sealed answers' sequence numbers while the campaign is open, in the order of the boxes' keys or storage. */
async function boxOrder(app: TestApp, by: 'storage' | 'id'): Promise<Array<{ evaluationId: string; seq: number }>> {
  const opened = new Map((await openedBoxes(app.conn.db, app.answerKeys)).map((b) => [b.id, b]));
  const order = by === 'id' ? sql`id` : app.conn.dialect === 'postgres' ? sql`ctid` : sql`rowid`;
  const rows = await sql<{ id: number }>`select id from answer_box order by ${order}`.execute(app.conn.db);
  return rows.rows.map((r) => {
    const box = opened.get(Number(r.id))!;
    return { evaluationId: box.evaluationId, seq: sequenceOf(box.answers) };
  });
}

/**
 * How closely storage follows submission: over all answers, and on average within each evaluation — the order
 * that matters to someone who saw which of an evaluation's invitations were answered first.
 */
function correlations(stored: Array<{ evaluationId: string; seq: number }>) {
  const evaluations = [...new Set(stored.map((r) => r.evaluationId))];
  const within = evaluations.map((e) => rankCorrelation(stored.filter((r) => r.evaluationId === e).map((r) => r.seq)));
  return { overall: rankCorrelation(stored.map((r) => r.seq)), withinEvaluation: within.reduce((a, b) => a + b, 0) / within.length };
}

describe('anonymity by construction (docs/threat-model.md)', () => {
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
    // While the campaign is open the group is sealed in the answer's box with the rest.
    const sealed = (await openedBoxes(t.conn.db, t.answerKeys, run.evaluationId)).map((b) => `${b.isSelf ? 1 : 0}:${b.group}`).sort();
    const stored = async () =>
      (await t.conn.db.selectFrom('response').select(['is_self', 'respondent_group']).where('evaluation_id', '=', run.evaluationId).execute())
        .map((r) => `${r.is_self}:${r.respondent_group}`)
        .sort();
    const expected = ['0:other', '0:other', '0:other', '0:subordinate', '0:subordinate', '0:subordinate', '0:subordinate', '1:null'];
    expect(sealed).toEqual(expected);
    expect(await stored()).toEqual([]);
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
    expect((await openedBoxes(t.conn.db, t.answerKeys, run.evaluationId)).map((b) => b.group).sort()).toEqual(['other', 'subordinate', 'subordinate', 'subordinate', 'subordinate']);
    await run.close();
    expect(await groups()).toEqual(['other', 'other', 'other', 'other', 'other']);
  });

  it('keeps link tokens only as hashes: no token appears anywhere in the database', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const { links } = await openCampaignWith(t, head.id, employees.map((p: { id: string }) => p.id));
    await t.call('POST', '/respond/submit', { token: tokenOf(links[1]!.url), answers: fullAnswers('head', () => 4) }, { cookie: null });
    const dump: string[] = [];
    for (const table of ['unit', 'person', 'app_user', 'user_session', 'campaign', 'evaluation', 'invitation', 'link', 'link_holder', 'response', 'answer_box', 'audit_entry', 'delivery'] as const) {
      const rows = await t.conn.db.selectFrom(table).selectAll().execute();
      dump.push(JSON.stringify(rows));
    }
    const everything = dump.join('\n');
    for (const link of links) expect(everything).not.toContain(tokenOf(link.url));
    expect(everything).toContain('"token_hash":"');
  });

  it.runIf(onPostgres)('on PostgreSQL, pairs an invitation by transaction id with ciphertext only, and with nothing once closed', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const { links, campaignId } = await openCampaignWith(t, head.id, employees.map((p: { id: string }) => p.id));
    for (const link of links.filter((l) => l.relation !== 'self')) {
      await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers('head', () => 4) }, { cookie: null });
    }
    // While the campaign is open each box shares its transaction with the invitation it used up — and is ciphertext.
    const paired = await sql<{ box: string }>`select b.box from answer_box b join invitation i on i.xmin::text = b.xmin::text`.execute(t.conn.db);
    expect(paired.rows).toHaveLength(3);
    for (const { box } of paired.rows) expect(box).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await t.conn.db.selectFrom('response').select('id').execute()).toEqual([]);
    expect((await t.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
    // Closing wrote the answers and rewrote the invitations in one transaction: one id for all of them.
    const xmins = await sql<{ x: string }>`select distinct xmin::text as x from response union select distinct xmin::text from invitation`.execute(t.conn.db);
    expect(xmins.rows).toHaveLength(1);
    expect(await t.conn.db.selectFrom('answer_box').select('id').execute()).toEqual([]);
  });
});

/** The schema and storage properties, on the database the suite runs on (npm test runs both). */
describe('storage', () => {
  it('has no column, index, key, trigger or other table that could join an answer to a link, an invitation or a respondent', async () => {
    const facts = await schemaFacts(t.conn);
    // Allow-lists: a column added later fails here and must be argued for in docs/threat-model.md.
    expect(facts.columns.response).toEqual(['answers', 'evaluation_id', 'id', 'is_self', 'respondent_group']);
    // The invitation knows whether it was answered, never when; its links are bare hashes, with no time either.
    expect(facts.columns.invitation).toEqual(['answered', 'evaluation_id', 'id', 'relation', 'respondent_id']);
    expect(facts.columns.link).toEqual(['invitation_id', 'token_hash']);
    // While a campaign is open an answer is a sealed box of its evaluation, and nothing else.
    expect(facts.columns.answer_box).toEqual(['box', 'evaluation_id', 'id']);
    expect(facts.defaults.answer_box).toEqual([]);
    // Which staff accounts held an invitation's link (a report they read does not count that answer): no answer, no time.
    expect(facts.columns.link_holder).toEqual(['invitation_id', 'user_id']);
    expect(facts.defaults.link_holder).toEqual([]);
    // No default fills in a clock or a counter behind the application's back.
    expect(facts.defaults.response).toEqual([]);
    expect(facts.defaults.link).toEqual([]);
    expect(facts.defaults.invitation).toEqual(['answered']);

    // Answers are found by evaluation (and by their random key), by nothing else.
    const responseIndexes = facts.indexes.filter((i) => i.table === 'response');
    expect(responseIndexes.map((i) => i.columns.join(',')).sort()).toEqual(t.conn.dialect === 'postgres' ? ['evaluation_id', 'id'] : ['evaluation_id']);
    expect(responseIndexes.some((i) => i.expression)).toBe(false);
    // The one reference out of an answer names the evaluated person's evaluation, shared by all its respondents.
    expect(facts.foreignKeys.filter((k) => k.table === 'response')).toEqual([{ table: 'response', columns: ['evaluation_id'], references: 'evaluation', referencedColumns: ['id'] }]);
    expect(facts.foreignKeys.filter((k) => k.table === 'answer_box')).toEqual([{ table: 'answer_box', columns: ['evaluation_id'], references: 'evaluation', referencedColumns: ['id'] }]);
    const boxIndexes = facts.indexes.filter((i) => i.table === 'answer_box');
    expect(boxIndexes.map((i) => i.columns.join(',')).sort()).toEqual(t.conn.dialect === 'postgres' ? ['evaluation_id', 'id'] : ['evaluation_id']);
    // Nothing points at an answer: no key, no column named after it.
    expect(facts.foreignKeys.filter((k) => k.references === 'response' || k.references === 'answer_box')).toEqual([]);
    for (const [table, columns] of Object.entries(facts.columns)) {
      if (table !== 'response') expect(columns.filter((c) => /(respon[sd]e?|box)_?(id|key|row|seq)$/.test(c)), table).toEqual([]);
    }
    // Only links, their holders and deliveries hang off an invitation, and none records an answer.
    expect(facts.foreignKeys.filter((k) => k.references === 'invitation').map((k) => `${k.table}.${k.columns.join(',')}`).sort()).toEqual(['delivery.invitation_id', 'link.invitation_id', 'link_holder.invitation_id']);
    expect(facts.foreignKeys.filter((k) => k.references === 'link')).toEqual([]);
    expect(facts.columns.delivery!.filter((c) => /answer|respon|submit/.test(c))).toEqual([]);
    // No trigger, view or rule could copy an answer next to its link as it is written.
    expect(facts.triggers.filter((x) => /response|answer_box|invitation|link/i.test(`${x.table} ${x.definition}`))).toEqual([]);
    expect(facts.views).toEqual([]);
    expect(facts.rules).toEqual([]);
  });

  it('stores answers in an order unrelated to submission order: by key always, in storage once closed', async () => {
    const { campaignId, count } = await submitInKnownOrder(t);
    const unrelated = (stored: Array<{ evaluationId: string; seq: number }>) => {
      expect(stored.map((r) => r.seq).sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
      const { overall, withinEvaluation } = correlations(stored);
      expect(Math.abs(overall)).toBeLessThan(UNRELATED);
      expect(Math.abs(withinEvaluation)).toBeLessThan(UNRELATED);
    };
    unrelated(await boxOrder(t, 'id'));
    if (t.conn.dialect === 'postgres') {
      // PostgreSQL appends rows to its heap as they come: until closing, the boxes' physical order IS the
      // submission order — of ciphertext (docs/threat-model.md). This also shows the statistic catches an ordered table.
      expect(correlations(await boxOrder(t, 'storage'))).toEqual({ overall: 1, withinEvaluation: 1 });
    } else {
      // SQLite keeps the table in rowid order, and the rowid is the random key.
      unrelated(await boxOrder(t, 'storage'));
    }
    expect((await t.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
    unrelated(await storedOrder(t, 'storage'));
    unrelated(await storedOrder(t, 'id'));
  });
});
