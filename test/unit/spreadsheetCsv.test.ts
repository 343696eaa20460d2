import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { spreadsheetCsv } from '../../client/src/staff/spreadsheetCsv.ts';

/**
 * CSV injection (OWASP, "CSV Injection"): a cell whose text begins with =, +, -, @, a tab or a carriage return
 * is read by Excel and LibreOffice as a formula. Staff names reach the links and passwords files as typed or
 * imported, so a hostile name could run a formula on the HR officer's computer — send data away through
 * HYPERLINK or WEBSERVICE, say. Such a cell must start with an apostrophe, which makes it text.
 */
const cells = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data;

const HOSTILE = [
  '=HYPERLINK("http://evil.example","x")',
  '+1+1',
  '-2',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  // Papa Parse's pattern for escapeFormulae: true, /^[=+\-@\t\r].*$/, lets a value with a line break through.
  '=1+1\nАйгүл',
];

describe('a CSV file made for spreadsheet programs', () => {
  it.each(HOSTILE)('keeps %j as text, an apostrophe before it', (name) => {
    const csv = spreadsheetCsv(['Name', 'Login'], [[name, 'aigul'], ['Айгүл Серікова', 'aigul.s']]);
    const [header, hostile, ordinary] = cells(csv);
    expect(header).toEqual(['Name', 'Login']);
    expect(hostile).toEqual([`'${name}`, 'aigul']);
    expect(ordinary).toEqual(['Айгүл Серікова', 'aigul.s']);
  });

  it('leaves ordinary names, links and passwords as they are, hyphens and apostrophes inside included', () => {
    const rows = [
      ['Айгүл Серікова', 'Серікова-Әлиева Ә.', 'https://bagalau.example.kz/r#Zx-3_q', 'Kb2-_x9QaT4vLm1pRs7u'],
      ["Д'Артаньян", 'Бақыт Әлиев', '1 + 1', 'a=b'],
    ];
    const csv = spreadsheetCsv(['a', 'b', 'c', 'd'], rows);
    expect(cells(csv).slice(1)).toEqual(rows);
  });

  it('begins with the byte-order mark, so that spreadsheet programs read the Cyrillic names as UTF-8', () => {
    expect(spreadsheetCsv(['Аты-жөні'], [['Айгүл']])).toBe('\uFEFFАты-жөні\r\nАйгүл');
  });
});
