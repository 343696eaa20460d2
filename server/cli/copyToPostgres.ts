import path from 'node:path';
import { parseArgs } from 'node:util';
import { copySqliteToPostgres } from '../../db/copyDatabase.ts';
import { dialectOf, sqliteFileOf } from '../../db/connect.ts';
import { loadConfig } from '../config.ts';

const USAGE = `Usage:
  npm run copy-to-postgres -- <postgres://user@host/database> [--from sqlite:<file>]
      copy this installation's SQLite database (DATA_DIR, or DATABASE_URL's file; --from names another)
      into an empty PostgreSQL database, migrated first; then run the product with DATABASE_URL=<that URL>`;

const { positionals, values } = parseArgs({ allowPositionals: true, options: { from: { type: 'string' } } });
if (positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}

/** The SQLite file to copy: --from, else the configured database, which must then be SQLite. */
function sourceFile(): string {
  const url = values.from ?? loadConfig().databaseUrl;
  if (dialectOf(url) === 'postgres') throw new Error(`${values.from ? '--from' : 'DATABASE_URL'} names a PostgreSQL database: the source must be SQLite (--from sqlite:<file>).`);
  const file = sqliteFileOf(url);
  if (file === ':memory:') throw new Error('An in-memory database has nothing to copy: name a file (--from sqlite:<file>).');
  return path.resolve(file);
}

try {
  const source = sourceFile();
  console.log(`Copying ${source} …`);
  const done = await copySqliteToPostgres(source, positionals[0]!, (table, rows) => console.log(`  ${table}: ${rows} rows`));
  const seconds = done.milliseconds / 1000;
  console.log(`Copied ${done.rows} rows in ${seconds.toFixed(1)} s (${Math.round(done.rows / seconds)} rows/s); row counts match in every table, audit chain intact (${done.auditEntries} entries).`);
  console.log('Start the product on it with DATABASE_URL set to that URL (and the same TOTP_KEY_FILE).');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
