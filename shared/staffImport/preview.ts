import type { ImportColumn } from './columns.ts';

export const ROW_KINDS = ['create', 'update', 'unchanged', 'rejected'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export const REJECT_REASONS = [
  'required', 'tooLong', 'invalidCategory', 'invalidEmail', 'invalidDate', 'invalidAbsence', 'absenceNeedsStart',
  'datesWithoutAbsence', 'dateOrder', 'invalidUnit', 'ambiguousUnit', 'duplicateEmployeeNo', 'duplicateEmail',
  'samePerson', 'ambiguousMatch', 'managerUnknown', 'managerAmbiguous', 'managerRejected', 'selfManager', 'managerCycle',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Why a row is rejected: a code the catalogues translate (`staffImport.reason.<code>`) and its parameters. */
export interface RowIssue {
  code: RejectReason;
  column?: ImportColumn;
  value?: string;
  /** Other spreadsheet rows involved, e.g. "4, 9". */
  rows?: string;
  count?: number;
}

/** One changed field of a matched person, as text (units as paths, managers by name, dates ISO, absences as codes). */
export interface FieldChange {
  column: ImportColumn;
  before: string | null;
  after: string | null;
}

export interface PreviewRow {
  /** The spreadsheet's row number: the header row is row 1 when it is the first row. */
  row: number;
  kind: RowKind;
  fullName: string;
  employeeNo: string | null;
  unit: string;
  changes: FieldChange[];
  issues: RowIssue[];
}

export interface ImportPreview {
  /** SHA-256 of the file, sent back with the same file to apply exactly what was previewed. */
  digest: string;
  rows: PreviewRow[];
  counts: Record<RowKind, number>;
  /** Headers that name no known column: ignored. */
  unknownColumns: string[];
  /** Units the import creates, as paths. */
  newUnits: string[];
  /** People in the staff list whom no row of the file names: left as they are. */
  notInFile: Array<{ fullName: string; employeeNo: string | null; unit: string }>;
}

export interface ImportResult extends ImportPreview {
  applied: { created: number; updated: number; unchanged: number; skipped: number; unitsCreated: number };
}
