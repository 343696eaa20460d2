import { parseArgs } from 'node:util';
import { connect } from '../../db/connect.ts';
import { loadConfig } from '../config.ts';
import { applyRetention, describeRemoval } from '../services/retention.ts';

const USAGE = `Usage:
  npm run retention               remove campaigns whose records are past retention (§15: three years after the evaluation ends)
  npm run retention -- --dry-run  only list what would be removed`;

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const dryRun = values['dry-run']!;

const config = loadConfig();
const { db } = await connect(config.databaseUrl);
try {
  const removed = await applyRetention(db, new Date(), config.timeZone, { dryRun });
  if (removed.length === 0) console.log('No campaign is past its retention period.');
  else console.log(`${dryRun ? 'Would remove' : 'Removed'} ${removed.length} campaign(s):\n${removed.map((r) => `  ${describeRemoval(r)}`).join('\n')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
