import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../server/security/tokens.ts';
import { fullAnswers, tokenOf } from '../support/fixtures.ts';
import { startServerProcess } from '../support/serverProcess.ts';
import { startSmtp } from '../support/smtpServer.ts';
import { onPostgres } from '../support/testDatabase.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-logs-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// The database, its WAL and shared memory (not the folder of answer keys beside them).
const databaseFiles = () => fs.readdirSync(dataDir).map((name) => path.join(dataDir, name)).filter((file) => fs.statSync(file).isFile());

// Reads the SQLite files themselves (free pages, write-ahead log) and forces a failure with a SQLite trigger:
// the PostgreSQL pass of the suite (TEST_DATABASE=postgres) skips it.
describe.skipIf(onPostgres)('what the running server writes down', () => {
  it('records no link token, nor its hash, in its output, the audit log or delivery errors', async () => {
    const smtp = await startSmtp();
    smtp.echo.add('echo@b360.test');
    const server = await startServerProcess({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SMTP_URL: smtp.url, MAIL_FROM: 'Bagalau 360 <hr@b360.test>', CHROMIUM_PATH: '/nonexistent/chromium' });
    const { origin } = server;
    const tokens = new Set<string>();
    let cookie = '';
    const call = async (method: string, apiPath: string, body?: unknown, raw?: string) => {
      const res = await fetch(`${origin}/api${apiPath}`, {
        method,
        headers: { origin, 'content-type': 'application/json', ...(cookie && { cookie }) },
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text() };
    };
    const keep = (urls: string[]) => urls.forEach((url) => tokens.add(tokenOf(url)));
    try {
      // The first administrator, printed once at start, runs the campaign.
      const password = /password: (\S+)/.exec(server.output())![1]!;
      const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password }) });
      cookie = login.headers.get('set-cookie')!.split(';')[0]!;

      const unitId = (await call('POST', '/units', { name: 'Қаржы', parentId: null })).body.unit.id;
      const person = async (fullName: string, email: string | null) => (await call('POST', '/people', { fullName, position: 'Маман', unitId, category: 'E-4', managerId: null, email })).body.person.id as string;
      const evaluated = await person('Бағаланушы', 'self@b360.test');
      const respondents = [await person('Бірінші', 'one@b360.test'), await person('Екінші', 'echo@b360.test'), await person('Үшінші', null), await person('Төртінші', 'four@b360.test')];
      const year = new Date().getMonth() >= 6 ? new Date().getFullYear() : new Date().getFullYear() - 1;
      const campaignId = (await call('POST', '/campaigns', { name: 'Логтар', year })).body.id;
      const [evaluationId] = (await call('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [evaluated] })).body.ids;
      expect((await call('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents: respondents.map((personId) => ({ personId, relation: 'peer' })) })).status).toBe(204);
      expect((await call('POST', `/campaigns/${campaignId}/open`)).status).toBe(204);

      // Every way a link is issued: the list, printed sheets, e-mail (one refused with the link quoted back), a reminder.
      const listed = (await call('POST', `/campaigns/${campaignId}/links`, {})).body.links as Array<{ url: string }>;
      keep(listed.map((l) => l.url));
      const sheets = (await call('POST', `/campaigns/${campaignId}/sheets`, {})).body.sheets as Array<{ url: string }>;
      expect(sheets).toHaveLength(1);
      keep(sheets.map((s) => s.url));
      const deliveriesDone = async () => {
        for (let i = 0; i < 200; i++) {
          const { counts } = (await call('GET', `/campaigns/${campaignId}/deliveries`)).body;
          if (counts.pending === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('deliveries did not finish');
      };
      expect((await call('POST', `/campaigns/${campaignId}/deliveries/invitations`, {})).status).toBe(202);
      await deliveriesDone();
      expect(smtp.echoed).toHaveLength(1);
      const mailed = () => smtp.messages.map((m) => /\S+\/r#[A-Za-z0-9_-]{43}/.exec(m.text!)![0]);
      keep([...mailed(), ...smtp.echoed]);
      const [firstMailed] = mailed();

      // Respondents: a good link opened and answered, used again, unknown links, malformed bodies, a link put in the URL.
      const respond = (route: string, body: unknown, raw?: string) => fetch(`${origin}/api/respond/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });
      const good = tokenOf(firstMailed!);
      expect((await respond('open', { token: good })).status).toBe(200);
      expect((await respond('submit', { token: good, answers: fullAnswers('employee', () => 4) })).status).toBe(201);
      expect((await respond('submit', { token: good, answers: fullAnswers('employee', () => 4) })).status).toBe(410);
      for (let i = 0; i < 3; i++) {
        const unknown = newToken();
        tokens.add(unknown);
        expect((await respond(i ? 'submit' : 'open', { token: unknown, answers: {} })).status).toBeGreaterThanOrEqual(400);
      }
      const another = tokenOf(sheets[0]!.url);
      expect((await respond('open', null, `{"token":"${another}",`)).status).toBe(400);
      expect((await respond('open', { token: another, extra: another })).status).toBe(400);
      expect((await respond('open', { token: `${another}${another}` })).status).toBe(400);
      expect((await respond('submit', { token: another, answers: { [another]: 9 } })).status).toBeGreaterThanOrEqual(400);
      expect((await fetch(`${origin}/api/respond/open?token=${another}`, { method: 'POST' })).status).toBe(415);
      await fetch(`${origin}/r?t=${another}`);

      // A failure inside the server while an answer is written: it is logged, the link is not.
      const sqlite = new SqliteDatabase(path.join(dataDir, 'bagalau360.sqlite'));
      sqlite.exec(`create trigger forced_failure before insert on answer_box begin select raise(abort, 'forced failure for the log test'); end`);
      const failed = await respond('submit', { token: another, answers: fullAnswers('employee', () => 3) });
      sqlite.exec('drop trigger forced_failure');
      sqlite.close();
      expect(failed.status).toBe(500);
      expect(await failed.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });

      // A reminder: new links by e-mail for those who have not answered.
      expect((await call('POST', `/campaigns/${campaignId}/deliveries/reminders`)).status).toBe(202);
      await deliveriesDone();
      keep([...mailed(), ...smtp.echoed]);
      expect(smtp.echoed).toHaveLength(2);
    } finally {
      await server.stop('SIGTERM');
      await smtp.close();
    }

    const output = server.output();
    expect(output).toContain('forced failure for the log test');
    expect(tokens.size).toBeGreaterThanOrEqual(12);
    const db = new SqliteDatabase(path.join(dataDir, 'bagalau360.sqlite'), { readonly: true });
    const audit = JSON.stringify(db.prepare('select * from audit_entry').all());
    const errors = db.prepare('select last_error from delivery where last_error is not null').all() as Array<{ last_error: string }>;
    db.close();
    // The refused messages are recorded with the server's reason, the quoted link cut out.
    expect(errors).toHaveLength(2);
    for (const { last_error } of errors) expect(last_error).toMatch(/^554 .*Message refused as suspicious: \S*…$/);
    expect(audit).toContain('/campaigns/:id/links');
    const files = databaseFiles().map((file) => fs.readFileSync(file).toString('latin1'));
    for (const token of tokens) {
      for (const secret of [token, hashToken(token)]) {
        expect(output).not.toContain(secret);
        expect(audit).not.toContain(secret);
        for (const { last_error } of errors) expect(last_error).not.toContain(secret);
      }
      // Not even in the database file's free pages or its write-ahead log.
      for (const content of files) expect(content).not.toContain(token);
    }
  });
});
