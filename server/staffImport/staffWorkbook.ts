import writeExcelFile, { type Row } from 'write-excel-file/node';
import { translate } from '../../shared/i18n/translate.ts';
import type { Locale } from '../../shared/methodology/types.ts';
import { isAbsence } from '../../shared/rules/absence.ts';
import { IMPORT_COLUMNS } from '../../shared/staffImport/columns.ts';
import type { StaffPerson, StaffSnapshot } from '../../shared/staffImport/plan.ts';
import { unitIndex } from '../../shared/staffImport/unitTree.ts';

const dateCell = (iso: string | null) => (iso ? { value: new Date(`${iso}T00:00:00Z`), type: Date, format: 'dd.mm.yyyy' } : null);
// Text format keeps Excel from reading personnel number 00123 as the number 123.
const textCell = (value: string | null) => (value ? { value, type: String, format: '@' } : null);

/**
 * The staff list as an XLSX workbook with the import's columns and headers in `locale`: importing it back
 * changes nothing. Managers are named by personnel number when they have one, else by full name.
 */
export function staffWorkbook(snapshot: StaffSnapshot, locale: Locale): Promise<Buffer> {
  const units = unitIndex(snapshot.units);
  const byId = new Map(snapshot.people.map((p) => [p.id, p]));
  const managerOf = (p: StaffPerson) => {
    const m = p.manager_id ? byId.get(p.manager_id) : undefined;
    return m ? (m.employee_no ?? m.full_name) : null;
  };
  const people = [...snapshot.people].map((p) => ({ p, unit: units.pathOf(p.unit_id) }));
  people.sort((a, b) => a.unit.localeCompare(b.unit) || a.p.full_name.localeCompare(b.p.full_name));
  const header: Row = IMPORT_COLUMNS.map((c) => ({ value: translate(locale, `staffImport.column.${c}`), fontWeight: 'bold' as const }));
  const rows: Row[] = people.map(({ p, unit }) => [
    textCell(p.employee_no), p.full_name, p.position, p.category, unit, textCell(managerOf(p)), p.email,
    dateCell(p.appointed_on), p.absence && isAbsence(p.absence) ? translate(locale, `absence.${p.absence}`) : null,
    dateCell(p.absent_from), dateCell(p.absent_until),
  ]);
  return writeExcelFile([header, ...rows], {
    sheet: translate(locale, 'staffImport.sheetName'),
    stickyRowsCount: 1,
    columns: [{ width: 14 }, { width: 34 }, { width: 30 }, { width: 10 }, { width: 40 }, { width: 30 }, { width: 28 }, { width: 14 }, { width: 22 }, { width: 14 }, { width: 14 }],
  }).toBuffer();
}
