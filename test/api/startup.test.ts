import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listCampaigns } from '../../db/repositories/campaigns.ts';
import { listPeople } from '../../db/repositories/staff.ts';
import { loadDemo } from '../../server/demo/loadDemo.ts';
import { closeOverdueCampaigns } from '../../server/services/campaignClosing.ts';
import { evaluationReport } from '../../server/services/reports.ts';
import { requestWithHost } from '../support/hostRequest.ts';
import { startServerProcess as startServer } from '../support/serverProcess.ts';
import { testAnswerKeys } from '../support/testApp.ts';
import { connectFresh, freshDatabaseUrl, onPostgres } from '../support/testDatabase.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-start-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('starting the product', () => {
  it(`creates and migrates ${onPostgres ? 'the PostgreSQL database of DATABASE_URL' : 'the SQLite file under DATA_DIR'}, listens on PORT, prints the first admin password once`, async () => {
    const dataDir = tempDir();
    const port = String(18_000 + Math.floor(Math.random() * 2000));
    const database: Record<string, string> = onPostgres ? { DATABASE_URL: await freshDatabaseUrl() } : {};
    const first = await startServer({ DATA_DIR: dataDir, PORT: port, ...database });
    expect(first.output()).toContain(onPostgres ? '(database: postgres)' : `(database: sqlite ${path.join(dataDir, 'bagalau360.sqlite')})`);
    expect(fs.existsSync(path.join(dataDir, 'bagalau360.sqlite'))).toBe(!onPostgres);
    const password = /password: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeTruthy();
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({ login: 'admin', password }),
    });
    expect(login.status).toBe(200);
    await first.stop('SIGTERM');

    const second = await startServer({ DATA_DIR: dataDir, PORT: port, ...database });
    expect(second.output()).not.toContain('password:');
    await second.stop('SIGTERM');
  });

  it('refuses a bad configuration with a clear message', async () => {
    await expect(startServer({ DATA_DIR: tempDir(), PORT: 'eighty' })).rejects.toThrow(/PORT/);
  });

  it('without PUBLIC_URL, listening beyond this computer, says links need it, and issues them only on this computer, on the port taken', async () => {
    const database: Record<string, string> = onPostgres ? { DATABASE_URL: await freshDatabaseUrl() } : {};
    const server = await startServer({ DATA_DIR: tempDir(), HOST: '0.0.0.0', ...database });
    try {
      const port = new URL(server.origin).port;
      expect(server.output()).toContain(`PUBLIC_URL is not set, so respondent links cannot be issued to anyone working from another computer:\nthey are issued only on this one, at http://localhost:${port}`);
      // The first administrator, signed in at the server's loopback address, asks as if at other addresses.
      const password = /password: (\S+)/.exec(server.output())![1]!;
      const signedIn = await fetch(`${server.origin}/api/auth/login`, { method: 'POST', headers: { origin: server.origin, 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password }) });
      const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
      const post = (host: string, path: string, body: unknown) => requestWithHost(server.origin, { method: 'POST', path: `/api${path}`, host, body, headers: { origin: `http://${host}`, cookie } });
      const campaignId = (await post(`localhost:${port}`, '/campaigns', { name: 'Сілтемелер', year: 2025 })).body.id;
      const forged = await post('evil.example', `/campaigns/${campaignId}/links`, {});
      expect(forged.status).toBe(409);
      expect(forged.body.error).toMatchObject({ code: 'links.publicUrlRequired', details: { origin: `http://localhost:${port}` } });
      expect(await post(`localhost:${port}`, `/campaigns/${campaignId}/links`, {})).toEqual({ status: 201, body: { links: [] } });
    } finally {
      await server.stop('SIGTERM');
    }
  }, 60_000);
});

describe('demo data', () => {
  it('loads an organisation, a closed campaign with reports and an open one', async () => {
    const { db } = await connectFresh();
    const answerKeys = testAnswerKeys();
    const summary = await loadDemo(db, answerKeys, new Date('2026-11-22T08:00:00Z'), 'Asia/Almaty');
    expect(summary.people).toBe(30);
    expect((await listPeople(db)).length).toBe(30);
    const campaigns = await listCampaigns(db);
    expect(campaigns.map((c) => [c.year, c.status])).toEqual([[2026, 'open'], [2025, 'closed']]);
    // The open campaign is not overdue today; last year's has a report for most people.
    expect(await closeOverdueCampaigns(db, answerKeys, new Date('2026-11-22T08:00:00Z'), 'Asia/Almaty')).toEqual([]);
    const closed = await db.selectFrom('evaluation').select('id').where('campaign_id', '=', summary.closedCampaignId).execute();
    const reports = await Promise.all(closed.map((e) => evaluationReport(db, e.id)));
    expect(reports.filter((r) => r.report.status === 'ready').length).toBeGreaterThan(20);
    // At midnight after 10 January in Almaty the open campaign closes by itself.
    expect(await closeOverdueCampaigns(db, answerKeys, new Date('2027-01-10T19:00:00Z'), 'Asia/Almaty')).toEqual([summary.openCampaignId]);
    await db.destroy();
  });
});
