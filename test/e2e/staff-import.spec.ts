import fs from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import { csvOf, xlsxOf, type StaffLine } from '../support/staffFile.ts';
import { E2E_HR } from './credentials.ts';
import { signIn } from './signIn.ts';
import { expect, test } from './cspGuardedTest.ts';

// The browser tests share one server: this run's people, numbers and units carry a tag of their own.
const tag = String(Date.now()).slice(-6);
const no = (n: number) => `E${tag}${n}`;
const line = (n: number, name: string, category: string, unit: string, manager: string | null): StaffLine => ({
  'Табельный номер': no(n), ФИО: `${name} ${tag}`, Должность: 'Бас маман', Категория: category, Подразделение: unit, 'Непосредственный руководитель': manager,
  'E-mail': `e2e${no(n)}@almaty.gov.kz`, 'Дата назначения': '01.09.2023', Примечание: '',
});

const top = `Аппарат ${tag}`;
const staff = (): StaffLine[] => [
  line(1, 'Сейітов Арман', 'E-1', top, null),
  line(2, 'Омарова Динара', 'E-2', `${top} / Қаржы бөлімі`, no(1)),
  line(3, 'Қасымов Ерлан', 'boss', `${top} / Қаржы бөлімі`, no(2)),
  line(4, 'Жұмабаева Әсел', 'C-4', `${top} / Қаржы бөлімі`, `Омарова Динара ${tag}`),
  line(5, 'Тоқтаров Мұрат', 'C-4', `${top} / Қаржы бөлімі`, `Нұрланова Гүлнар ${tag}`),
];
const numbers = [1, 2, 3, 4, 5].map(no);

test('HR imports a staff list with bad rows, fixes them, re-imports and exports it', async ({ page }) => {
  await signIn(page, E2E_HR);

  // A file that is not a spreadsheet is refused next to the field, in the reader's language.
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  const fileInput = page.getByLabel('Staff list file (.xlsx or .csv)');
  await fileInput.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('This is not a spreadsheet')).toBeVisible();

  // The XLSX: two bad rows, shown with their row numbers and reasons.
  await fileInput.setInputFiles({ name: 'staff.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsxOf(staff()) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-row')).toHaveCount(5);
  await expect(page.getByText('Columns ignored (not recognised): Примечание')).toBeVisible();
  await page.getByLabel('Show').selectOption({ label: 'Rejected (2)' });
  const rejected = page.getByTestId('import-row');
  await expect(rejected).toHaveCount(2);
  await expect(rejected.nth(0)).toContainText('4');
  await expect(rejected.nth(0)).toContainText('Category: “boss” is not a position category');
  await expect(rejected.nth(1)).toContainText(`Direct manager “Нұрланова Гүлнар ${tag}” is neither in the file nor in the staff list`);
  await page.getByRole('button', { name: 'Apply the import' }).click();
  await expect(page.getByRole('status')).toContainText('Imported: 3 created, 0 updated, 0 unchanged; 2 rejected rows skipped.');

  // HR fixes the two rows and imports again, now as a CSV: only those rows change.
  const fixed = staff();
  fixed[2]!.Категория = 'C-4';
  fixed[4]!['Непосредственный руководитель'] = no(3);
  await fileInput.setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(fixed, ';')) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByLabel('Show').selectOption({ label: 'New (2)' });
  await expect(page.getByTestId('import-row')).toHaveCount(2);
  await page.getByLabel('Show').selectOption({ label: 'Unchanged (3)' });
  await expect(page.getByTestId('import-row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Apply the import' }).click();
  await expect(page.getByRole('status')).toContainText('Imported: 2 created, 0 updated, 3 unchanged; 0 rejected rows skipped.');

  // The staff list has everyone exactly once.
  await page.getByRole('status').getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(tag);
  // The list loads after the page: wait for it rather than read it once.
  await expect.poll(async () => (await page.locator('tbody tr > td:first-child').allTextContents()).sort()).toEqual(numbers);
  await expect(page.getByRole('row', { name: /Тоқтаров Мұрат/ })).toContainText(`Қасымов Ерлан ${tag}`);

  // Export downloads an XLSX with the same people.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export to Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^staff-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = await readSheet(fs.readFileSync((await download.path())!));
  expect(sheet[0]).toContain('Full name');
  expect(sheet.slice(1).map((row) => row[0]).filter((n) => String(n).startsWith(`E${tag}`)).sort()).toEqual(numbers);

  // On a phone the preview scrolls inside its table, not the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: 'Import from a file' }).click();
  await page.getByLabel('Staff list file (.xlsx or .csv)').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(fixed, ';')) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-row')).toHaveCount(5);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
