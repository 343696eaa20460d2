import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { backupDatabase } from '../services/backups.ts';

const USAGE = `Usage:
  npm run backup -- <backup file> [--force]
      copy the database while the server runs (SQLite's online backup), then check the copy;
      --force replaces an existing backup file`;

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
if (positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}

try {
  const done = await backupDatabase(loadConfig().databaseUrl, positionals[0]!, { force: values.force! });
  console.log(`Backed up ${done.database}\n  to ${done.target} (${(done.bytes / 1024 / 1024).toFixed(1)} MB, checked, schema ${done.latestMigration}) in ${done.milliseconds} ms.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
