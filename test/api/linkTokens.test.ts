import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { findTokenTarget } from '../../db/repositories/responses.ts';
import { hashToken, newToken } from '../../server/security/tokens.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { schemaFacts } from '../support/schemaFacts.ts';
import { startSmtp } from '../support/smtpServer.ts';
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
    const tables = Object.keys((await schemaFacts(t.conn)).columns);
    expect(tables).toEqual(expect.arrayContaining(['link', 'invitation', 'response', 'audit_entry', 'delivery']));
    for (const name of tables) {
      const content = JSON.stringify((await sql`select * from ${sql.table(name)}`.execute(t.conn.db)).rows);
      expect(content, name).not.toContain(token);
    }
    expect(await findTokenTarget(t.conn.db, hashToken(token))).toMatchObject({ relation: 'peer', answered: false });
    expect(await findTokenTarget(t.conn.db, token)).toBeUndefined();
  });
});

describe('what a link carries', () => {
  it('is the site’s /r with the token in the fragment, and nothing else: listed, printed or e-mailed', async () => {
    const smtp = await startSmtp();
    try {
      const app = await createTestApp({ mail: { smtpUrl: smtp.url, from: 'Bagalau 360 <hr@b360.test>' } });
      const { head, employees } = await seedUnit(app, 3);
      await app.conn.db.updateTable('person').set({ email: 'one@b360.test' }).where('id', '=', employees[0].id).execute();
      const { campaignId, links } = await openCampaignWith(app, head.id, employees.map((p: { id: string }) => p.id));
      const sheets = (await app.json('POST', `/campaigns/${campaignId}/sheets`, {})).body.sheets as Array<{ url: string }>;
      expect((await app.json('POST', `/campaigns/${campaignId}/deliveries/invitations`, {})).status).toBe(202);
      await app.deliveryWorker.kick();
      const [mail] = await smtp.waitFor(1);
      // The message is in Kazakh and Russian: the same link twice, in the text and in the HTML's links.
      const mailed = [...new Set([...mail!.text!.matchAll(/\S*\/r\S*/g), ...String(mail!.html).matchAll(/href="([^"]*\/r[^"]*)"/g)].map((m) => m[1] ?? m[0]))];
      expect(mailed).toHaveLength(1);
      const urls = [...links.map((l) => l.url), ...sheets.map((s) => s.url), ...mailed];
      expect(urls.length).toBeGreaterThanOrEqual(1 + 4 + 3);
      // No query, no id, no name: the server learns the token only from the page's POST body.
      for (const url of urls) expect(url).toMatch(/^http:\/\/b360\.test\/r#[A-Za-z0-9_-]{43}$/);
      expect(new Set(urls.map(tokenOf)).size).toBe(urls.length);
      // The API takes a token from a POST body only: a URL that carried one would land in access logs.
      const token = tokenOf(links[0]!.url);
      for (const route of ['open', 'submit']) {
        expect((await app.call('GET', `/respond/${route}?token=${token}`, undefined, { cookie: null })).status).toBe(401);
        const inQuery = await app.call('POST', `/respond/${route}?token=${token}`, undefined, { cookie: null, raw: '{}' });
        expect(inQuery.status).toBe(400);
      }
    } finally {
      await smtp.close();
    }
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
