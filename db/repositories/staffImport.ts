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
 * nothing, and no other write slips in between reading and writing. `actorId` is recorded as having set each
 * manager and address the plan writes.
 */
export function applyStaffImport(db: DB, plan: (snapshot: StaffSnapshot) => ImportPlan, actorId: string): Promise<ImportPlan> {
  return db.transaction().execute(async (trx) => {
    const result = plan(await loadStaffSnapshot(trx));
    const { units, inserts, updates } = result.writes;
    const now = nowIso();
    // Units come parents first and people managers first, so every reference exists when its row is written.
    for (const batch of chunks(units)) await trx.insertInto('unit').values(batch.map((u) => ({ ...u, created_at: now }))).execute();
    for (const batch of chunks(inserts)) {
      await trx
        .insertInto('person')
        .values(batch.map((p) => ({ ...p, created_at: now, updated_at: now, manager_set_by: p.manager_id ? actorId : null, email_set_by: p.email ? actorId : null })))
        .execute();
    }
    for (const { id, set } of updates) {
      const setBy = {
        ...('manager_id' in set && { manager_set_by: set.manager_id ? actorId : null }),
        ...('email' in set && { email_set_by: set.email ? actorId : null }),
      };
      await trx.updateTable('person').set({ ...set, ...setBy, updated_at: now }).where('id', '=', id).execute();
    }
    return result;
  });
}
