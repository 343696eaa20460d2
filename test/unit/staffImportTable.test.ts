import { describe, expect, it } from 'vitest';
import { parseAbsenceCell, parseDateCell } from '../../shared/staffImport/cells.ts';
import { recogniseHeader } from '../../shared/staffImport/columns.ts';
import { readStaffTable, StaffTableError } from '../../shared/staffImport/table.ts';

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof StaffTableError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('no error');
};

describe('staff list headers', () => {
  it('recognises Kazakh, Russian and English headers with their common variants', () => {
    const cases: Array<[string, string]> = [
      ['Табельный номер', 'employeeNo'], ['Таб. №', 'employeeNo'], ['Табель нөмірі', 'employeeNo'], ['Personnel number', 'employeeNo'],
      ['Т.А.Ә.', 'fullName'], ['ТАӘ', 'fullName'], ['ФИО', 'fullName'], ['Ф. И. О.', 'fullName'], ['Full name', 'fullName'],
      ['Лауазымы', 'position'], ['Должность', 'position'], ['Санаты', 'category'], ['КАТЕГОРИЯ', 'category'],
      ['Бөлімше', 'unit'], ['Подразделение', 'unit'], ['Тікелей басшы', 'manager'], ['Непосредственный  руководитель', 'manager'],
      ['E-mail', 'email'], ['email', 'email'], ['Дата назначения', 'appointedOn'], ['Лауазымға тағайындалған күні', 'appointedOn'],
      ['Отсутствие', 'absence'], ['Absent from', 'absentFrom'], ['Отсутствует по', 'absentUntil'],
    ];
    for (const [header, column] of cases) expect(recogniseHeader(header), header).toBe(column);
    expect(recogniseHeader('Примечание')).toBeUndefined();
  });

  it('finds the header below a title line, in any column order, and lists unknown columns', () => {
    const table = readStaffTable([
      ['Список сотрудников на 01.01.2026'],
      ['Подразделение', 'Примечание', 'ФИО', 'Категория', 'Должность'],
      ['Қаржы бөлімі', 'x', 'Омарова Динара', 'с-4', 'Бас маман'],
    ]);
    expect(table.unknownColumns).toEqual(['Примечание']);
    expect([...table.present].sort()).toEqual(['category', 'fullName', 'position', 'unit']);
    expect(table.rows[0]).toMatchObject({ row: 3, fullName: 'Омарова Динара', category: 'C-4', unitPath: ['Қаржы бөлімі'], issues: [] });
  });

  it('refuses a file without a header, without required columns, with a column twice, or without rows', () => {
    expect(failure(() => readStaffTable([['a', 'b'], ['c', 'd']])).code).toBe('import.noHeader');
    expect(failure(() => readStaffTable([['ФИО', 'Должность'], ['x', 'y']]))).toEqual({ code: 'import.missingColumns', details: { columns: 'category, unit' } });
    expect(failure(() => readStaffTable([['ФИО', 'Т.А.Ә.', 'Должность', 'Категория', 'Бөлімше']])).details).toEqual({ first: 'ФИО', second: 'Т.А.Ә.' });
    expect(failure(() => readStaffTable([['ФИО', 'Должность', 'Категория', 'Бөлімше'], [null, ' ']])).code).toBe('import.noRows');
  });

  it('rejects bad cells with the column, the value and the spreadsheet row number', () => {
    const { rows } = readStaffTable([
      ['ФИО', 'Должность', 'Категория', 'Подразделение', 'E-mail', 'Дата назначения', 'Отсутствие'],
      ['', 'Маман', 'boss', 'Аппарат //Бөлім', 'not-mail', '31.02.2024', 'каникулы'],
    ]);
    expect(rows[0]!.row).toBe(2);
    expect(rows[0]!.issues).toEqual([
      { code: 'invalidUnit', column: 'unit', value: 'Аппарат //Бөлім' },
      { code: 'invalidAbsence', column: 'absence', value: 'каникулы' },
      { code: 'required', column: 'fullName' },
      { code: 'invalidCategory', column: 'category', value: 'boss' },
      { code: 'invalidEmail', column: 'email', value: 'not-mail' },
      { code: 'invalidDate', column: 'appointedOn', value: '31.02.2024' },
    ]);
  });
});

describe('staff list cells', () => {
  it('reads ISO dates, dd.mm.yyyy, real Excel dates and Excel serial numbers', () => {
    expect(parseDateCell('2024-03-05')).toBe('2024-03-05');
    expect(parseDateCell('05.03.2024')).toBe('2024-03-05');
    expect(parseDateCell('5/3/2024')).toBe('2024-03-05');
    expect(parseDateCell(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(parseDateCell(45356)).toBe('2024-03-05');
    expect(parseDateCell('')).toBeNull();
    expect(parseDateCell('2024-02-30')).toBeUndefined();
    expect(parseDateCell('March 5')).toBeUndefined();
  });

  it('reads absence kinds by code or by name in the three languages', () => {
    expect(parseAbsenceCell('Отпуск')).toBe('leave');
    expect(parseAbsenceCell('Еңбек демалысы')).toBe('leave');
    expect(parseAbsenceCell('sick leave')).toBe('sickLeave');
    expect(parseAbsenceCell('Іссапар')).toBe('businessTrip');
    expect(parseAbsenceCell('Уволен(а)')).toBe('dismissed');
    expect(parseAbsenceCell('training')).toBe('training');
    expect(parseAbsenceCell(' ')).toBeNull();
    expect(parseAbsenceCell('каникулы')).toBeUndefined();
  });
});
