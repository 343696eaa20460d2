import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migratorFor } from '../../db/migrations/index.ts';
import { hashToken, newToken } from '../../server/security/tokens.ts';
import { checkAnswerKeys } from '../../server/services/campaignClosing.ts';
import { fullAnswers } from '../support/fixtures.ts';
import { createTestApp } from '../support/testApp.ts';
import { connectTestDatabase, freshDatabaseUrl, onPostgres } from '../support/testDatabase.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-upgrade-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = '2025-12-01T00:00:00.000Z';
const answers = (mark: number) => JSON.stringify(fullAnswers('employee', () => mark));

/**
 * An installation of the version before answer boxes (migrations up to 0012): an open campaign whose links an HR
 * officer listed, two of its three respondents answered in plain; and a closed campaign whose links the same
 * officer listed. Returns the database URL and what the upgrade must find.
 */
async function installationBeforeBoxes() {
  const url = onPostgres ? await freshDatabaseUrl() : `sqlite:${path.join(dir, `${crypto.randomUUID()}.sqlite`)}`;
  const conn = await connectTestDatabase(url, { migrate: false });
  const db = conn.db as Kysely<any>;
  await (await migratorFor(db, conn.dialect)).migrateTo('0012_training_aggregates');
  await db.insertInto('unit').values({ id: 'u', name: 'Аппарат', parent_id: null, created_at: at }).execute();
  const people = ['p0', 'p1', 'p2', 'p3'];
  for (const id of people) await db.insertInto('person').values({ id, full_name: id, position: 'Маман', unit_id: 'u', category: 'E-4', manager_id: null, email: null, created_at: at, updated_at: at }).execute();
  await db.insertInto('app_user').values({ id: 'officer', login: 'officer', full_name: 'Officer', role: 'hr', password_hash: 'x', created_at: at, person_id: null }).execute();
  const open = crypto.randomUUID();
  const closed = crypto.randomUUID();
  const invitations: Record<string, string[]> = {};
  for (const [seq, [campaign, status]] of ([[open, 'open'], [closed, 'closed']] as const).entries()) {
    await db.insertInto('campaign').values({ id: campaign, name: status, year: 2025, methodology_id: 'almaty-2023', deadline: '2026-01-10', status, created_at: at }).execute();
    await db.insertInto('evaluation').values({ id: `e-${status}`, campaign_id: campaign, person_id: 'p0', form_key: 'employee', full_name: 'p0', position: 'Маман', unit_name: 'Аппарат', category: 'E-4', evaluator_id: null }).execute();
    invitations[status] = people.slice(1).map((p) => `i-${status}-${p}`);
    await db.insertInto('invitation').values(people.slice(1).map((p, n) => ({ id: `i-${status}-${p}`, evaluation_id: `e-${status}`, respondent_id: p, relation: 'peer', answered: n < 2 ? 1 : 0 }))).execute();
    await db.insertInto('audit_entry').values({ seq: seq + 1, at, user_id: 'officer', user_login: 'officer', action: 'POST /campaigns/:id/links', target: JSON.stringify({ id: campaign }), details: JSON.stringify({ count: 3 }), hash: null }).execute();
  }
  await db.insertInto('response').values([
    { id: 11, evaluation_id: 'e-open', is_self: 0, respondent_group: 'peer', answers: answers(2) },
    { id: 12, evaluation_id: 'e-open', is_self: 0, respondent_group: 'peer', answers: answers(4) },
  ]).execute();
  // The third respondent's link, still unused.
  const token = newToken();
  await db.insertInto('link').values({ token_hash: hashToken(token), invitation_id: 'i-open-p3' }).execute();
  await db.destroy();
  return { url, open, closed, invitations, token };
}

describe('upgrading an installation of the version before answer boxes (migration 0013)', () => {
  it('holds the listed links of campaigns not yet closed as the audit log says, and closes an open campaign with its earlier plain answers', async () => {
    const before = await installationBeforeBoxes();
    const t = await createTestApp({ databaseUrl: before.url });
    const holders = await t.conn.db.selectFrom('link_holder').select(['invitation_id', 'user_id']).orderBy('invitation_id').execute();
    expect(holders).toEqual(before.invitations.open!.map((invitation_id) => ({ invitation_id, user_id: 'officer' })));

    // The first start gives the open campaign a key; its next answer is sealed, the earlier ones stay as they were.
    expect(await checkAnswerKeys(t.conn.db, t.answerKeys)).toEqual({ destroyed: [], made: [before.open], missing: [] });
    expect((await t.call('POST', '/respond/submit', { token: before.token, answers: fullAnswers('employee', () => 5) }, { cookie: null })).status).toBe(201);
    expect(await t.conn.db.selectFrom('answer_box').select('id').execute()).toHaveLength(1);

    // Closing rewrites all three together, under fresh keys, and destroys the key.
    expect((await t.json('POST', `/campaigns/${before.open}/close`)).status).toBe(204);
    const stored = await t.conn.db.selectFrom('response').select(['id', 'answers']).where('evaluation_id', '=', 'e-open').execute();
    expect(stored.map((r) => JSON.parse(r.answers)[Object.keys(JSON.parse(r.answers))[0]!]).sort()).toEqual([2, 4, 5]);
    expect(stored.map((r) => r.id).filter((id) => id === 11 || id === 12)).toEqual([]);
    expect(t.answerKeys.keyOf(before.open)).toBeNull();
    const report = await t.json('GET', '/evaluations/e-open/report');
    expect(report.body.report).toMatchObject({ status: 'ready', responseCount: 3 });
  });
});
