import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/connect.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { startArchivingPostgres } from '../support/archivingPostgres.ts';
import { rankCorrelation, storedTextOf, submitInKnownOrder, UNRELATED } from '../support/knownOrder.ts';
import { createTestApp } from '../support/testApp.ts';
import { onPostgres } from '../support/testDatabase.ts';

/*
 * Issue 11, attack 2 on PostgreSQL: point-in-time recovery keeps every WAL segment, forever, and a replica
 * receives the same stream. Whoever holds that archive must not be able to tie an answer to its respondent —
 * neither by reading answers next to the invitations they used up while the campaign is open, nor by the
 * transaction ids that group the WAL's records once it has closed. Runs in the PostgreSQL pass, on a cluster of
 * its own that archives with archive_command (test/support/archivingPostgres.ts).
 */

const cluster = onPostgres ? startArchivingPostgres() : null;
afterAll(() => cluster?.stop());
if (onPostgres && !cluster && (process.env.CI || process.env.REQUIRE_POSTGRES)) throw new Error('The WAL archive test needs the PostgreSQL server binaries (initdb) and the postgres user.');

const STATEMENT_IDS = almaty2023.forms.employee.competencies.flatMap((c) => c.statements.map((s) => s.id));

/** Ends the current WAL segment and waits until archive_command has copied it. */
async function archiveNow(db: DB): Promise<void> {
  const { rows } = await sql<{ name: string }>`select pg_walfile_name(pg_switch_wal()) as name`.execute(db);
  const wanted = rows[0]!.name;
  for (let i = 0; i < 200 && !fs.existsSync(path.join(cluster!.archiveDir, wanted)); i++) await new Promise((r) => setTimeout(r, 50));
  expect(fs.existsSync(path.join(cluster!.archiveDir, wanted))).toBe(true);
}

const archiveBytes = () => Buffer.concat(cluster!.segments().map((name) => fs.readFileSync(path.join(cluster!.archiveDir, name))));

/** Every file of the cluster's own tables, as bytes. */
function tableFiles(): Buffer {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(cluster!.dataDir, 'base'));
  return Buffer.concat(files.map((f) => fs.readFileSync(f)));
}

/** The transaction ids of the heap records pg_waldump lists for one table's file. */
function transactionsTouching(dump: string, relfilenode: number, kind: RegExp): number[] {
  const ids: number[] = [];
  for (const line of dump.split('\n')) {
    if (!/^rmgr: Heap2? /.test(line) || !line.includes(`/${relfilenode} `) || !kind.test(line)) continue;
    const tx = /tx:\s+(\d+)/.exec(line);
    if (tx) ids.push(Number(tx[1]));
  }
  return ids;
}

describe.skipIf(!cluster)('a PostgreSQL WAL archive', () => {
  it('holds no answer in plain while the campaign is open, and once closed no transaction ties one to an invitation', async () => {
    const t = await createTestApp({ databaseUrl: cluster!.url });
    const { campaignId, count } = await submitInKnownOrder(t);
    await archiveNow(t.conn.db);
    await sql`checkpoint`.execute(t.conn.db);

    // Open: every segment archived so far, and the table files themselves, hold ciphertext, never an answer.
    const whileOpen = archiveBytes();
    expect(STATEMENT_IDS.filter((id) => whileOpen.includes(id))).toEqual([]);
    const files = tableFiles();
    expect(STATEMENT_IDS.filter((id) => files.includes(id))).toEqual([]);

    expect((await t.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
    await archiveNow(t.conn.db);

    // Closed: the answers in plain are in the archive now — in an order unrelated to the order of submission…
    const archive = archiveBytes();
    // (A record that crosses one of the WAL's 8 kB pages is split by the page's header: most are found whole.)
    const found = Array.from({ length: count }, (_, seq) => ({ offset: archive.indexOf(storedTextOf(seq)), seq })).filter((x) => x.offset >= 0);
    expect(found.length).toBeGreaterThan(count * 0.8);
    expect(found.filter((x) => x.offset < whileOpen.length)).toEqual([]);
    const bySubmission = found.sort((a, b) => a.offset - b.offset).map((x) => x.seq);
    expect(Math.abs(rankCorrelation(bySubmission))).toBeLessThan(UNRELATED);

    // …and grouping the archive's records by transaction, as an attacker would: every answer was written by the
    // one closing transaction, which no submission (an invitation marked beside its box) shares.
    const relfilenode = async (table: string) => Number((await sql<{ n: number }>`select pg_relation_filenode(${table}::regclass)::int as n`.execute(t.conn.db)).rows[0]!.n);
    const dump = cluster!.waldump();
    const answerWriters = new Set(transactionsTouching(dump, await relfilenode('response'), /desc: (INSERT|MULTI_INSERT)/));
    const boxWriters = new Set(transactionsTouching(dump, await relfilenode('answer_box'), /desc: (INSERT|MULTI_INSERT)/));
    expect(answerWriters.size).toBe(1);
    expect(boxWriters.size).toBe(count);
    expect([...answerWriters].filter((tx) => boxWriters.has(tx))).toEqual([]);
  }, 120_000);
});
