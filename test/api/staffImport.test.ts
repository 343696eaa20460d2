import { readSheet } from 'read-excel-file/node';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../shared/staffImport/preview.ts';
import { craftedZip } from '../support/craftedZip.ts';
import { csvOf, generateStaff, xlsxOf, type StaffLine } from '../support/staffFile.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const bytes = (text: string) => new TextEncoder().encode(text);

const line = (no: string, name: string, category: string, unit: string, manager: string | null, extra: Partial<StaffLine> = {}): StaffLine => ({
  'Табель нөмірі': no, 'Т.А.Ә.': name, Лауазымы: category.startsWith('E-1') || category === 'E-2' ? 'Басшы' : 'Бас маман', Санаты: category,
  Бөлімше: unit, 'Тікелей басшы': manager, 'E-mail': `${no}@almaty.gov.kz`, 'Дата назначения': '01.09.2023',
  Отсутствие: null, 'Отсутствует с': null, 'Отсутствует по': null, Ескерту: 'x', ...extra,
});

/** Five people in two units; row 4 has a bad category and row 6 names an unknown manager. */
const withBadRows = (): StaffLine[] => [
  line('001', 'Сейітов Арман', 'E-1', 'Аппарат', null),
  line('002', 'Омарова Динара', 'E-2', 'Аппарат / Қаржы бөлімі', '001'),
  line('003', 'Қасымов Ерлан', 'бастық', 'Аппарат / Қаржы бөлімі', '002'),
  line('004', 'Жұмабаева Әсел', 'C-4', 'Аппарат / Қаржы бөлімі', 'Омарова Динара', { Отсутствие: 'Отпуск', 'Отсутствует с': '01.12.2025', 'Отсутствует по': '2025-12-24' }),
  line('005', 'Тоқтаров Мұрат', 'C-4', 'Аппарат / Қаржы бөлімі', '999'),
];

describe('staff list import over HTTP', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });

  const send = async <T>(path: string, body: Uint8Array<ArrayBuffer> | string, contentType = 'text/csv') => {
    const res = await t.call('POST', path, undefined, { raw: body, contentType });
    return { status: res.status, body: (await res.json()) as T };
  };
  const preview = (body: Uint8Array<ArrayBuffer> | string, contentType?: string) => send<ImportPreview>('/staff-import/preview', body, contentType);
  const apply = (body: Uint8Array<ArrayBuffer> | string, digest: string, contentType?: string) =>
    send<ImportResult>(`/staff-import/apply?digest=${digest}`, body, contentType);
  const people = async () => (await t.json('GET', '/people')).body.people as Array<{ fullName: string; employeeNo: string; managerName: string | null; unitName: string; absence: string | null }>;

  it('previews every row with its kind and reasons, writing nothing', async () => {
    const file = new Uint8Array(await xlsxOf(withBadRows()));
    const { status, body } = await preview(file, XLSX);
    expect(status).toBe(200);
    expect(body.counts).toEqual({ create: 3, update: 0, unchanged: 0, rejected: 2 });
    expect(body.unknownColumns).toEqual(['Ескерту']);
    expect(body.newUnits).toEqual(['Аппарат', 'Аппарат / Қаржы бөлімі']);
    expect(body.rows.filter((r) => r.kind === 'rejected').map((r) => [r.row, r.issues])).toEqual([
      [4, [{ code: 'invalidCategory', column: 'category', value: 'бастық' }]],
      [6, [{ code: 'managerUnknown', column: 'manager', value: '999' }]],
    ]);
    expect(body.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(await people()).toEqual([]);
    expect((await t.json('GET', '/units')).body.units).toEqual([]);
  });

  it('applies the valid rows once, then a fixed file changes only the fixed rows', async () => {
    const file = new Uint8Array(await xlsxOf(withBadRows()));
    const digest = (await preview(file, XLSX)).body.digest;
    const { status, body } = await apply(file, digest, XLSX);
    expect(status).toBe(200);
    expect(body.applied).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 2, unitsCreated: 2 });
    const afterFirst = await people();
    expect(afterFirst.map((p) => p.fullName).sort()).toEqual(['Жұмабаева Әсел', 'Омарова Динара', 'Сейітов Арман']);
    expect(afterFirst.find((p) => p.employeeNo === '004')).toMatchObject({ managerName: 'Омарова Динара', unitName: 'Қаржы бөлімі', absence: 'leave' });

    const fixed = withBadRows();
    fixed[2]!.Санаты = 'C-4';
    fixed[4]!['Тікелей басшы'] = '003';
    const fixedFile = bytes(csvOf(fixed, ';'));
    const again = await preview(fixedFile);
    expect(again.body.counts).toEqual({ create: 2, update: 0, unchanged: 3, rejected: 0 });
    expect((await apply(fixedFile, again.body.digest)).body.applied).toMatchObject({ created: 2, updated: 0, skipped: 0, unitsCreated: 0 });
    const all = await people();
    expect(all.map((p) => p.employeeNo).sort()).toEqual(['001', '002', '003', '004', '005']);
    expect(all.find((p) => p.employeeNo === '005')!.managerName).toBe('Қасымов Ерлан');

    // Next year: a promotion and a new e-mail; people missing from the file are listed and left alone.
    const nextYear = fixed.slice(0, 4);
    nextYear[3]!.Санаты = 'C-3';
    nextYear[3]!['E-mail'] = 'asel@almaty.gov.kz';
    const next = await preview(bytes(csvOf(nextYear, ',')));
    expect(next.body.rows[3]).toMatchObject({ kind: 'update', changes: [{ column: 'category', before: 'C-4', after: 'C-3' }, { column: 'email', before: '004@almaty.gov.kz', after: 'asel@almaty.gov.kz' }] });
    expect(next.body.notInFile).toEqual([{ fullName: 'Тоқтаров Мұрат', employeeNo: '005', unit: 'Аппарат / Қаржы бөлімі' }]);
  });

  it('refuses to apply without the digest or with a different file, writing nothing', async () => {
    const file = bytes(csvOf(withBadRows()));
    const digest = (await preview(file)).body.digest;
    const other = bytes(csvOf(withBadRows().slice(0, 2)));
    expect(await apply(other, digest)).toMatchObject({ status: 409, body: { error: { code: 'import.fileChanged' } } });
    const missing = await send('/staff-import/apply', file);
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'import.digestRequired' } } });
    expect(await people()).toEqual([]);
  });

  it('takes the file as multipart form data too', async () => {
    const form = new FormData();
    form.append('file', new Blob([csvOf(withBadRows())], { type: 'text/csv' }), 'staff.csv');
    const request = new Request('http://b360.test/api/staff-import/preview', { method: 'POST', body: form, headers: { cookie: t.cookie } });
    const multipart = await send<ImportPreview>('/staff-import/preview', new Uint8Array(await request.arrayBuffer()), request.headers.get('content-type')!);
    expect(multipart.status).toBe(200);
    expect(multipart.body.counts.create).toBe(3);
    const noFile = new Request('http://b360.test/', { method: 'POST', body: new FormData() });
    expect(await send('/staff-import/preview', new Uint8Array(await noFile.arrayBuffer()), noFile.headers.get('content-type')!)).toMatchObject({ status: 400, body: { error: { code: 'import.noFile' } } });
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=elsewhere']) {
      expect(await send('/staff-import/preview', bytes('no parts here'), contentType)).toMatchObject({ status: 400, body: { error: { code: 'import.badForm' } } });
    }
  });

  it('refuses bad files with precise 4xx errors', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await preview(png, 'image/png')).toMatchObject({ status: 415, body: { error: { code: 'import.notSpreadsheet' } } });
    expect(await preview(new Uint8Array())).toMatchObject({ status: 400, body: { error: { code: 'import.empty', message: 'The file is empty.' } } });
    const bomb = craftedZip([{ name: 'xl/worksheets/sheet1.xml', content: bytes('<worksheet/>'), declaredSize: 900 * 1024 * 1024 }]);
    expect(await preview(bomb, XLSX)).toMatchObject({ status: 413, body: { error: { code: 'import.unpackedTooLarge', details: { max: 100 } } } });
    expect(await preview('ФИО;Должность\nИванов;Маман')).toMatchObject({
      status: 422,
      body: { error: { code: 'import.missingColumns', message: 'Required columns are missing: Category, Unit.', details: { keys: 'category,unit' } } },
    });
    expect(await preview('hello world')).toMatchObject({ status: 422, body: { error: { code: 'import.noHeader' } } });
    const huge = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41);
    expect(await preview(huge)).toMatchObject({ status: 413, body: { error: { code: 'import.tooLarge', message: 'The file is larger than 10 MB.' } } });
    // Every other endpoint keeps the small JSON limit.
    const bigJson = await t.call('POST', '/units', undefined, { raw: JSON.stringify({ name: 'x'.repeat(300 * 1024) }) });
    expect(bigJson.status).toBe(413);
    expect(await t.call('POST', '/staff-import/preview', undefined, { raw: 'x', contentType: 'text/csv', cookie: null }).then((r) => r.status)).toBe(401);
    expect(await people()).toEqual([]);
  });

  it('exports an XLSX in the reader’s language that imports back without a change', async () => {
    const file = bytes(csvOf(withBadRows().map((l) => ({ ...l, Санаты: 'C-4', 'Тікелей басшы': l['Тікелей басшы'] === '999' ? null : (l['Тікелей басшы'] ?? null) }))));
    await apply(file, (await preview(file)).body.digest);
    // Someone entered by hand, without a personnel number or an e-mail, whose manager is named by full name.
    const units = (await t.json('GET', '/units')).body.units as Array<{ id: string; name: string }>;
    const boss = (await people()).find((p) => p.employeeNo === '001')!;
    const created = await t.json('POST', '/people', { fullName: 'Исаева Жанар', position: 'Маман', unitId: units.find((u) => u.name === 'Аппарат')!.id, category: 'B-4', managerId: (boss as unknown as { id: string }).id, appointedOn: '2020-02-29', absence: 'dismissed', absentFrom: '2025-11-30' });
    expect(created.status).toBe(201);

    for (const lang of ['kk', 'ru', 'en'] as const) {
      const res = await t.call('GET', `/staff-export?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="staff-\d{4}-\d{2}-\d{2}\.xlsx"$/);
      const exported = new Uint8Array(await res.arrayBuffer());
      const sheet = await readSheet(Buffer.from(exported));
      expect(sheet[0]![1]).toBe({ kk: 'Т.А.Ә.', ru: 'ФИО', en: 'Full name' }[lang]);
      expect(sheet.length).toBe(7);
      const back = await preview(exported, XLSX);
      expect(back.status).toBe(200);
      expect(back.body.counts).toEqual({ create: 0, update: 0, unchanged: 6, rejected: 0 });
      expect(back.body.notInFile).toEqual([]);
    }
  });

  it('previews and applies 5,000 rows (a regression guard, not a timing target)', async () => {
    const file = new Uint8Array(await xlsxOf(generateStaff(5000)));
    const started = Date.now();
    const first = await preview(file, XLSX);
    expect(first.body.counts).toEqual({ create: 5000, update: 0, unchanged: 0, rejected: 0 });
    const result = await apply(file, first.body.digest, XLSX);
    expect(result.body.applied.created).toBe(5000);
    expect((await preview(file, XLSX)).body.counts.unchanged).toBe(5000);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
