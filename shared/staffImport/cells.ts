import { ABSENCES, type Absence } from '../rules/absence.ts';
import { catalogues } from '../i18n/translate.ts';

/** A spreadsheet cell as read from XLSX (typed) or CSV (always text). */
export type Cell = string | number | boolean | Date | null | undefined;

const isoOf = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
};

/** A cell as trimmed text; dates as ISO dates. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug is already folded into that epoch).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date cell as an ISO date: a real Excel date, an Excel serial number, `YYYY-MM-DD` (optionally with a time)
 * or `DD.MM.YYYY` (also with / or -). Empty → null; anything else → undefined (not a date).
 */
export function parseDateCell(cell: Cell): string | null | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : isoOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()) ?? undefined;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 100000) return undefined;
    const date = new Date(EXCEL_EPOCH + Math.floor(cell) * 86400000);
    return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) ?? undefined;
  }
  const text = cellText(cell);
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? undefined;
  const local = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?: [\d:]+)?$/.exec(text);
  if (local) return isoOf(Number(local[3]), Number(local[2]), Number(local[1])) ?? undefined;
  return undefined;
}

const wordKey = (raw: string) => raw.toLowerCase().replaceAll('ё', 'е').replace(/[^\p{L}]+/gu, '');

// The catalogue names in the three languages, the codes themselves, and what HR offices write instead.
const ABSENCE_WORDS: Record<Absence, string[]> = {
  leave: ['отпуск', 'ежегодный отпуск', 'демалыс', 'еңбек демалысы', 'vacation', 'annual leave'],
  sickLeave: ['больничный', 'больничный лист', 'болезнь', 'нетрудоспособность', 'ауруы', 'ауру', 'еңбекке жарамсыздық', 'sick', 'sick leave'],
  businessTrip: ['командировка', 'служебная командировка', 'іссапар', 'қызметтік іссапар', 'trip', 'business trip'],
  training: ['обучение', 'повышение квалификации', 'курсы', 'оқу', 'біліктілікті арттыру', 'training', 'course'],
  dismissed: ['уволен', 'уволена', 'увольнение', 'уволен(а)', 'босатылды', 'жұмыстан босатылды', 'dismissed', 'dismissal'],
};

const ABSENCE_BY_WORD = new Map<string, Absence>();
for (const absence of ABSENCES) {
  const names = Object.values(catalogues).map((messages) => messages[`absence.${absence}`]);
  for (const word of [absence, ...names, ...ABSENCE_WORDS[absence]]) ABSENCE_BY_WORD.set(wordKey(word), absence);
}

/** An absence kind from its code or its name in any of the three languages. Empty → null; unknown → undefined. */
export function parseAbsenceCell(cell: Cell): Absence | null | undefined {
  const text = cellText(cell);
  if (!text) return null;
  return ABSENCE_BY_WORD.get(wordKey(text));
}
