import fs from 'node:fs';
import path from 'node:path';
import { copyLiveSqlite, inspectSqliteFile, moveIntoPlace, sqliteFilesOf, type SqliteInspection } from '../../db/backup.ts';
import { dialectOf, sqliteFileOf } from '../../db/connect.ts';
import { migrationsFor } from '../../db/migrations/index.ts';

/**
 * `npm run backup` and `npm run restore`. Every refusal is an Error whose message says what to do instead;
 * nothing is left half-made: both write a temporary file next to the destination and rename it into place.
 */

/** PostgreSQL has tools of its own that match the server's version; a wrapper here would only hide their options. */
export const POSTGRES_ADVICE = `The database is PostgreSQL: use PostgreSQL's own tools, which take a consistent copy while the server runs.
  back up:  pg_dump --format=custom --file=<backup file> "$DATABASE_URL"
  restore:  pg_restore --no-owner --dbname="$DATABASE_URL" <backup file>   (into an empty database, the server stopped)`;

export interface BackupSummary {
  database: string;
  target: string;
  bytes: number;
  latestMigration: string;
  milliseconds: number;
}

/** The SQLite file a database URL names, or a refusal for PostgreSQL and in-memory databases. */
function sqliteFileOrRefuse(databaseUrl: string): string {
  if (dialectOf(databaseUrl) === 'postgres') throw new Error(POSTGRES_ADVICE);
  const file = sqliteFileOf(databaseUrl);
  if (file === ':memory:') throw new Error('The database is in memory: there is nothing on disk to back up or restore.');
  return path.resolve(file);
}

const PROBLEM = {
  notSqlite: 'is not a SQLite database',
  damaged: 'is damaged',
  noMigrations: 'is a SQLite database, but not one of Bagalau 360',
} as const;

function refuseUnsound(file: string, inspection: SqliteInspection): asserts inspection is Extract<SqliteInspection, { ok: true }> {
  if (!inspection.ok) throw new Error(`${file} ${PROBLEM[inspection.problem]} (${inspection.detail}).`);
}

/**
 * Copies the live database to `target` while the server goes on writing, then checks the copy as a restore
 * would. An existing `target` is kept unless `force`.
 */
export async function backupDatabase(databaseUrl: string, target: string, options: { force: boolean }): Promise<BackupSummary> {
  const started = performance.now();
  const database = sqliteFileOrRefuse(databaseUrl);
  if (!fs.existsSync(database)) throw new Error(`No database at ${database}: check DATA_DIR (or DATABASE_URL).`);
  const destination = path.resolve(target);
  if (fs.existsSync(destination) && !options.force) throw new Error(`${destination} exists: choose another name, or add --force to replace it.`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await copyLiveSqlite(database, partial);
    const inspection = inspectSqliteFile(partial);
    refuseUnsound(partial, inspection);
    moveIntoPlace(partial, destination);
    return { database, target: destination, bytes: fs.statSync(destination).size, latestMigration: inspection.migrations.at(-1)!, milliseconds: Math.round(performance.now() - started) };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export interface RestoreSummary {
  backup: string;
  database: string;
  /** Where the database that was there before now is, with --force. */
  keptAside: string | null;
  latestMigration: string;
}

/**
 * Installs a backup as the configured database, which the next start migrates if the backup is older. Refuses
 * a file that is not a sound Bagalau 360 database, one from a newer version of the product, and — unless
 * `force` — to replace an existing database; with `force` that one is renamed aside, not deleted.
 */
export async function restoreDatabase(databaseUrl: string, backupFile: string, options: { force: boolean }): Promise<RestoreSummary> {
  const database = sqliteFileOrRefuse(databaseUrl);
  const backup = path.resolve(backupFile);
  if (!fs.statSync(backup, { throwIfNoEntry: false })?.isFile()) throw new Error(`No backup file at ${backup}.`);
  fs.mkdirSync(path.dirname(database), { recursive: true });
  // Checked and installed as a copy: the backup itself is never opened for writing.
  const restoring = `${database}.restoring`;
  for (const file of sqliteFilesOf(restoring)) fs.rmSync(file, { force: true });
  try {
    fs.copyFileSync(backup, restoring);
    const inspection = inspectSqliteFile(restoring);
    refuseUnsound(backup, inspection);
    const known = new Set(Object.keys(migrationsFor('sqlite')));
    const unknown = inspection.migrations.filter((name) => !known.has(name));
    if (unknown.length) throw new Error(`${backup} comes from a newer version of Bagalau 360 (migration ${unknown.join(', ')}): update this installation first.`);

    const existing = sqliteFilesOf(database).filter((file) => fs.existsSync(file));
    if (existing.length && !options.force) throw new Error(`A database already exists at ${database}: restoring would replace it. Stop the server and add --force (the current database is kept aside).`);
    // The database's -wal and -shm go aside with it, under the matching names: a log left next to the restored
    // file would be replayed into it.
    const aside = `${database}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const file of existing) fs.renameSync(file, aside + file.slice(database.length));
    moveIntoPlace(restoring, database);
    return { backup, database, keptAside: existing.length ? aside : null, latestMigration: inspection.migrations.at(-1)! };
  } finally {
    for (const file of sqliteFilesOf(restoring)) fs.rmSync(file, { force: true });
  }
}
