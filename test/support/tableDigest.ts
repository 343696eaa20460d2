import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Connection } from '../../db/connect.ts';

/** Every table of the connection's own schema (migration bookkeeping included), by name. */
async function tableNames({ db, dialect }: Connection): Promise<string[]> {
  const rows =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

/**
 * One hash per table over all its rows (in a fixed order), so that two digests differ exactly when some row
 * was added, removed or changed. Meant for small test databases.
 */
export async function tableDigest(conn: Connection): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const name of await tableNames(conn)) {
    const rows = await conn.db.selectFrom(name as never).selectAll().execute();
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    digest[name] = `${lines.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return digest;
}

/** The tables whose rows differ between two digests. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]);
}
