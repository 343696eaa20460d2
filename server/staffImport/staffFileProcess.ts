import { readStaffTable, StaffTableError, type StaffTable } from '../../shared/staffImport/table.ts';
import { readSpreadsheet } from './readSpreadsheet.ts';

/** What the reading process answers for a file: its table, why it cannot be imported, or how reading failed. */
export type StaffFileReply = { table: StaffTable } | { refused: { code: string; details: StaffTableError['details'] } } | { failed: string };

// The child process of StaffFileReader (staffFileReader.ts): each message is a file's bytes, each answer a
// StaffFileReply. It lives as long as its channel to the server: when the server goes, so does it.
process.on('message', async (bytes: Uint8Array) => {
  let reply: StaffFileReply;
  try {
    reply = { table: readStaffTable(await readSpreadsheet(bytes)) };
  } catch (error) {
    if (error instanceof StaffTableError) reply = { refused: { code: error.code, details: error.details } };
    else reply = { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.send!(reply);
});
