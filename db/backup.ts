import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { DEFAULT_MIGRATION_TABLE } from 'kysely';

/**
 * Copying a live SQLite database and checking a copy. Kept apart from the repositories: these work on files,
 * with their own connections, while the server may be writing through its own.
 */

/**
 * Pages per step of the online backup: all of them, so the whole copy is taken in one step, inside one read
 * transaction — one consistent moment, while writers go on in WAL. In smaller steps, every commit by the
 * server between two steps would restart the copy, and a steady stream of answers could keep it from ending.
 */
const EVERY_PAGE = 0x7fffffff;

/** Copies `source`, which a running server may be writing, to `target` through SQLite's online backup API. */
export async function copyLiveSqlite(source: string, target: string): Promise<void> {
  const live = new SqliteDatabase(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    await live.backup(target, { progress: () => EVERY_PAGE });
  } finally {
    live.close();
  }
}

export type SqliteInspection =
  | { ok: true; migrations: string[] }
  | { ok: false; problem: 'notSqlite' | 'damaged' | 'noMigrations'; detail: string };

/**
 * Whether `file` is a sound database of this product: SQLite opens it, `integrity_check` finds nothing wrong,
 * and it has the migrations table every Bagalau 360 database gets on its first start. The file is opened
 * read-write and left a single file (rollback journal, no -wal beside it), as a backup should be.
 */
export function inspectSqliteFile(file: string): SqliteInspection {
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length) return { ok: false, problem: 'damaged', detail: problems.slice(0, 3).join('; ') };
    const hasTable = db.prepare(`select 1 from sqlite_schema where type = 'table' and name = ?`).get(DEFAULT_MIGRATION_TABLE);
    if (!hasTable) return { ok: false, problem: 'noMigrations', detail: `no ${DEFAULT_MIGRATION_TABLE} table` };
    const migrations = (db.prepare(`select name from ${DEFAULT_MIGRATION_TABLE} order by name`).all() as Array<{ name: string }>).map((r) => r.name);
    if (migrations.length === 0) return { ok: false, problem: 'noMigrations', detail: `${DEFAULT_MIGRATION_TABLE} is empty` };
    return { ok: true, migrations };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: code === 'SQLITE_NOTADB' || code === 'SQLITE_CANTOPEN' ? 'notSqlite' : 'damaged', detail };
  } finally {
    db?.close();
  }
}

/** The files SQLite keeps for a database: the file itself and, in WAL mode, its log and shared index. */
export const sqliteFilesOf = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

/**
 * Puts a finished file in its place so that a crash leaves either the old state or the whole new file:
 * its content is synced, renamed over `target` (atomic within a directory), then the directory entry is synced.
 */
export function moveIntoPlace(temporary: string, target: string): void {
  const fd = fs.openSync(temporary, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, target);
  const dir = fs.openSync(path.dirname(target), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}
