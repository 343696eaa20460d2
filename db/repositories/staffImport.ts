import type { DB } from '../connect.ts';
import { nowIso } from '../ids.ts';
import type { ImportPlan, StaffSnapshot } from '../../shared/staffImport/plan.ts';

// Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters (14 columns a person).
const BATCH = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** The whole unit tree and staff list in two queries: an import matches against all of it. */
export async function loadStaffSnapshot(db: DB): Promise<StaffSnapshot> {
  const [units, people] = await Promise.all([
    db.selectFrom('unit').select(['id', 'name', 'parent_id']).execute(),
    db.selectFrom('person').selectAll().execute(),
  ]);
  return { units, people };
}

/**
 * Plans against the staff list as it is inside one transaction and writes the plan there: all valid rows or
 * nothing, and no other write slips in between reading and writing.
 */
export function applyStaffImport(db: DB, plan: (snapshot: StaffSnapshot) => ImportPlan): Promise<ImportPlan> {
  return db.transaction().execute(async (trx) => {
    const result = plan(await loadStaffSnapshot(trx));
    const { units, inserts, updates } = result.writes;
    const now = nowIso();
    // Units come parents first and people managers first, so every reference exists when its row is written.
    for (const batch of chunks(units)) await trx.insertInto('unit').values(batch.map((u) => ({ ...u, created_at: now }))).execute();
    for (const batch of chunks(inserts)) {
      await trx.insertInto('person').values(batch.map((p) => ({ ...p, created_at: now, updated_at: now }))).execute();
    }
    for (const { id, set } of updates) await trx.updateTable('person').set({ ...set, updated_at: now }).where('id', '=', id).execute();
    return result;
  });
}
