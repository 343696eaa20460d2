import writeExcelFile from 'write-excel-file/node';

/** One line of a staff list file: header names as keys, cell values as HR types them. */
export type StaffLine = Record<string, string | number | Date | null>;

/** A staff list file's rows: the header from the first line's keys, then every line's values. */
export const sheetOf = (lines: readonly StaffLine[]) => [Object.keys(lines[0]!), ...lines.map((l) => Object.values(l))];

export const xlsxOf = (lines: readonly StaffLine[]): Promise<Buffer> =>
  writeExcelFile(sheetOf(lines).map((row) => row.map((v) => (v instanceof Date ? { value: v, type: Date, format: 'dd.mm.yyyy' } : v))) as never).toBuffer();

export function csvOf(lines: readonly StaffLine[], separator = ';'): string {
  const quote = (v: unknown) => {
    const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return /[;,"\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return sheetOf(lines).map((row) => row.map(quote).join(separator)).join('\r\n');
}

/** Windows-1251, as Excel in Russian locales writes CSV: ASCII, Russian letters, Ё/ё and the Ukrainian І/і. */
export function windows1251(text: string): Uint8Array {
  const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, І: 0xb2, і: 0xb3, '№': 0xb9, '«': 0xab, '»': 0xbb };
  return Uint8Array.from([...text].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (ch in special) return special[ch]!;
    throw new Error(`“${ch}” has no Windows-1251 byte`);
  }));
}

const SURNAMES = ['Сейітов', 'Омарова', 'Қасымов', 'Жұмабаева', 'Тоқтаров', 'Исаева', 'Ахметов', 'Нұрланова', 'Бекова', 'Серікбаев', 'Әлиев', 'Мұратова'];
const NAMES = ['Арман', 'Динара', 'Ерлан', 'Әсел', 'Мұрат', 'Жанар', 'Бауыржан', 'Гүлнар', 'Дәурен', 'Айгүл', 'Нұрлан', 'Сәуле'];
const DEPARTMENTS = ['Қаржы басқармасы', 'Білім басқармасы', 'Денсаулық сақтау басқармасы', 'Құрылыс басқармасы', 'Жер қатынастары басқармасы', 'Цифрландыру басқармасы', 'Кәсіпкерлік басқармасы', 'Мәдениет басқармасы', 'Спорт басқармасы', 'Туризм басқармасы'];
const OFFICES = ['Бюджет бөлімі', 'Есеп бөлімі', 'Кадр бөлімі', 'Заң бөлімі', 'Талдау бөлімі'];

/**
 * A realistic staff list of `count` people with Russian headers: the apparatus, its departments and their
 * offices as paths («Аппарат / … / …»); every unit's first person heads it (D-O-1, E-1, E-2) and reports to the
 * head of the unit above, everyone else reports to their unit's head by personnel number; dd.mm.yyyy dates as
 * text, and a few absences.
 */
export function generateStaff(count: number): StaffLine[] {
  const units: Array<{ path: string; parent: number | null; head: string | null }> = [{ path: 'Аппарат', parent: null, head: null }];
  for (const d of DEPARTMENTS) {
    const department = units.push({ path: `Аппарат / ${d}`, parent: 0, head: null }) - 1;
    for (const o of OFFICES) units.push({ path: `Аппарат / ${d} / ${o}`, parent: department, head: null });
  }
  const lines: StaffLine[] = [];
  for (let i = 0; i < count; i++) {
    const no = `T${String(i + 1).padStart(6, '0')}`;
    const unit = units[i % units.length]!;
    const isHead = unit.head === null;
    if (isHead) unit.head = no;
    const depth = unit.path.split(' / ').length;
    const category = isHead ? ['D-O-1', 'E-1', 'E-2'][depth - 1]! : ['C-4', 'D-4', 'E-3', 'E-4', 'E-5'][i % 5]!;
    const absence = i % 97 === 3 ? 'Отпуск' : i % 131 === 5 ? 'Командировка' : null;
    lines.push({
      'Табельный номер': no,
      ФИО: `${SURNAMES[i % SURNAMES.length]} ${NAMES[Math.floor(i / SURNAMES.length) % NAMES.length]} ${i + 1}`,
      Должность: isHead ? 'Басшы' : 'Бас маман',
      Категория: category,
      Подразделение: unit.path,
      'Непосредственный руководитель': isHead ? (unit.parent === null ? null : units[unit.parent]!.head) : unit.head,
      'E-mail': `user${i + 1}@almaty.gov.kz`,
      'Дата назначения': `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.${2015 + (i % 10)}`,
      Отсутствие: absence,
      'Отсутствует с': absence ? '01.12.2025' : null,
      'Отсутствует по': absence ? '20.12.2025' : null,
    });
  }
  return lines;
}
