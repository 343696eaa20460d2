import Papa from 'papaparse';

/**
 * A cell Excel and LibreOffice would run as a formula (OWASP, "CSV Injection"): its text begins with =, +, -,
 * @, a tab or a carriage return. Papa Parse's own pattern for `escapeFormulae: true`, /^[=+\-@\t\r].*$/, misses
 * such a text when a line break follows, as `.` stops at one and `$` then finds no end.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A table as a CSV file for spreadsheet programs. Staff names go in as typed or imported, so a cell that would
 * be a formula is written as text, an apostrophe before it; the byte-order mark makes the programs read the
 * Cyrillic names as UTF-8.
 */
export function spreadsheetCsv(fields: string[], rows: string[][]): string {
  return `\uFEFF${Papa.unparse({ fields, data: rows }, { escapeFormulae: FORMULA_START })}`;
}
