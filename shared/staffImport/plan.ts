import type { ImportColumn } from './columns.ts';
import { ROW_KINDS, type FieldChange, type ImportPreview, type PreviewRow, type RowIssue, type RowKind } from './preview.ts';
import type { ParsedRow, StaffTable } from './table.ts';
import { nameKey, push, unitIndex, type StaffUnit, type UnitTarget } from './unitTree.ts';

/** The staff list an import is matched against: units, and people with the columns an import writes. */
export interface StaffSnapshot {
  units: readonly StaffUnit[];
  people: readonly StaffPerson[];
}

/** A person as an import reads and writes them. */
export type StaffPerson = PersonFields & { id: string };

/** The person columns an import writes. */
export interface PersonFields {
  full_name: string;
  position: string;
  unit_id: string;
  category: string;
  manager_id: string | null;
  email: string | null;
  employee_no: string | null;
  appointed_on: string | null;
  absence: string | null;
  absent_from: string | null;
  absent_until: string | null;
}

/** What applying the import writes: units parents first, new people managers first, then changed fields only. */
export interface ImportWrites {
  units: Array<{ id: string; name: string; parent_id: string | null }>;
  inserts: Array<PersonFields & { id: string }>;
  updates: Array<{ id: string; set: Partial<PersonFields> }>;
}

export interface ImportPlan {
  preview: Omit<ImportPreview, 'digest'>;
  writes: ImportWrites;
}

// Which file column feeds which person column; a column missing from the file leaves that field alone.
const FIELD_COLUMNS: ReadonlyArray<[keyof PersonFields, ImportColumn]> = [
  ['employee_no', 'employeeNo'], ['full_name', 'fullName'], ['position', 'position'], ['category', 'category'],
  ['unit_id', 'unit'], ['manager_id', 'manager'], ['email', 'email'], ['appointed_on', 'appointedOn'],
  ['absence', 'absence'], ['absent_from', 'absentFrom'], ['absent_until', 'absentUntil'],
];

const emailKey = (email: string) => email.toLowerCase();

interface RowState {
  parsed: ParsedRow;
  issues: RowIssue[];
  unit: UnitTarget | null;
  match: StaffPerson | null;
  /** The person's id: the matched one, or a new one for a person to create. */
  id: string;
  /** The resolved direct manager's id; undefined when the file has no manager column. */
  managerId?: string | null;
}

const rejected = (s: RowState) => s.issues.length > 0;

/**
 * Plans an import: matches every row with the staff list (personnel number, else e-mail, else the same full
 * name in the same unit), resolves units and managers across the file and the database, rejects what cannot
 * be applied with its reasons, and lists what the valid rows create and change. Pure: ids come from `newId`.
 */
export function planImport(table: StaffTable, snapshot: StaffSnapshot, newId: () => string): ImportPlan {
  const { present } = table;
  const units = unitIndex(snapshot.units);
  const peopleById = new Map(snapshot.people.map((p) => [p.id, p]));
  const dbByNo = new Map<string, StaffPerson>();
  const dbByEmail = new Map<string, StaffPerson[]>();
  const dbByUnitName = new Map<string, StaffPerson[]>();
  for (const p of snapshot.people) {
    if (p.employee_no) dbByNo.set(p.employee_no, p);
    if (p.email) push(dbByEmail, emailKey(p.email), p);
    push(dbByUnitName, `${p.unit_id}|${nameKey(p.full_name)}`, p);
  }

  const states: RowState[] = table.rows.map((parsed) => {
    const issues = [...parsed.issues];
    let unit: UnitTarget | null = null;
    if (parsed.unitPath.length > 0 && !issues.some((i) => i.column === 'unit')) {
      unit = units.resolve(parsed.unitPath);
      if ('ambiguous' in unit) issues.push({ code: 'ambiguousUnit', column: 'unit', value: unit.ambiguous });
    }
    return { parsed, issues, unit, match: null, id: '' };
  });

  // Duplicates inside the file: every row sharing a personnel number or an e-mail is rejected, naming the others.
  const flagDuplicates = (key: (r: ParsedRow) => string | null, code: 'duplicateEmployeeNo' | 'duplicateEmail') => {
    const groups = new Map<string, RowState[]>();
    for (const s of states) {
      const k = key(s.parsed);
      if (k) push(groups, k, s);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const s of group) {
        const rows = group.filter((o) => o !== s).map((o) => o.parsed.row).join(', ');
        s.issues.push({ code, value: code === 'duplicateEmail' ? s.parsed.email! : s.parsed.employeeNo!, rows });
      }
    }
  };
  flagDuplicates((r) => r.employeeNo, 'duplicateEmployeeNo');
  flagDuplicates((r) => (r.email ? emailKey(r.email) : null), 'duplicateEmail');

  // Matching. A row whose personnel number is new may still be someone entered by hand without one.
  const matchedBy = new Map<string, RowState>();
  for (const s of states) {
    const r = s.parsed;
    const free = (p: StaffPerson) => !r.employeeNo || !p.employee_no;
    let candidates: StaffPerson[] = [];
    let described = '';
    const byNo = r.employeeNo ? dbByNo.get(r.employeeNo) : undefined;
    if (byNo) candidates = [byNo];
    if (candidates.length === 0 && r.email) [candidates, described] = [(dbByEmail.get(emailKey(r.email)) ?? []).filter(free), r.email];
    if (candidates.length === 0 && s.unit && 'id' in s.unit) [candidates, described] = [(dbByUnitName.get(`${s.unit.id}|${nameKey(r.fullName)}`) ?? []).filter(free), r.fullName];
    if (candidates.length > 1) s.issues.push({ code: 'ambiguousMatch', value: described, count: candidates.length });
    s.match = candidates.length === 1 ? candidates[0]! : null;
    if (s.match) {
      const earlier = matchedBy.get(s.match.id);
      if (earlier && !s.issues.some((i) => i.code === 'duplicateEmployeeNo' || i.code === 'duplicateEmail')) {
        s.issues.push({ code: 'samePerson', rows: String(earlier.parsed.row) });
      }
      if (!earlier) matchedBy.set(s.match.id, s);
    }
    s.id = s.match && matchedBy.get(s.match.id) === s ? s.match.id : newId();
  }

  // The absence rules of the person form, over the values the person ends up with (the staff list's for a missing column).
  for (const s of states) {
    const kept = <K extends 'absence' | 'absent_from' | 'absent_until'>(field: K, column: ImportColumn, value: string | null) =>
      present.has(column) || !s.match ? value : s.match[field];
    const absence = kept('absence', 'absence', s.parsed.absence);
    const from = kept('absent_from', 'absentFrom', s.parsed.absentFrom);
    const until = kept('absent_until', 'absentUntil', s.parsed.absentUntil);
    if (absence && !from) s.issues.push({ code: 'absenceNeedsStart', column: 'absentFrom' });
    else if (!absence && (from || until)) s.issues.push({ code: 'datesWithoutAbsence', column: 'absence' });
    else if (from && until && until < from) s.issues.push({ code: 'dateOrder', column: 'absentUntil' });
  }

  // Managers are named by personnel number or full name, among the file's rows and the staff list alike.
  const byNo = new Map<string, Set<string>>();
  const byName = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string | null, id: string) => {
    if (!key) return;
    const set = map.get(key) ?? new Set<string>();
    set.add(id);
    map.set(key, set);
  };
  for (const p of snapshot.people) {
    add(byNo, p.employee_no, p.id);
    add(byName, nameKey(p.full_name), p.id);
  }
  const stateById = new Map<string, RowState>();
  for (const s of states) {
    stateById.set(s.id, s);
    add(byNo, s.parsed.employeeNo, s.id);
    add(byName, nameKey(s.parsed.fullName), s.id);
  }
  if (present.has('manager')) {
    for (const s of states) {
      const value = s.parsed.manager;
      if (!value) {
        s.managerId = null;
        continue;
      }
      const found = byNo.get(value) ?? byName.get(nameKey(value)) ?? new Set<string>();
      if (found.size === 0) s.issues.push({ code: 'managerUnknown', column: 'manager', value });
      else if (found.size > 1) s.issues.push({ code: 'managerAmbiguous', column: 'manager', value, count: found.size });
      else {
        const id = [...found][0]!;
        if (id === s.id) s.issues.push({ code: 'selfManager', column: 'manager', value });
        else s.managerId = id;
      }
    }
  }

  // The manager each person ends up with: a valid row's own, otherwise what the staff list holds.
  const finalManager = (id: string): string | null => {
    const s = stateById.get(id);
    if (s && !rejected(s) && s.managerId !== undefined) return s.managerId;
    return peopleById.get(id)?.manager_id ?? null;
  };
  const exists = (id: string) => {
    const s = stateById.get(id);
    return peopleById.has(id) || (s !== undefined && !rejected(s));
  };
  // Rejections cascade: a row whose new manager is rejected, or that closes a loop of managers, is rejected too.
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of states) {
      if (rejected(s) || !s.managerId || exists(s.managerId)) continue;
      const other = stateById.get(s.managerId)!;
      s.issues.push({ code: 'managerRejected', column: 'manager', value: s.parsed.manager!, rows: String(other.parsed.row) });
      changed = true;
    }
    const stamp = new Map<string, number>();
    states.forEach((start, walk) => {
      if (rejected(start)) return;
      const chain: string[] = [];
      for (let id: string | null = start.id; id && exists(id); id = finalManager(id)) {
        const seen = stamp.get(id);
        if (seen === walk) {
          const loop = chain.slice(chain.indexOf(id));
          const names = loop.map((x) => stateById.get(x)?.parsed.fullName ?? peopleById.get(x)!.full_name);
          const value = [...names, names[0]].join(' → ');
          for (const x of loop) {
            const s = stateById.get(x);
            if (s && !rejected(s)) s.issues.push({ code: 'managerCycle', column: 'manager', value });
          }
          changed = true;
          return;
        }
        if (seen !== undefined) return;
        stamp.set(id, walk);
        chain.push(id);
      }
    });
  }

  // Units the valid rows need: created once, parents first.
  const writes: ImportWrites = { units: [], inserts: [], updates: [] };
  const newUnitIds = new Map<string, { id: string; path: string }>();
  const unitOf = (target: UnitTarget): { id: string; path: string } => {
    if ('id' in target) return { id: target.id, path: units.pathOf(target.id) };
    if ('ambiguous' in target) throw new Error('an ambiguous unit is rejected before');
    let parent = target.anchor;
    let path = parent ? units.pathOf(parent) : '';
    for (let i = 0; i < target.missing.length; i++) {
      const name = target.missing[i]!;
      path = path ? `${path} / ${name}` : name;
      const key = `${target.anchor ?? ''}|${target.missing.slice(0, i + 1).map(nameKey).join('/')}`;
      let unit = newUnitIds.get(key);
      if (!unit) {
        unit = { id: newId(), path };
        newUnitIds.set(key, unit);
        writes.units.push({ id: unit.id, name, parent_id: parent });
      }
      parent = unit.id;
      path = unit.path;
    }
    return { id: parent!, path };
  };

  const nameOf = (id: string | null) => (id ? (stateById.get(id)?.parsed.fullName ?? peopleById.get(id)?.full_name ?? null) : null);
  const rows: PreviewRow[] = [];
  const newRows: Array<{ s: RowState; fields: PersonFields }> = [];
  for (const s of states) {
    const r = s.parsed;
    const base = { row: r.row, fullName: r.fullName, employeeNo: r.employeeNo, unit: r.unitText };
    if (rejected(s)) {
      rows.push({ ...base, kind: 'rejected', changes: [], issues: s.issues });
      continue;
    }
    const unit = unitOf(s.unit!);
    const fileFields: PersonFields = {
      full_name: r.fullName, position: r.position, unit_id: unit.id, category: r.category, manager_id: s.managerId ?? null,
      email: r.email, employee_no: r.employeeNo, appointed_on: r.appointedOn, absence: r.absence, absent_from: r.absentFrom, absent_until: r.absentUntil,
    };
    const old = s.match;
    const fields = { ...fileFields };
    if (old) for (const [field, column] of FIELD_COLUMNS) if (!present.has(column)) (fields as Record<string, unknown>)[field] = old[field];
    if (!old) {
      rows.push({ ...base, unit: unit.path, kind: 'create', changes: [], issues: [] });
      newRows.push({ s, fields });
      continue;
    }
    const changes: FieldChange[] = [];
    const set: Partial<PersonFields> = {};
    for (const [field, column] of FIELD_COLUMNS) {
      if (fields[field] === old[field]) continue;
      (set as Record<string, unknown>)[field] = fields[field];
      const shown = (value: string | null) => (field === 'unit_id' ? (value ? (value === unit.id ? unit.path : units.pathOf(value)) : null) : field === 'manager_id' ? nameOf(value) : value);
      changes.push({ column, before: shown(old[field]), after: shown(fields[field]) });
    }
    if (changes.length > 0) writes.updates.push({ id: old.id, set });
    rows.push({ ...base, unit: unit.path, kind: changes.length > 0 ? 'update' : 'unchanged', changes, issues: [] });
  }
  const insertOrder: Array<{ s: RowState; fields: PersonFields }> = [];
  const visited = new Set<string>();
  const byNewId = new Map(newRows.map((n) => [n.s.id, n]));
  const visit = (n: { s: RowState; fields: PersonFields }) => {
    if (visited.has(n.s.id)) return;
    visited.add(n.s.id);
    const manager = n.fields.manager_id && byNewId.get(n.fields.manager_id);
    if (manager) visit(manager);
    insertOrder.push(n);
  };
  newRows.forEach(visit);
  writes.inserts = insertOrder.map((n) => ({ id: n.s.id, ...n.fields }));

  const matched = new Set(states.map((s) => s.match?.id).filter(Boolean));
  const counts = Object.fromEntries(ROW_KINDS.map((k) => [k, 0])) as Record<RowKind, number>;
  for (const row of rows) counts[row.kind]++;
  return {
    preview: {
      rows,
      counts,
      unknownColumns: table.unknownColumns,
      newUnits: [...newUnitIds.values()].map((u) => u.path),
      notInFile: snapshot.people
        .filter((p) => !matched.has(p.id))
        .map((p) => ({ fullName: p.full_name, employeeNo: p.employee_no, unit: units.pathOf(p.unit_id) }))
        .sort((a, b) => a.fullName.localeCompare(b.fullName)),
    },
    writes,
  };
}
