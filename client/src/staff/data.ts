import type { UnitRow } from '../../../db/schema.ts';
import type { PersonView } from '../../../db/repositories/staff.ts';
import { api } from '../common/api.ts';

export type Unit = UnitRow;
export type Person = PersonView;

export const fetchUnits = async () => (await api<{ units: Unit[] }>('GET', '/units')).units;
export const fetchPeople = async () => (await api<{ people: Person[] }>('GET', '/people')).people;

/** Units in tree order with their depth, for indented lists and selects. */
export function unitTree(units: readonly Unit[]): Array<{ unit: Unit; depth: number }> {
  const byParent = new Map<string | null, Unit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parent_id && ids.has(u.parent_id) ? u.parent_id : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
  }
  const out: Array<{ unit: Unit; depth: number }> = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of byParent.get(parent) ?? []) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
