import Papa from 'papaparse';

/**
 * A table as a CSV file for spreadsheet programs. The byte-order mark makes them read the Cyrillic names as
 * UTF-8.
 */
export function spreadsheetCsv(fields: string[], rows: string[][]): string {
  return `\uFEFF${Papa.unparse({ fields, data: rows })}`;
}
