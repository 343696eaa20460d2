import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../db/connect.ts';
import { listChainedEntries } from '../../db/repositories/audit.ts';
import { insertUnit } from '../../db/repositories/staff.ts';
import { verifyChain } from '../../db/auditChain.ts';
import { backupDatabase, POSTGRES_ADVICE, restoreDatabase } from '../../server/services/backups.ts';
import { fingerprint, openCampaignWithManyLinks, type PreparedLink } from '../support/manyLinks.ts';
import { openedBoxes } from '../support/sealedAnswers.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { onPostgres } from '../support/testDatabase.ts';

const TSX = path.resolve('node_modules/.bin/tsx');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-backup-'));
const dataDir = (name: string) => path.join(root, name);
const databaseOf = (dir: string) => path.join(dir, 'bagalau360.sqlite');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** `npm run backup|restore -- …` as an operator runs it, for the installation in `dir`. */
async function cli(command: 'backup' | 'restore', args: string[], dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [`server/cli/${command}.ts`, ...args], { env: { ...env, DATA_DIR: dir } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const opens = async (t: TestApp, link: PreparedLink) => {
  const res = await t.call('POST', '/respond/open', { token: link.token }, { cookie: null });
  return `${res.status}${res.status === 200 ? '' : ` ${((await res.json()) as { error: { code: string } }).error.code}`}`;
};

// SQLite files: the backup and restore of this installation's database file. PostgreSQL's are pg_dump and
// pg_restore (the last test), so the PostgreSQL pass of the suite (TEST_DATABASE=postgres) skips these.
describe.skipIf(onPostgres)('an online backup restored into a fresh installation', () => {
  let source: TestApp;
  let links: PreparedLink[];
  let campaignId: string;
  const backupFile = path.join(root, 'backups', 'nightly.sqlite');
  /** Links answered with 201, in the order of their commits, and staff units created, as the backup runs. */
  const answered: PreparedLink[] = [];
  let unitsCreated = 0;
  let during = { answersBefore: 0, answersAfter: 0, unitsBefore: 0, unitsAfter: 0 };

  beforeAll(async () => {
    source = await createTestApp({ databaseUrl: `sqlite:${databaseOf(dataDir('live'))}` });
    ({ campaignId, links } = await openCampaignWithManyLinks(source.conn.db, 250, { name: 'Backed up', answerKeys: source.answerKeys }));
    for (const link of links.slice(0, 20)) expect((await source.call('POST', '/respond/submit', { token: link.token, answers: link.answers }, { cookie: null })).status).toBe(201);
    answered.push(...links.slice(0, 20));

    // One writer, one request after another: the backup's moment is a point in this sequence.
    let writing = true;
    const writer = (async () => {
      for (let i = 20; writing; i++) {
        const link = links[i];
        if (link) {
          const res = await source.call('POST', '/respond/submit', { token: link.token, answers: link.answers }, { cookie: null });
          if (res.status !== 201) throw new Error(`submission: ${res.status} ${await res.text()}`);
          answered.push(link);
        }
        const unit = await source.json('POST', '/units', { name: `Written during the backup ${i}`, parentId: null });
        if (unit.status !== 201) throw new Error(`unit: ${unit.status} ${JSON.stringify(unit.body)}`);
        unitsCreated++;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    during = { answersBefore: answered.length, answersAfter: 0, unitsBefore: unitsCreated, unitsAfter: 0 };
    const backup = await cli('backup', [backupFile], dataDir('live'));
    during = { ...during, answersAfter: answered.length, unitsAfter: unitsCreated };
    writing = false;
    await writer;
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up .*bagalau360\.sqlite\n {2}to .*nightly\.sqlite \(.* MB, checked, schema \d{4}_\w+\) in \d+ ms\.\n$/);
  });
  afterAll(() => source.conn.db.destroy());

  it('was taken while answers and staff changes kept being written', () => {
    expect(during.unitsAfter).toBeGreaterThan(during.unitsBefore);
    expect(fs.readdirSync(path.dirname(backupFile))).toEqual(['nightly.sqlite']);
  });

  it('restores into a fresh data folder, where the app finds the campaign, the answers up to the backup’s moment and an intact audit chain', async () => {
    const restored = await cli('restore', [backupFile], dataDir('fresh'));
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(fs.readdirSync(dataDir('fresh'))).toEqual(['bagalau360.sqlite']);

    // The answer keys are restored from their own backup, kept apart from the database's (README).
    const t = await createTestApp({ databaseUrl: `sqlite:${databaseOf(dataDir('fresh'))}`, existingAccount: true, answerKeys: source.answerKeys });
    try {
      const campaign = await t.json('GET', `/campaigns/${campaignId}`);
      expect(campaign.status).toBe(200);
      expect(campaign.body.campaign).toMatchObject({ name: 'Backed up', status: 'open' });

      // A consistent moment of one writer's sequence: the first `count` answers, each whole (its box opens to
      // what was sent), none after.
      const boxes = await openedBoxes(t.conn.db, t.answerKeys);
      const count = boxes.length;
      expect(new Set(boxes.map((b) => fingerprint(b.answers)))).toEqual(new Set(answered.slice(0, count).map((link) => fingerprint(link.answers))));
      const marked = Number((await t.conn.db.selectFrom('invitation').select((eb) => eb.fn.countAll().as('n')).where('answered', '=', 1).executeTakeFirstOrThrow()).n);
      expect(marked).toBe(count);
      // Later than the command's start: answers kept arriving while it started and copied.
      expect(count).toBeGreaterThan(during.answersBefore);
      expect(count).toBeLessThanOrEqual(during.answersAfter);
      const states = await Promise.all(answered.map((link) => opens(t, link)));
      expect(states).toEqual(answered.map((_, k) => (k < count ? '410 link.used' : '200')));
      expect(await opens(t, links.at(-1)!)).toBe('200');

      const units = (await t.json('GET', '/units')).body.units as Array<{ name: string }>;
      const writtenDuring = units.filter((u) => u.name.startsWith('Written during the backup')).length;
      expect(writtenDuring).toBeGreaterThanOrEqual(during.unitsBefore);
      expect(writtenDuring).toBeLessThanOrEqual(during.unitsAfter);

      const verdict = verifyChain(await listChainedEntries(t.conn.db));
      expect(verdict).toMatchObject({ ok: true });
      expect(verdict.count).toBeGreaterThan(writtenDuring);
    } finally {
      await t.conn.db.destroy();
    }
  });

  it('refuses to replace an existing database without --force, and with it keeps that one aside', async () => {
    const dir = dataDir('existing');
    const { db } = await connect(`sqlite:${databaseOf(dir)}`);
    await insertUnit(db, { name: 'Already here', parentId: null });
    await db.destroy();
    const before = fs.readFileSync(databaseOf(dir));

    const refused = await cli('restore', [backupFile], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('A database already exists');
    expect(refused.stderr).toContain('--force');
    expect(fs.readFileSync(databaseOf(dir)).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['bagalau360.sqlite']);

    const forced = await cli('restore', [backupFile, '--force'], dir);
    expect(forced.code).toBe(0);
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('bagalau360.sqlite.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(forced.stdout).toContain(`kept as ${path.join(dir, aside[0]!)}`);
    const unitNames = (file: string) => {
      const sqlite = new SqliteDatabase(file, { readonly: true });
      try {
        return (sqlite.prepare('select name from unit').all() as Array<{ name: string }>).map((u) => u.name);
      } finally {
        sqlite.close();
      }
    };
    expect(unitNames(path.join(dir, aside[0]!))).toEqual(['Already here']);
    expect(unitNames(databaseOf(dir))).not.toContain('Already here');
    expect(unitNames(databaseOf(dir))).toContain('Аппарат');
  });

  it('refuses a file that is not a database, leaving the data folder as it was', async () => {
    const garbage = path.join(root, 'garbage.sqlite');
    fs.writeFileSync(garbage, Buffer.alloc(8192, 'not a database, just bytes '));
    const refused = await cli('restore', [garbage], dataDir('garbage'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${garbage} is not a SQLite database`);
    expect(fs.readdirSync(dataDir('garbage'))).toEqual([]);
  });

  it('refuses a SQLite database of something else, a damaged backup and one from a newer version', async () => {
    const url = `sqlite:${databaseOf(dataDir('checks'))}`;
    const other = path.join(root, 'other.sqlite');
    const sqlite = new SqliteDatabase(other);
    sqlite.exec('create table note (text text)');
    sqlite.close();
    await expect(restoreDatabase(url, other, { force: false })).rejects.toThrow(`${other} is a SQLite database, but not one of Bagalau 360`);

    const damaged = path.join(root, 'damaged.sqlite');
    const bytes = fs.readFileSync(backupFile);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, pageSize * 2, pageSize * 6);
    fs.writeFileSync(damaged, bytes);
    await expect(restoreDatabase(url, damaged, { force: false })).rejects.toThrow(`${damaged} is damaged`);

    const newer = path.join(root, 'newer.sqlite');
    fs.copyFileSync(backupFile, newer);
    const future = new SqliteDatabase(newer);
    future.prepare(`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01')`).run();
    future.close();
    await expect(restoreDatabase(url, newer, { force: false })).rejects.toThrow('comes from a newer version of Bagalau 360 (migration 9999_from_the_future)');

    await expect(restoreDatabase(url, path.join(root, 'missing.sqlite'), { force: false })).rejects.toThrow('No backup file at');
    expect(fs.readdirSync(dataDir('checks'))).toEqual([]);
  });

  it('does not overwrite an earlier backup without --force', async () => {
    const url = `sqlite:${databaseOf(dataDir('live'))}`;
    await expect(backupDatabase(url, backupFile, { force: false })).rejects.toThrow('exists: choose another name, or add --force');
    const replaced = await backupDatabase(url, backupFile, { force: true });
    expect(replaced.bytes).toBe(fs.statSync(backupFile).size);
  });

  it('points a PostgreSQL installation to pg_dump and pg_restore', async () => {
    await expect(backupDatabase('postgres://b360@db.example.kz/b360', path.join(root, 'pg.dump'), { force: false })).rejects.toThrow(POSTGRES_ADVICE);
    await expect(restoreDatabase('postgres://b360@db.example.kz/b360', backupFile, { force: false })).rejects.toThrow(POSTGRES_ADVICE);
  });
});
