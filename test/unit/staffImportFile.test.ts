import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../server/staffImport/readSpreadsheet.ts';
import { checkUnpackedSize, MAX_UNPACKED_MB } from '../../server/staffImport/zipSize.ts';
import { readStaffTable, StaffTableError } from '../../shared/staffImport/table.ts';
import { craftedZip } from '../support/craftedZip.ts';
import { csvOf, windows1251, xlsxOf, type StaffLine } from '../support/staffFile.ts';

const lines: StaffLine[] = [
  { 'Табельный номер': '00123', ФИО: 'Ёлкина Анна', Должность: 'Главный специалист, отдел «А»', Категория: 'С-4', Подразделение: 'Аппарат / Отдел', 'Дата назначения': '05.03.2024' },
  { 'Табельный номер': '00124', ФИО: 'Иванов Иван', Должность: 'Специалист', Категория: 'C-5', Подразделение: 'Аппарат', 'Дата назначения': '2024-03-06' },
];
const expected = [
  { row: 2, employeeNo: '00123', fullName: 'Ёлкина Анна', position: 'Главный специалист, отдел «А»', category: 'C-4', unitPath: ['Аппарат', 'Отдел'], appointedOn: '2024-03-05', issues: [] },
  { row: 3, employeeNo: '00124', fullName: 'Иванов Иван', category: 'C-5', appointedOn: '2024-03-06', issues: [] },
];
const read = async (bytes: Uint8Array) => readStaffTable(await readSpreadsheet(bytes)).rows;
const utf8 = (text: string) => new TextEncoder().encode(text);
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'none', (e: unknown) => (e instanceof StaffTableError ? e.code : String(e)));

describe('reading a staff list file', () => {
  it('reads CSV in UTF-8 with or without a BOM, separated by ; or ,', async () => {
    expect(await read(utf8(csvOf(lines, ';')))).toMatchObject(expected);
    expect(await read(utf8(`\uFEFF${csvOf(lines, ',')}`))).toMatchObject(expected);
  });

  it('reads CSV in Windows-1251 as Excel in Russian locales saves it', async () => {
    expect(await read(windows1251(csvOf(lines, ';')))).toMatchObject(expected);
  });

  it('reads XLSX with real Excel dates', async () => {
    const withDates = lines.map((l, i) => ({ ...l, 'Дата назначения': new Date(Date.UTC(2024, 2, 5 + i)) }));
    expect(await read(await xlsxOf(withDates))).toMatchObject(expected);
  });

  it('tells an empty file, an old .xls, a broken workbook and a binary file apart', async () => {
    expect(await codeOf(readSpreadsheet(new Uint8Array()))).toBe('import.empty');
    expect(await codeOf(readSpreadsheet(utf8(' \r\n ')))).toBe('import.empty');
    expect(await codeOf(readSpreadsheet(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe('import.xlsNotSupported');
    expect(await codeOf(readSpreadsheet(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toBe('import.notSpreadsheet');
    expect(await codeOf(readSpreadsheet(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])))).toBe('import.notSpreadsheet');
  });
});

describe('a workbook that would unpack to too much', () => {
  const xml = (bytes: number) => new Uint8Array(bytes).fill(0x20);
  const codeAndMax = (promise: Promise<unknown>) =>
    promise.then(() => 'none', (e: unknown) => (e instanceof StaffTableError ? `${e.code} ${e.details.max ?? ''}`.trim() : String(e)));

  it('is refused by the sizes it declares, before anything is unpacked', async () => {
    const bomb = craftedZip([{ name: 'xl/worksheets/sheet1.xml', content: xml(1000), declaredSize: 0xf0000000 }]);
    expect(await codeAndMax(checkUnpackedSize(bomb))).toBe(`import.unpackedTooLarge ${MAX_UNPACKED_MB}`);
    expect(await codeAndMax(readSpreadsheet(bomb))).toBe(`import.unpackedTooLarge ${MAX_UNPACKED_MB}`);
  });

  it('is refused when its sizes lie, by unpacking no more than they say', async () => {
    const lying = craftedZip([{ name: 'xl/worksheets/sheet1.xml', content: xml(3 * 1024 * 1024), declaredSize: 1000 }]);
    expect(await codeAndMax(checkUnpackedSize(lying))).toBe(`import.unpackedTooLarge ${MAX_UNPACKED_MB}`);
    const honest = craftedZip([{ name: 'a.xml', content: xml(3 * 1024 * 1024) }]);
    expect(await codeAndMax(checkUnpackedSize(honest, 2 * 1024 * 1024))).toBe('import.unpackedTooLarge 2');
    expect(await codeAndMax(checkUnpackedSize(honest, 4 * 1024 * 1024))).toBe('none');
  });

  it('passes real workbooks, ours included, and refuses archives whose entries do not follow one another', async () => {
    await expect(checkUnpackedSize(await xlsxOf(lines))).resolves.toBeUndefined();
    const two = craftedZip([{ name: 'a.xml', content: xml(10) }, { name: 'b.xml', content: xml(10) }]);
    await expect(checkUnpackedSize(two)).resolves.toBeUndefined();
    // The directory lists b.xml only: a.xml before it is hidden from it, yet a reader going front to back unpacks it.
    const withHidden = Buffer.from(two);
    const end = withHidden.length - 22;
    withHidden.writeUInt16LE(1, end + 8);
    withHidden.writeUInt16LE(1, end + 10);
    withHidden.writeUInt32LE(withHidden.readUInt32LE(end + 16) + 46 + 'a.xml'.length, end + 16);
    expect(await codeAndMax(checkUnpackedSize(withHidden))).toBe('import.notSpreadsheet');
  });
});
