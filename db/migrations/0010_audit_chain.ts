import { sql, type Kysely, type Migration } from 'kysely';
import { entryHash, GENESIS_HASH, type ChainedEntry } from '../auditChain.ts';
import type { DialectName } from '../connect.ts';

const PAGE = 1000;

/**
 * Chains the audit log (issue 5): each entry keeps a hash over the one before it, and the entries already there
 * are chained in `seq` order. The writer now numbers entries itself, inside the transaction that reads the
 * previous hash, so PostgreSQL's identity is dropped.
 */
export function auditChainMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('audit_entry').addColumn('hash', 'text').execute();
      if (dialect === 'postgres') await sql`alter table audit_entry alter column seq drop identity if exists`.execute(db);
      // PostgreSQL runs each migration in a transaction already; SQLite's would commit (and sync) every row.
      if (dialect === 'sqlite') await db.transaction().execute(chainExisting);
      else await chainExisting(db);
    },
    async down(db: Kysely<any>) {
      if (dialect === 'postgres') {
        await sql`alter table audit_entry alter column seq add generated always as identity`.execute(db);
        await sql`select setval(pg_get_serial_sequence('audit_entry', 'seq'), coalesce((select max(seq) from audit_entry), 0) + 1, false)`.execute(db);
      }
      await db.schema.alterTable('audit_entry').dropColumn('hash').execute();
    },
  };
}

async function chainExisting(db: Kysely<any>): Promise<void> {
  let previousHash = GENESIS_HASH;
  let after = 0;
  for (;;) {
    const rows = (await db.selectFrom('audit_entry').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute()) as ChainedEntry[];
    for (const row of rows) {
      previousHash = entryHash(previousHash, { ...row, seq: Number(row.seq) });
      await db.updateTable('audit_entry').set({ hash: previousHash }).where('seq', '=', row.seq).execute();
    }
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}
