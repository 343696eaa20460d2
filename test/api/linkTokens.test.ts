import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { findTokenTarget } from '../../db/repositories/responses.ts';
import { hashToken, newToken } from '../../server/security/tokens.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});

const respond = (path: '/open' | '/submit', token: string) =>
  t.call('POST', `/respond${path}`, path === '/open' ? { token } : { token, answers: fullAnswers('head', () => 4) }, { cookie: null });

async function oneLink() {
  const { head, employees } = await seedUnit(t, 3);
  const { links } = await openCampaignWith(t, head.id, employees.map((p: { id: string }) => p.id));
  return tokenOf(links.find((l) => l.relation === 'peer')!.url);
}

describe('link tokens at rest', () => {
  it('stores only the SHA-256 of each token, and finds a link by that hash alone', async () => {
    const token = await oneLink();
    const rows = await t.conn.db.selectFrom('link').selectAll().execute();
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(token));
    // The token itself is in no table.
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.conn.db);
    for (const { name } of tables.rows) {
      const content = JSON.stringify((await sql`select * from ${sql.table(name)}`.execute(t.conn.db)).rows);
      expect(content, name).not.toContain(token);
    }
    expect(await findTokenTarget(t.conn.db, hashToken(token))).toMatchObject({ relation: 'peer', answered: false });
    expect(await findTokenTarget(t.conn.db, token)).toBeUndefined();
  });
});

describe('unknown tokens from one client', () => {
  it('refuses the client with 429 and Retry-After after 20 unknown tokens, until 10 minutes have passed', async () => {
    const token = await oneLink();
    for (let i = 0; i < 20; i++) expect((await respond(i % 2 ? '/open' : '/submit', newToken())).status).toBe(404);
    for (const refused of [await respond('/open', newToken()), await respond('/submit', token)]) {
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('600');
      expect(await refused.json()).toEqual({
        error: {
          code: 'respond.tooManyUnknownLinks',
          message: 'Too many invalid links were tried from your network. Please wait 10 min and try again, checking that the link was copied completely.',
          details: { minutes: 10 },
        },
      });
    }
    t.setNow(new Date('2025-12-15T06:09:00Z'));
    expect((await respond('/open', token)).headers.get('retry-after')).toBe('60');
    t.setNow(new Date('2025-12-15T06:10:00Z'));
    expect((await respond('/open', token)).status).toBe(200);
    expect((await respond('/submit', token)).status).toBe(201);
  });

  it('does not count requests with a known token, answered or not', async () => {
    const token = await oneLink();
    for (let i = 0; i < 25; i++) expect((await respond('/open', token)).status).toBe(200);
    expect((await respond('/submit', token)).status).toBe(201);
    for (let i = 0; i < 25; i++) expect((await respond('/submit', token)).status).toBe(410);
    for (let i = 0; i < 19; i++) expect((await respond('/open', newToken())).status).toBe(404);
    expect((await respond('/open', token)).status).toBe(410);
    expect((await respond('/open', newToken())).status).toBe(404);
    expect((await respond('/open', newToken())).status).toBe(429);
  });
});
