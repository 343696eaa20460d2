import type { DB } from '../connect.ts';
import { newId, nowIso } from '../ids.ts';
import type { DayKind } from '../../shared/rules/calendarOverride.ts';

export interface OverrideView {
  id: string;
  date: string;
  kind: DayKind;
  note: string;
  createdBy: string;
  createdAt: string;
}

/** Overrides dated from `from` to `to` inclusive, in date order, with the name of who made each. */
export async function listOverrides(db: DB, from: string, to: string): Promise<OverrideView[]> {
  const rows = await db
    .selectFrom('calendar_override as o')
    .innerJoin('app_user as u', 'u.id', 'o.created_by')
    .select(['o.id as id', 'o.date as date', 'o.kind as kind', 'o.note as note', 'u.full_name as createdBy', 'o.created_at as createdAt'])
    .where('o.date', '>=', from)
    .where('o.date', '<=', to)
    .orderBy('o.date')
    .execute();
  return rows.map((r) => ({ ...r, kind: r.kind as DayKind }));
}

export function findOverrideByDate(db: DB, date: string) {
  return db.selectFrom('calendar_override').select(['id']).where('date', '=', date).executeTakeFirst();
}

export async function insertOverride(db: DB, input: { date: string; kind: DayKind; note: string; createdBy: string }): Promise<string> {
  const id = newId();
  await db
    .insertInto('calendar_override')
    .values({ id, date: input.date, kind: input.kind, note: input.note, created_by: input.createdBy, created_at: nowIso() })
    .execute();
  return id;
}

/** False when there was no such override. */
export async function deleteOverride(db: DB, id: string): Promise<boolean> {
  const result = await db.deleteFrom('calendar_override').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
