import { connect } from '../../db/connect.ts';
import { listChainedEntries } from '../../db/repositories/audit.ts';
import { verifyChain } from '../../db/auditChain.ts';
import { loadConfig } from '../config.ts';

const WHY = {
  edited: 'the entry was changed after it was written',
  deleted: 'entries before it were deleted',
  reordered: 'entries were reordered: one written at this place is further on',
} as const;

const config = loadConfig();
const { db } = await connect(config.databaseUrl);
try {
  const verdict = verifyChain(await listChainedEntries(db));
  if (verdict.ok) console.log(`OK: ${verdict.count} audit entries, chain intact.`);
  else {
    console.error(`BROKEN at seq ${verdict.seq} (${verdict.reason}): ${WHY[verdict.reason]}. ${verdict.count} entries checked.`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
