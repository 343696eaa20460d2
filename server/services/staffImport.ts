import { createHash } from 'node:crypto';
import type { DB } from '../../db/connect.ts';
import { newId } from '../../db/ids.ts';
import { applyStaffImport, loadStaffSnapshot } from '../../db/repositories/staffImport.ts';
import { translate } from '../../shared/i18n/translate.ts';
import type { Locale } from '../../shared/methodology/types.ts';
import type { ImportColumn } from '../../shared/staffImport/columns.ts';
import { planImport } from '../../shared/staffImport/plan.ts';
import type { ImportPreview, ImportResult } from '../../shared/staffImport/preview.ts';
import { StaffTableError, type StaffTable } from '../../shared/staffImport/table.ts';
import { ApiError } from '../http/apiError.ts';
import { readStaffFile } from '../staffImport/staffFileReader.ts';
import { staffWorkbook } from '../staffImport/staffWorkbook.ts';

const STATUS: Record<string, 400 | 413 | 415 | 422> = {
  'import.empty': 400,
  'import.unpackedTooLarge': 413,
  'import.tooMuchMemory': 413,
  'import.tooSlow': 413,
  'import.notSpreadsheet': 415,
  'import.xlsNotSupported': 415,
};

export const fileDigest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function readTable(bytes: Uint8Array): Promise<StaffTable> {
  try {
    return await readStaffFile(bytes);
  } catch (error) {
    if (!(error instanceof StaffTableError)) throw error;
    const details = { ...error.details };
    if (error.code === 'import.missingColumns') {
      // English names for the message; the keys for the UI to name the columns in the reader's language.
      const keys = String(details.columns).split(', ') as ImportColumn[];
      Object.assign(details, { columns: keys.map((k) => translate('en', `staffImport.column.${k}`)).join(', '), keys: keys.join(',') });
    }
    throw new ApiError(STATUS[error.code] ?? 422, error.code, details);
  }
}

/** What importing the file would do, written nowhere. */
export async function previewImport(db: DB, bytes: Uint8Array): Promise<ImportPreview> {
  const table = await readTable(bytes);
  const plan = planImport(table, await loadStaffSnapshot(db), newId);
  return { digest: fileDigest(bytes), ...plan.preview };
}

/**
 * Applies the previewed file: its valid rows in one transaction, its rejected rows skipped. The importing account
 * (`actorId`) is recorded as having set the managers and addresses the file sets.
 */
export async function applyImport(db: DB, bytes: Uint8Array, digest: string | undefined, actorId: string): Promise<ImportResult> {
  if (!digest) throw new ApiError(400, 'import.digestRequired');
  if (digest !== fileDigest(bytes)) throw new ApiError(409, 'import.fileChanged');
  const table = await readTable(bytes);
  const plan = await applyStaffImport(db, (snapshot) => planImport(table, snapshot, newId), actorId);
  const { counts } = plan.preview;
  return {
    digest,
    ...plan.preview,
    applied: { created: counts.create, updated: counts.update, unchanged: counts.unchanged, skipped: counts.rejected, unitsCreated: plan.writes.units.length },
  };
}

export async function exportStaff(db: DB, locale: Locale): Promise<Buffer> {
  return staffWorkbook(await loadStaffSnapshot(db), locale);
}
