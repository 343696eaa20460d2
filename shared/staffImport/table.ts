import type { z } from 'zod';
import type { Absence } from '../rules/absence.ts';
import { category, optionalCode, optionalEmail, text } from '../schemas/fields.ts';
import { cellText, parseAbsenceCell, parseDateCell, type Cell } from './cells.ts';
import { IMPORT_COLUMNS, recogniseHeader, REQUIRED_COLUMNS, type ImportColumn } from './columns.ts';
import type { RejectReason, RowIssue } from './preview.ts';

/** A file that cannot be imported at all; `code` is an `errors.<code>` key. */
export class StaffTableError extends Error {
  constructor(readonly code: string, readonly details: Record<string, string | number> = {}) {
    super(code);
  }
}

export const MAX_ROWS = 20000;
// Built once: building a Zod schema costs far more than running it, 5,000 rows × 3 times.
const requiredText = text();
// HR files often start with a title or a date line above the header.
const HEADER_SEARCH_ROWS = 20;

/** One data row with its values read and checked on its own; what needs other rows or the database comes later. */
export interface ParsedRow {
  row: number;
  employeeNo: string | null;
  fullName: string;
  position: string;
  category: string;
  /** The unit path, top first: «Аппарат / Қаржы бөлімі» → ['Аппарат', 'Қаржы бөлімі']. */
  unitPath: string[];
  unitText: string;
  manager: string | null;
  email: string | null;
  appointedOn: string | null;
  absence: Absence | null;
  absentFrom: string | null;
  absentUntil: string | null;
  issues: RowIssue[];
}

export interface StaffTable {
  /** The columns the file has; a column it lacks leaves that field of matched people as it is. */
  present: ReadonlySet<ImportColumn>;
  unknownColumns: string[];
  rows: ParsedRow[];
}

function locateHeader(table: readonly (readonly Cell[])[]) {
  for (let r = 0; r < Math.min(table.length, HEADER_SEARCH_ROWS); r++) {
    const headers = (table[r] ?? []).map(cellText);
    const known = headers.map((h) => (h ? recogniseHeader(h) : undefined));
    if (known.filter(Boolean).length < 2) continue;
    const columns = new Map<ImportColumn, number>();
    known.forEach((column, index) => {
      if (!column) return;
      const first = columns.get(column);
      if (first !== undefined) throw new StaffTableError('import.duplicateColumn', { first: headers[first]!, second: headers[index]! });
      columns.set(column, index);
    });
    const unknownColumns = headers.filter((h, i) => h && !known[i]);
    return { headerRow: r, columns, unknownColumns };
  }
  throw new StaffTableError('import.noHeader');
}

/** Runs a field schema over a value; its error message is the issue code. */
function check<S extends z.ZodType>(schema: S, value: unknown, column: ImportColumn, raw: string, issues: RowIssue[]): z.output<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const code = result.error.issues[0]!.message as RejectReason;
  issues.push({ code, column, ...(raw && { value: raw }) });
  return null;
}

function parseRow(cells: readonly Cell[], row: number, columns: ReadonlyMap<ImportColumn, number>): ParsedRow {
  const issues: RowIssue[] = [];
  const cell = (column: ImportColumn): Cell => {
    const index = columns.get(column);
    return index === undefined ? null : cells[index];
  };
  const raw = (column: ImportColumn) => cellText(cell(column));
  const date = (column: 'appointedOn' | 'absentFrom' | 'absentUntil') => {
    const value = parseDateCell(cell(column));
    if (value === undefined) issues.push({ code: 'invalidDate', column, value: raw(column) });
    return value ?? null;
  };

  const unitText = raw('unit');
  const unitPath = unitText ? unitText.split('/').map((s) => s.trim()) : [];
  if (!unitText) issues.push({ code: 'required', column: 'unit' });
  else if (unitPath.some((s) => !s)) issues.push({ code: 'invalidUnit', column: 'unit', value: unitText });
  else unitPath.forEach((segment) => check(requiredText, segment, 'unit', unitText, issues));

  const absence = parseAbsenceCell(cell('absence'));
  if (absence === undefined) issues.push({ code: 'invalidAbsence', column: 'absence', value: raw('absence') });

  return {
    row,
    employeeNo: check(optionalCode, raw('employeeNo'), 'employeeNo', raw('employeeNo'), issues),
    fullName: check(requiredText, raw('fullName'), 'fullName', '', issues) ?? raw('fullName'),
    position: check(requiredText, raw('position'), 'position', '', issues) ?? raw('position'),
    category: check(category, raw('category'), 'category', raw('category'), issues) ?? raw('category'),
    unitPath,
    unitText,
    manager: raw('manager') || null,
    email: check(optionalEmail, raw('email'), 'email', raw('email'), issues),
    appointedOn: date('appointedOn'),
    absence: absence ?? null,
    absentFrom: date('absentFrom'),
    absentUntil: date('absentUntil'),
    issues,
  };
}

/** Finds the header row, recognises the columns and reads every non-empty row below it. */
export function readStaffTable(table: readonly (readonly Cell[])[]): StaffTable {
  const { headerRow, columns, unknownColumns } = locateHeader(table);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) throw new StaffTableError('import.missingColumns', { columns: missing.join(', ') });
  const rows: ParsedRow[] = [];
  for (let r = headerRow + 1; r < table.length; r++) {
    const cells = table[r] ?? [];
    if (cells.every((c) => cellText(c) === '')) continue;
    if (rows.length === MAX_ROWS) throw new StaffTableError('import.tooManyRows', { max: MAX_ROWS });
    rows.push(parseRow(cells, r + 1, columns));
  }
  if (rows.length === 0) throw new StaffTableError('import.noRows');
  return { present: new Set(IMPORT_COLUMNS.filter((c) => columns.has(c))), unknownColumns, rows };
}
