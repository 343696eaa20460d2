import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { StaffTableError } from '../../shared/staffImport/table.ts';

const inflate = promisify(inflateRaw);

/** The most an uploaded workbook may unpack to: a staff list of 20,000 rows is some tens of megabytes of XML. */
export const MAX_UNPACKED_MB = 100;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;
const STORED = 0;
const DEFLATED = 8;
/** General-purpose flag: sizes follow the data instead of preceding it (streaming writers, ours included). */
const SIZES_AFTER_DATA = 0x08;

interface Entry {
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const notSpreadsheet = () => new StaffTableError('import.notSpreadsheet');

/** The entries the central directory at the end of the archive lists. */
function centralDirectory(zip: DataView): { entries: Entry[]; start: number } {
  let end = zip.byteLength - 22;
  const stop = Math.max(0, end - 0xffff);
  while (end >= stop && zip.getUint32(end, true) !== END_OF_DIRECTORY) end -= 1;
  if (end < stop) throw notSpreadsheet();
  const count = zip.getUint16(end + 10, true);
  const start = zip.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let at = start, n = 0; n < count; n += 1) {
    if (at + 46 > end || zip.getUint32(at, true) !== CENTRAL_HEADER) throw notSpreadsheet();
    entries.push({
      flags: zip.getUint16(at + 8, true),
      method: zip.getUint16(at + 10, true),
      compressedSize: zip.getUint32(at + 20, true),
      size: zip.getUint32(at + 24, true),
      offset: zip.getUint32(at + 42, true),
    });
    at += 46 + zip.getUint16(at + 28, true) + zip.getUint16(at + 30, true) + zip.getUint16(at + 32, true);
  }
  return { entries, start };
}

/**
 * Refuses an XLSX (a zip archive) that would unpack to more than `maxBytes`, before the reader unpacks it into
 * memory. The declared sizes are checked first; then each entry is inflated with that size as its ceiling, since
 * a size can lie, and the entries must follow one another up to the directory, so that a reader walking the
 * archive from the front, as ours does, meets exactly the entries checked here.
 */
export async function checkUnpackedSize(bytes: Uint8Array, maxBytes = MAX_UNPACKED_MB * 1024 * 1024): Promise<void> {
  if (bytes.length < 22) throw notSpreadsheet();
  const zip = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { entries, start } = centralDirectory(zip);
  const tooLarge = () => new StaffTableError('import.unpackedTooLarge', { max: Math.round(maxBytes / (1024 * 1024)) });
  if (entries.reduce((sum, e) => sum + e.size, 0) > maxBytes) throw tooLarge();

  let next = 0;
  for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
    if (entry.offset !== next || entry.offset + 30 > start || zip.getUint32(entry.offset, true) !== LOCAL_HEADER) throw notSpreadsheet();
    // The front-to-back reader goes by the local header: it must say what the directory says.
    const localFlags = zip.getUint16(entry.offset + 6, true);
    const sizesHere = !(entry.flags & SIZES_AFTER_DATA);
    if ((localFlags ^ entry.flags) & SIZES_AFTER_DATA || zip.getUint16(entry.offset + 8, true) !== entry.method) throw notSpreadsheet();
    if (sizesHere && (zip.getUint32(entry.offset + 18, true) !== entry.compressedSize || zip.getUint32(entry.offset + 22, true) !== entry.size)) {
      throw notSpreadsheet();
    }
    const dataStart = entry.offset + 30 + zip.getUint16(entry.offset + 26, true) + zip.getUint16(entry.offset + 28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > start) throw notSpreadsheet();
    const data = bytes.subarray(dataStart, dataEnd);
    if (entry.method === DEFLATED) {
      const unpacked = await inflate(data, { maxOutputLength: Math.max(entry.size, 1) }).catch((error: { code?: string }) => {
        throw error.code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge() : notSpreadsheet();
      });
      if (unpacked.length !== entry.size) throw notSpreadsheet();
    } else if (entry.method !== STORED || entry.compressedSize !== entry.size) {
      throw notSpreadsheet();
    }
    next = dataEnd;
    if (!sizesHere) next += next + 4 <= start && zip.getUint32(next, true) === DATA_DESCRIPTOR ? 16 : 12;
  }
  if (next !== start) throw notSpreadsheet();
}
