import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { copyLiveSqlite } from '../../db/backup.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { rankCorrelation, storedTextOf, submitInKnownOrder, UNRELATED } from '../support/knownOrder.ts';
import { createTestApp } from '../support/testApp.ts';
import { onPostgres } from '../support/testDatabase.ts';

/*
 * Issue 11, attacks 1 and 2: whoever copies the database's files — the file, its WAL and shared memory, or a
 * backup — while a campaign is open, or while it closes with another connection holding a read transaction (as
 * `npm run backup` or a reporting tool does), must not be able to tie an answer to its respondent. The files
 * are read as bytes, as an attacker with a copy would read them: SQLite's free pages and old WAL frames included.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-copies-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const STATEMENT_IDS = almaty2023.forms.employee.competencies.flatMap((c) => c.statements.map((s) => s.id));

/** Every byte of the database's files as they are now, copied aside first as a thief would. */
function copyOf(file: string, label: string): { db: Buffer; wal: Buffer; all: Buffer } {
  const read = (name: string) => {
    if (!fs.existsSync(name)) return Buffer.alloc(0);
    const copy = path.join(dir, `${label}-${path.basename(name)}`);
    fs.copyFileSync(name, copy);
    return fs.readFileSync(copy);
  };
  const db = read(file);
  const wal = read(`${file}-wal`);
  return { db, wal, all: Buffer.concat([db, wal, read(`${file}-shm`)]) };
}

/** The statements of the form whose id appears in the bytes: any at all means some answer lies there in plain. */
const statementsIn = (bytes: Buffer) => STATEMENT_IDS.filter((id) => bytes.includes(id));

describe.skipIf(onPostgres)('copies of the SQLite files', () => {
  it('hold no answer in plain while the campaign is open — the files at any moment, and a backup', async () => {
    const file = path.join(dir, 'open.sqlite');
    const t = await createTestApp({ databaseUrl: `sqlite:${file}` });
    const midway: Buffer[] = [];
    const { count } = await submitInKnownOrder(t, {
      beforeEach: async (seq) => {
        if (seq % 35 === 34) midway.push(copyOf(file, `midway-${seq}`).all);
      },
    });
    await copyLiveSqlite(file, path.join(dir, 'backup-during-campaign.sqlite'));
    const copies = [...midway, copyOf(file, 'open').all, fs.readFileSync(path.join(dir, 'backup-during-campaign.sqlite'))];
    for (const bytes of copies) expect(statementsIn(bytes)).toEqual([]);
    // What the copies do hold of the answers: one box each, every box of the form of one length.
    const lengths = await sql<{ n: number }>`select distinct length(box) as n from answer_box`.execute(t.conn.db);
    expect(lengths.rows).toHaveLength(1);
    expect(Number((await t.conn.db.selectFrom('answer_box').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(count);
  });

  it('closes while a reader holds a transaction: reports success only once sealed, and the WAL then ties no answer to a respondent', async () => {
    const file = path.join(dir, 'closing.sqlite');
    const t = await createTestApp({ databaseUrl: `sqlite:${file}` });
    const { campaignId, count } = await submitInKnownOrder(t);
    const keyFile = path.join(t.answerKeys.dir, `${campaignId}.key`);
    expect(fs.existsSync(keyFile)).toBe(true);

    // A second connection in a read transaction, as an online backup holds one: no checkpoint can pass it.
    const reader = new SqliteDatabase(file, { readonly: true });
    reader.exec('begin');
    reader.prepare('select count(*) from invitation').get();
    try {
      const before = copyOf(file, 'before-close');
      // Every submission's commit is in the WAL — "this invitation turned answered" beside "this box appeared" —
      // and no answer in plain.
      expect(statementsIn(before.all)).toEqual([]);

      expect((await t.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
      // The key the boxes were sealed under is gone, from the disk and from the server's memory.
      expect(fs.existsSync(keyFile)).toBe(false);
      expect(t.answerKeys.keyOf(campaignId)).toBeNull();

      const after = copyOf(file, 'after-close');
      // The answers in plain are only where closing wrote them: bytes of the WAL that held none before…
      const offsets = Array.from({ length: count }, (_, seq) => after.wal.indexOf(storedTextOf(seq)));
      expect(offsets.filter((o) => o < 0)).toEqual([]);
      for (const [seq, offset] of offsets.entries()) expect(before.wal.indexOf(storedTextOf(seq), offset)).not.toBe(offset);
      // …and in an order unrelated to the order they were submitted in, which the commits before them show.
      const bySubmission = offsets.map((offset, seq) => ({ offset, seq })).sort((a, b) => a.offset - b.offset).map((x) => x.seq);
      expect(Math.abs(rankCorrelation(bySubmission))).toBeLessThan(UNRELATED);
    } finally {
      reader.exec('commit');
      reader.close();
    }
    // The boxes are gone from the tables; what is left of them in old WAL frames opens with no key there is.
    expect(await t.conn.db.selectFrom('answer_box').select('id').execute()).toEqual([]);
  });
});
