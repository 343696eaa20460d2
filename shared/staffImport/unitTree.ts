/** A unit as the staff list keeps it. */
export interface StaffUnit {
  id: string;
  name: string;
  parent_id: string | null;
}

/** Names compared as people write them: case, ё/е and runs of spaces do not matter. */
export const nameKey = (name: string) => name.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();

export function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type UnitTarget = { id: string } | { anchor: string | null; missing: string[] } | { ambiguous: string };

/** The unit tree: paths of existing units, and where a path leads (an existing unit, or what is missing under which). */
export function unitIndex(units: readonly StaffUnit[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (const u of units) {
    push(children, `${u.parent_id ?? ''}|${nameKey(u.name)}`, u.id);
    push(byName, nameKey(u.name), u.id);
  }
  const pathCache = new Map<string, string>();
  const pathOf = (id: string): string => {
    const cached = pathCache.get(id);
    if (cached !== undefined) return cached;
    const names: string[] = [];
    const seen = new Set<string>();
    for (let u = byId.get(id); u && !seen.has(u.id); u = u.parent_id ? byId.get(u.parent_id) : undefined) {
      seen.add(u.id);
      names.unshift(u.name);
    }
    const path = names.join(' / ');
    pathCache.set(id, path);
    return path;
  };
  const resolve = (path: readonly string[]): UnitTarget => {
    let current: string | null = null;
    for (let i = 0; i < path.length; i++) {
      let found: string[] = children.get(`${current ?? ''}|${nameKey(path[i]!)}`) ?? [];
      // A lone unit name that is not at the top may still name one unit deeper in the tree.
      if (i === 0 && found.length === 0) found = byName.get(nameKey(path[0]!)) ?? [];
      if (found.length > 1) return { ambiguous: path[i]! };
      if (found.length === 0) return { anchor: current, missing: path.slice(i) };
      current = found[0]!;
    }
    return { id: current! };
  };
  return { pathOf, resolve };
}

