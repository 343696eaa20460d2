import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { restoreDatabase } from '../services/backups.ts';

const USAGE = `Usage:
  npm run restore -- <backup file> [--force]
      install a backup made by \`npm run backup\` as the database of DATA_DIR (or DATABASE_URL), with the server
      stopped; --force replaces an existing database, which is kept aside as <database>.before-restore-<time>`;

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
if (positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}

try {
  const done = await restoreDatabase(loadConfig().databaseUrl, positionals[0]!, { force: values.force! });
  console.log(`Restored ${done.backup}\n  as ${done.database} (schema ${done.latestMigration}; the next start brings it up to date).`);
  if (done.keptAside) console.log(`  The database that was there is kept as ${done.keptAside}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
