import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { CurrentSchemaPostgresDialect } from './currentSchemaPostgres.ts';
import pg from 'pg';
import type { Database } from './schema.ts';
import { migrateToLatest } from './migrations/index.ts';
import { withStatementCache } from './statementCache.ts';

export type DialectName = 'sqlite' | 'postgres';
export type DB = Kysely<Database>;

export interface Connection {
  db: DB;
  dialect: DialectName;
  /** For SQLite: the database file (null for an in-memory database). */
  file: string | null;
}

// count(*) and bigint ids come back from pg as strings; every such value here fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** `postgres://…` / `postgresql://…` selects PostgreSQL; `sqlite:<file>` (or `:memory:`) the embedded default. */
export function dialectOf(url: string): DialectName {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** The file of a `sqlite:<file>` URL (`:memory:` for an in-memory database). */
export function sqliteFileOf(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/, '');
}

export function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets reports read while answers are written. With WAL, NORMAL would sync only at checkpoints: safe
  // when the process dies (the OS still writes the WAL out), but a power cut could undo the last commits —
  // answers already acknowledged with 201. FULL syncs the WAL on every commit, so they survive that too, for
  // one fsync a commit: 0.3–1.5 ms by how busy the disk is (scripts/measure-durability.ts: 500 vs 575
  // submissions/s on a quiet disk, 300 vs 560 on a busy one) — far above a campaign's busiest hour.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted rows are zeroed, not left in free pages: closing a campaign rewrites its answers (anonymity).
  sqlite.pragma('secure_delete = ON');
  // Closing a national campaign writes about a gigabyte into the WAL in one transaction; once a checkpoint has
  // moved it into the database the file is cut back to this size instead of keeping that gigabyte on disk.
  sqlite.pragma('journal_size_limit = 67108864');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

export async function connect(url: string, options: { migrate?: boolean } = {}): Promise<Connection> {
  const dialect = dialectOf(url);
  let connection: Connection;
  if (dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    connection = { db: new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) }), dialect, file: null };
  } else {
    const file = sqliteFileOf(url);
    const sqlite = openSqlite(file);
    connection = {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
      dialect,
      file: file === ':memory:' ? null : file,
    };
  }
  if (options.migrate !== false) await migrateToLatest(connection.db, dialect);
  return connection;
}
