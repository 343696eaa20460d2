export interface UnitLink {
  id: string;
  parentId: string | null;
}

/** A unit with all its sub-units, at any depth; safe against a cycle in the data. */
export function unitSubtree(units: readonly UnitLink[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const found = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      stack.push(child);
    }
  }
  return found;
}
