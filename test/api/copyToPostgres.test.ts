import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DB } from '../../db/connect.ts';
import { copySqliteToPostgres } from '../../db/copyDatabase.ts';
import { migratorFor } from '../../db/migrations/index.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { signInAs } from '../support/signIn.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { connectTestDatabase, freshDatabaseUrl, onPostgres } from '../support/testDatabase.ts';

const TSX = path.resolve('node_modules/.bin/tsx');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-copy-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The test apps' clock, and the code an authenticator app holding `secret` shows at `at`. */
const START = new Date('2025-12-15T06:00:10Z');
const codeAt = (secret: string, at: Date) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });

/** The tables this installation has rows in. */
const COUNTED = { unit: 0, person: 0, app_user: 0, user_session: 0, campaign: 0, evaluation: 0, invitation: 0, link: 0, response: 0, audit_entry: 0, evaluation_result: 0 };
const tableCounts = async (db: DB) => {
  const counts = { ...COUNTED };
  for (const table of Object.keys(COUNTED) as Array<keyof typeof COUNTED>) {
    counts[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  }
  return counts;
};

// Copies a SQLite installation into PostgreSQL: part of the suite's PostgreSQL pass (TEST_DATABASE=postgres),
// where a server is sure to answer.
describe.runIf(onPostgres)('copying a SQLite installation into PostgreSQL (npm run copy-to-postgres)', () => {
  const dataDir = path.join(root, 'installation');
  const sourceFile = path.join(dataDir, 'bagalau360.sqlite');
  const totpKey = randomBytes(32);
  let source: TestApp;
  let target: string;
  let evaluationId: string;
  let adminSecret: string;
  let report: unknown;
  let copied: { code: number; stdout: string; stderr: string };
  let movedId: string;
  let laterManagerId: string;

  beforeAll(async () => {
    // An installation in use: staff, a closed campaign with its answers and kept results, accounts, an
    // administrator with a second factor, sessions and the audit log of it all.
    source = await createTestApp({ databaseUrl: `sqlite:${sourceFile}`, totpKey });
    source.setNow(START);
    const admin = await signInAs(source, 'admin', 'root');
    adminSecret = (await source.call('POST', '/auth/totp/setup', {}, { cookie: admin }).then((r) => r.json())).secret;
    expect((await source.call('POST', '/auth/totp/confirm', { code: codeAt(adminSecret, START) }, { cookie: admin })).status).toBe(204);
    const { unit, head, employees } = await seedUnit(source, 4);
    // A parent unit and a manager added after those who refer to them: the copy cannot simply follow row order.
    const parent = (await source.json('POST', '/units', { name: 'Аппарат', parentId: null })).body.unit;
    expect((await source.json('PUT', `/units/${unit.id}`, { name: unit.name, parentId: parent.id })).status).toBe(204);
    const moved = employees[1];
    movedId = moved.id;
    laterManagerId = employees[3].id;
    expect((await source.json('PUT', `/people/${moved.id}`, { fullName: moved.fullName, position: moved.position, unitId: unit.id, category: moved.category, managerId: employees[3].id, email: null })).status).toBe(200);
    const opened = await openCampaignWith(source, employees[0].id, [head.id, employees[1].id, employees[2].id]);
    evaluationId = opened.evaluationId;
    for (const [i, link] of opened.links.entries()) {
      expect((await source.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers('employee', (ci) => 1 + ((ci + i) % 5)) }, { cookie: null })).status).toBe(201);
    }
    expect((await source.json('POST', `/campaigns/${opened.campaignId}/close`)).status).toBe(204);
    report = (await source.json('GET', `/evaluations/${evaluationId}/report`)).body;

    target = await freshDatabaseUrl();
    // As an operator runs it, on the installation of DATA_DIR, while its server (here the test app) is running.
    const { DATABASE_URL: _ignored, ...env } = process.env;
    copied = await promisify(execFile)(TSX, ['server/cli/copyToPostgres.ts', target], { env: { ...env, DATA_DIR: dataDir } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  }, 60_000);

  it('copies every table, checks the counts and the audit chain, and says so', async () => {
    expect(copied.stderr).toBe('');
    expect(copied.code).toBe(0);
    expect(copied.stdout).toMatch(/^Copied \d+ rows in [\d.]+ s \(\d+ rows\/s\); row counts match in every table, audit chain intact \(\d+ entries\)\.$/m);
    const copy = await connectTestDatabase(target, { migrate: false });
    expect(await tableCounts(copy.db)).toEqual(await tableCounts(source.conn.db));
    expect((await tableCounts(copy.db)).audit_entry).toBeGreaterThan(5);
    // The rows themselves, not only their number: units' parents and people's managers, answers, accounts with
    // their sealed second factor, the audit log — every value as it was (sorted here: the collations differ).
    const rows = async (db: DB, table: keyof typeof COUNTED) => (await db.selectFrom(table).selectAll().execute()).map((r) => JSON.stringify(r)).sort();
    for (const table of Object.keys(COUNTED) as Array<keyof typeof COUNTED>) expect(await rows(copy.db, table), table).toEqual(await rows(source.conn.db, table));
    expect((await copy.db.selectFrom('person').select('manager_id').where('id', '=', movedId).executeTakeFirstOrThrow()).manager_id).toBe(laterManagerId);
  });

  it('gives the same report, and the accounts sign in there, second factor included', async () => {
    const moved = await createTestApp({ databaseUrl: target, existingAccount: true, totpKey });
    expect(moved.conn.dialect).toBe('postgres');
    expect(moved.cookie).not.toBe('');
    moved.setNow(new Date(START.getTime() + 60_000));
    expect((await moved.json('GET', `/evaluations/${evaluationId}/report`)).body).toEqual(report);
    const signIn = (code: string) => moved.call('POST', '/auth/login', { login: 'root', password: 'root-password', code }, { cookie: null });
    // The code used at the source is refused as used (the last accepted step came along); a new one opens.
    expect((await signIn(codeAt(adminSecret, START))).status).toBe(401);
    expect((await signIn(codeAt(adminSecret, new Date(START.getTime() + 60_000)))).status).toBe(200);
    // The copied audit log goes on: new entries chain from the copied ones.
    expect((await moved.json('POST', '/units', { name: 'Көшірілген бөлім', parentId: null })).status).toBe(201);
    const verified = await promisify(execFile)(TSX, ['server/cli/auditVerify.ts'], { env: { ...process.env, DATABASE_URL: target } });
    expect(verified.stdout).toMatch(/^OK: \d+ audit entries, chain intact\.$/m);
  });

  it('refuses a target that already holds data, and leaves it as it was', async () => {
    const copy = await connectTestDatabase(target, { migrate: false });
    const before = await tableCounts(copy.db);
    await expect(copySqliteToPostgres(sourceFile, target)).rejects.toThrow(/^The target already holds data \(.*app_user: \d+.*\)\. Copy only into an empty database.*Nothing was changed\.$/);
    expect(await tableCounts(copy.db)).toEqual(before);
  });

  it('copies the moment it began while the installation goes on being written', async () => {
    const snapshot = await freshDatabaseUrl();
    const writer = new SqliteDatabase(sourceFile);
    let written = false;
    const done = await copySqliteToPostgres(sourceFile, snapshot, () => {
      if (written) return;
      writer.prepare(`insert into unit (id, name, parent_id, created_at) values ('late', 'Кейін қосылған', null, '2025-12-15T06:00:00.000Z')`).run();
      written = true;
    });
    writer.close();
    const copy = await connectTestDatabase(snapshot, { migrate: false });
    expect(written).toBe(true);
    expect(done.tables.find((t) => t.table === 'unit')!.rows).toBe((await tableCounts(source.conn.db)).unit - 1);
    expect(await copy.db.selectFrom('unit').select('id').where('id', '=', 'late').execute()).toEqual([]);
  });

  it('refuses, with what to do, an unreachable target, a target that is not PostgreSQL and a source that is not this product’s SQLite database', async () => {
    const empty = await freshDatabaseUrl();
    await expect(copySqliteToPostgres(sourceFile, 'postgres://b360:secret@127.0.0.1:9/b360')).rejects.toThrow(
      /^Cannot reach PostgreSQL at postgres:\/\/b360:\*\*\*@127\.0\.0\.1:9\/b360: .*ECONNREFUSED.*Check the URL/,
    );
    await expect(copySqliteToPostgres(sourceFile, `sqlite:${path.join(root, 'other.sqlite')}`)).rejects.toThrow('The target must be a PostgreSQL URL');

    const text = path.join(root, 'notes.txt');
    fs.writeFileSync(text, 'not a database at all, but long enough to be read as one '.repeat(20));
    await expect(copySqliteToPostgres(text, empty)).rejects.toThrow(`${text} is not a SQLite database`);
    await expect(copySqliteToPostgres(path.join(root, 'missing.sqlite'), empty)).rejects.toThrow('No SQLite database at');
    const foreign = path.join(root, 'foreign.sqlite');
    const other = new SqliteDatabase(foreign);
    other.exec('create table note (text text)');
    other.close();
    await expect(copySqliteToPostgres(foreign, empty)).rejects.toThrow(`${foreign} is a SQLite database, but not one of Bagalau 360`);
    const older = path.join(root, 'older.sqlite');
    const { db } = await connect(`sqlite:${older}`, { migrate: false });
    await (await migratorFor(db, 'sqlite')).migrateTo('0009_training');
    await db.destroy();
    await expect(copySqliteToPostgres(older, empty)).rejects.toThrow(/is from an older version of Bagalau 360 \(schema 0009_training\): start this version on it once/);
    // Nothing of any of them reached the target, not even the migrations.
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema()`.execute((await connectTestDatabase(empty, { migrate: false })).db);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a PostgreSQL installation as the source', async () => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const refused = await promisify(execFile)(TSX, ['server/cli/copyToPostgres.ts', target], { env: { ...env, DATABASE_URL: target } }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('DATABASE_URL names a PostgreSQL database: the source must be SQLite (--from sqlite:<file>).');
  });
});
