import { describe, expect, it } from 'vitest';
import type { PersonRow } from '../../db/schema.ts';
import type { Cell } from '../../shared/staffImport/cells.ts';
import { planImport, type StaffSnapshot } from '../../shared/staffImport/plan.ts';
import { readStaffTable } from '../../shared/staffImport/table.ts';

const HEADER = ['Табельный номер', 'ФИО', 'Должность', 'Категория', 'Подразделение', 'Непосредственный руководитель', 'E-mail'];

let counter = 0;
const ids = () => `id-${++counter}`;

function plan(rows: Cell[][], snapshot: StaffSnapshot = { units: [], people: [] }, header = HEADER) {
  return planImport(readStaffTable([header, ...rows]), snapshot, ids);
}

const person = (p: Partial<PersonRow> & Pick<PersonRow, 'id' | 'full_name' | 'unit_id'>): PersonRow => ({
  position: 'Маман', category: 'C-4', manager_id: null, email: null, employee_no: null, appointed_on: null,
  absence: null, absent_from: null, absent_until: null, created_at: '', updated_at: '', manager_set_by: null, email_set_by: null, ...p,
});

const apparatus = { id: 'u-app', name: 'Аппарат', parent_id: null };
const finance = { id: 'u-fin', name: 'Қаржы бөлімі', parent_id: 'u-app' };

describe('planning an import', () => {
  it('creates missing units under their parent, matching existing ones by name among siblings', () => {
    const result = plan(
      [
        ['1', 'Бастық', 'Басшы', 'E-1', 'АППАРАТ / Жаңа бөлім', '', ''],
        ['2', 'Маман', 'Маман', 'C-4', 'Аппарат / Жаңа бөлім / Сектор', '1', ''],
        ['3', 'Есепші', 'Маман', 'C-4', 'Қаржы бөлімі', '1', ''],
      ],
      { units: [apparatus, finance], people: [] },
    );
    expect(result.writes.units.map((u) => [u.name, u.parent_id])).toEqual([['Жаңа бөлім', 'u-app'], ['Сектор', result.writes.units[0]!.id]]);
    expect(result.preview.newUnits).toEqual(['Аппарат / Жаңа бөлім', 'Аппарат / Жаңа бөлім / Сектор']);
    // A lone name found deeper in the tree is that unit, not a new top-level one.
    expect(result.writes.inserts.find((p) => p.full_name === 'Есепші')!.unit_id).toBe('u-fin');
  });

  it('resolves managers named later in the file, by number or by name, and inserts managers first', () => {
    const result = plan([
      ['10', 'Қызметкер', 'Маман', 'C-4', 'Бөлім', 'Бастық Ерлан', ''],
      ['11', 'Орынбасар', 'Маман', 'C-3', 'Бөлім', '12', ''],
      ['12', 'Бастық Ерлан', 'Басшы', 'E-2', 'Бөлім', '', ''],
    ]);
    expect(result.preview.counts).toMatchObject({ create: 3, rejected: 0 });
    const [first, second, third] = result.writes.inserts;
    expect(first!.full_name).toBe('Бастық Ерлан');
    expect([second!.manager_id, third!.manager_id]).toEqual([first!.id, first!.id]);
  });

  it('rejects unknown, ambiguous and self managers, manager loops, and rows whose new manager is rejected', () => {
    const result = plan(
      [
        ['1', 'Ахметов Ерлан', 'Маман', 'C-4', 'Бөлім', 'Ешкім', ''],
        ['2', 'Қасымов Ерлан', 'Маман', 'C-4', 'Бөлім', 'Исаева Жанар', ''],
        ['3', 'Бекова Әсел', 'Маман', 'C-4', 'Бөлім', '3', ''],
        ['4', 'А', 'Маман', 'C-4', 'Бөлім', '5', ''],
        ['5', 'Б', 'Маман', 'C-4', 'Бөлім', '4', ''],
        ['6', 'В', 'Маман', 'boss', 'Бөлім', '', ''],
        ['7', 'Г', 'Маман', 'C-4', 'Бөлім', '6', ''],
      ],
      { units: [apparatus], people: [person({ id: 'p1', full_name: 'Исаева Жанар', unit_id: 'u-app' }), person({ id: 'p2', full_name: 'Исаева  жанар', unit_id: 'u-app' })] },
    );
    const issues = Object.fromEntries(result.preview.rows.map((r) => [r.row, r.issues.map((i) => i.code)]));
    expect(issues).toEqual({
      2: ['managerUnknown'], 3: ['managerAmbiguous'], 4: ['selfManager'], 5: ['managerCycle'], 6: ['managerCycle'],
      7: ['invalidCategory'], 8: ['managerRejected'],
    });
    expect(result.preview.rows[3]!.issues[0]).toMatchObject({ value: 'А → Б → А' });
    expect(result.preview.rows[6]!.issues[0]).toMatchObject({ value: '6', rows: '7' });
    expect(result.writes.inserts).toEqual([]);
  });

  it('finds a loop through people already in the staff list', () => {
    const people = [person({ id: 'boss', full_name: 'Бастық', unit_id: 'u-app', employee_no: '1', manager_id: null }), person({ id: 'dep', full_name: 'Орынбасар', unit_id: 'u-app', employee_no: '2', manager_id: 'boss' })];
    const result = plan([['1', 'Бастық', 'Маман', 'E-1', 'Аппарат', '2', '']], { units: [apparatus], people });
    expect(result.preview.rows[0]!.issues.map((i) => i.code)).toEqual(['managerCycle']);
    expect(result.writes.updates).toEqual([]);
  });

  it('rejects every row sharing a personnel number or an e-mail, naming the other rows', () => {
    const result = plan([
      ['7', 'А', 'Маман', 'C-4', 'Бөлім', '', 'a@gov.kz'],
      ['7', 'Б', 'Маман', 'C-4', 'Бөлім', '', 'b@gov.kz'],
      ['8', 'В', 'Маман', 'C-4', 'Бөлім', '', 'A@gov.kz'],
    ]);
    expect(result.preview.rows.map((r) => r.issues)).toEqual([
      [{ code: 'duplicateEmployeeNo', value: '7', rows: '3' }, { code: 'duplicateEmail', value: 'a@gov.kz', rows: '4' }],
      [{ code: 'duplicateEmployeeNo', value: '7', rows: '2' }],
      [{ code: 'duplicateEmail', value: 'A@gov.kz', rows: '2' }],
    ]);
  });

  it('matches by personnel number, else e-mail, else the same name in the same unit, and changes only what differs', () => {
    const people = [
      person({ id: 'a', full_name: 'Омарова Динара', unit_id: 'u-fin', employee_no: '100' }),
      person({ id: 'b', full_name: 'Қасымов Ерлан', unit_id: 'u-fin', email: 'kasymov@gov.kz' }),
      person({ id: 'c', full_name: 'Тоқтаров Мұрат', unit_id: 'u-fin' }),
      person({ id: 'd', full_name: 'Тоқтаров Мұрат', unit_id: 'u-app' }),
      person({ id: 'e', full_name: 'Исаева Жанар', unit_id: 'u-app' }),
    ];
    const result = plan(
      [
        ['100', 'Омарова-Сейітова Динара', 'Маман', 'C-4', 'Аппарат / Қаржы бөлімі', '', ''],
        ['101', 'Қасымов Ерлан', 'Маман', 'C-4', 'Аппарат / Қаржы бөлімі', '', 'KASYMOV@gov.kz'],
        ['', 'тоқтаров  мұрат', 'Маман', 'C-4', 'Аппарат / Қаржы бөлімі', '100', ''],
        ['', 'Жаңа Адам', 'Маман', 'C-4', 'Аппарат / Қаржы бөлімі', '', ''],
      ],
      { units: [apparatus, finance], people },
    );
    expect(result.preview.rows.map((r) => r.kind)).toEqual(['update', 'update', 'update', 'create']);
    expect(result.preview.rows[0]!.changes).toEqual([{ column: 'fullName', before: 'Омарова Динара', after: 'Омарова-Сейітова Динара' }]);
    expect(result.writes.updates).toEqual([
      { id: 'a', set: { full_name: 'Омарова-Сейітова Динара' } },
      { id: 'b', set: { employee_no: '101', email: 'KASYMOV@gov.kz' } },
      { id: 'c', set: { full_name: 'тоқтаров  мұрат', manager_id: 'a' } },
    ]);
    expect(result.preview.rows[2]!.changes[1]).toEqual({ column: 'manager', before: null, after: 'Омарова-Сейітова Динара' });
    expect(result.preview.notInFile.map((p) => p.fullName)).toEqual(['Исаева Жанар', 'Тоқтаров Мұрат']);
  });

  it('leaves fields of columns the file lacks as they are, and checks absences over the values kept', () => {
    const people = [person({ id: 'a', full_name: 'Омарова Динара', unit_id: 'u-fin', employee_no: '100', email: 'o@gov.kz', absence: 'leave', absent_from: '2025-12-01' })];
    const header = ['Табельный номер', 'ФИО', 'Должность', 'Категория', 'Бөлімше', 'Отсутствует по'];
    const result = plan([['100', 'Омарова Динара', 'Маман', 'C-4', 'Қаржы бөлімі', '30.11.2025']], { units: [apparatus, finance], people }, header);
    expect(result.preview.rows[0]!.issues).toEqual([{ code: 'dateOrder', column: 'absentUntil' }]);
    const fine = plan([['100', 'Омарова Динара', 'Маман', 'C-4', 'Қаржы бөлімі', '20.12.2025']], { units: [apparatus, finance], people }, header);
    expect(fine.writes.updates).toEqual([{ id: 'a', set: { absent_until: '2025-12-20' } }]);
  });

  it('refuses two rows for one person and a row that matches several people', () => {
    const people = [person({ id: 'a', full_name: 'Омарова Динара', unit_id: 'u-fin', email: 'o@gov.kz' }), person({ id: 'b', full_name: 'Бекова', unit_id: 'u-fin' }), person({ id: 'c', full_name: 'Бекова', unit_id: 'u-fin' })];
    const result = plan(
      [
        ['', 'Омарова Динара', 'Маман', 'C-4', 'Қаржы бөлімі', '', 'o@gov.kz'],
        ['', 'Омарова Динара', 'Маман', 'C-4', 'Қаржы бөлімі', '', ''],
        ['', 'Бекова', 'Маман', 'C-4', 'Қаржы бөлімі', '', ''],
      ],
      { units: [apparatus, finance], people },
    );
    expect(result.preview.rows.map((r) => r.issues)).toEqual([[], [{ code: 'samePerson', rows: '2' }], [{ code: 'ambiguousMatch', value: 'Бекова', count: 2 }]]);
  });
});
