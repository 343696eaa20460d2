import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migratorFor } from '../../db/migrations/index.ts';
import { insertAuditEntry, listChainedEntries } from '../../db/repositories/audit.ts';
import { createApp } from '../../server/app.ts';
import { verifyChain } from '../../db/auditChain.ts';
import { loadConfig } from '../../server/config.ts';
import { signInAs } from '../support/signIn.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { connectFresh, connectTestDatabase, freshDatabaseUrl, onPostgres } from '../support/testDatabase.ts';

const run = promisify(execFile);

describe('concurrent audited requests keep one chain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('numbers and chains forty units added at once, one after another', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => t.json('POST', '/units', { name: `Бөлім ${i}`, parentId: null })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const entries = await listChainedEntries(t.conn.db);
    expect(entries.filter((e) => e.action === 'POST /units')).toHaveLength(40);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(new Set(entries.map((e) => e.hash)).size).toBe(entries.length);
    expect(verifyChain(entries)).toEqual({ ok: true, count: entries.length });
  });
});

describe('migration 0010: chaining the entries already written', () => {
  it('chains existing rows in seq order, and new entries continue the chain', async () => {
    const { db, dialect } = await connectFresh({ migrate: false });
    await (await migratorFor(db, dialect)).migrateTo('0009_training');
    // Inserted out of order, with a gap: the chain follows seq, not rowid insertion. Before 0010, PostgreSQL's
    // seq is an identity that takes given numbers only when told to.
    const given = dialect === 'postgres' ? sql`overriding system value` : sql``;
    for (const seq of [3, 1, 2, 5]) {
      await sql`insert into audit_entry (seq, at, user_id, user_login, action, target, details) ${given}
        values (${seq}, ${`2025-12-0${seq}T09:00:00.000Z`}, null, 'hr', 'POST /units', null, ${JSON.stringify({ n: seq })})`.execute(db);
    }
    await migrateToLatest(db, dialect);
    expect(verifyChain(await listChainedEntries(db))).toEqual({ ok: true, count: 4 });
    await insertAuditEntry(db, { at: '2025-12-09T09:00:00.000Z', userId: null, userLogin: 'hr', action: 'POST /auth/logout', target: null, details: null });
    const entries = await listChainedEntries(db);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 5, 6]);
    expect(verifyChain(entries)).toEqual({ ok: true, count: 5 });
    await db.destroy();
  });
});

describe('the product cannot rewrite its audit log', () => {
  it('leaves every written entry as it was, whatever route is called', async () => {
    const t = await createTestApp();
    const admin = await signInAs(t, 'admin', 'sweep-admin');
    await t.json('POST', '/units', { name: 'Бөлім', parentId: null });
    const before = await listChainedEntries(t.conn.db);
    expect(before.length).toBeGreaterThan(2);
    const app = createApp({ conn: t.conn, config: loadConfig({ DATA_DIR: '/tmp' }), now: () => new Date() }, { staticDir: null });
    const routes = [...new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && r.path !== '/api/auth/logout').map((r) => `${r.method} ${r.path}`))];
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const [method, routePath] = route.split(' ') as [string, string];
      const url = routePath.replace('/api', '').replace(/:\w+/g, '1');
      for (const cookie of [t.cookie, admin]) await t.call(method, url, method === 'GET' || method === 'DELETE' ? undefined : {}, { cookie });
    }
    const after = await listChainedEntries(t.conn.db);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(verifyChain(after).ok).toBe(true);
    await t.conn.db.destroy();
  });

  it('has no code outside its migrations that updates or deletes audit entries', () => {
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const offending = [...sources('server'), ...sources('db/repositories'), ...sources('shared')].filter((file) =>
      /(updateTable|deleteFrom)\(\s*'audit_entry'|(update|delete\s+from)\s+audit_entry/i.test(fs.readFileSync(file, 'utf8')),
    );
    expect(offending).toEqual([]);
  });
});

describe('npm run audit:verify', () => {
  it('prints OK with the count, then the first broken entry and fails once a row is edited', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-audit-'));
    const databaseUrl = onPostgres ? await freshDatabaseUrl() : `sqlite:${path.join(dir, 'audit.sqlite')}`;
    const { db } = await connectTestDatabase(databaseUrl);
    for (const action of ['POST /units', 'POST /people', 'POST /campaigns']) {
      await insertAuditEntry(db, { at: '2025-12-15T06:00:00.000Z', userId: null, userLogin: 'hr', action, target: null, details: null });
    }
    const verify = () => run('npx', ['tsx', 'server/cli/auditVerify.ts'], { env: { ...process.env, DATABASE_URL: databaseUrl } });

    expect((await verify()).stdout).toContain('OK: 3 audit entries');
    await sql`update audit_entry set user_login = 'someone' where seq = 2`.execute(db);
    const failed = await verify().then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('BROKEN at seq 2 (edited)');
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});
