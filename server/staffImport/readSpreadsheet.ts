import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import type { Cell } from '../../shared/staffImport/cells.ts';
import { StaffTableError } from '../../shared/staffImport/table.ts';
import { checkUnpackedSize } from './zipSize.ts';

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];

/** CSV text: UTF-8 (with or without a BOM), UTF-16 with a BOM (Excel's “Unicode text”), else Windows-1251. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, UTF8_BOM)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, UTF16LE_BOM)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel in Russian locales saves “CSV” in the ANSI code page, which is Windows-1251.
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** The first sheet of an XLSX workbook, or a CSV file with `;`, `,` or tab between values, as rows of cells. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<Cell[][]> {
  if (bytes.length === 0) throw new StaffTableError('import.empty');
  if (startsWith(bytes, ZIP)) {
    // The upload limit bounds the packed file only; its XML could unpack a hundred times larger.
    await checkUnpackedSize(bytes);
    try {
      return (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as Cell[][];
    } catch {
      throw new StaffTableError('import.notSpreadsheet');
    }
  }
  if (startsWith(bytes, OLE)) throw new StaffTableError('import.xlsNotSupported');
  const text = decodeText(bytes);
  // Text has no NUL and few control characters; images, PDFs and archives have plenty.
  const controls = text.slice(0, 4096).match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > 8) throw new StaffTableError('import.notSpreadsheet');
  if (!text.trim()) throw new StaffTableError('import.empty');
  const parsed = Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: [';', ',', '\t'] });
  return parsed.data;
}
