import type { ParsedMail } from 'mailparser';
import { translate } from '../../shared/i18n/translate.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { xlsxOf, type StaffLine } from '../support/staffFile.ts';
import { E2E_HR } from './credentials.ts';
import { signIn } from './signIn.ts';
import { E2E_SMTP_PORT } from './mailPort.ts';
import { expect, test } from './cspGuardedTest.ts';

/**
 * Issue 3's story in one run: a staff file with bad rows is imported and fixed, a campaign is built for a
 * whole unit with proposed respondents, invitations go by e-mail to a local SMTP server, and a respondent
 * answers from the message.
 */
let smtp: TestSmtp;
test.beforeAll(async () => {
  smtp = await startSmtp(E2E_SMTP_PORT);
});
test.afterAll(() => smtp.close());

// The specs share one server: this run's names, numbers and addresses carry a tag of their own.
const tag = String(Date.now()).slice(-6);
const today = new Date();
const year = today.getUTCMonth() === 0 && today.getUTCDate() <= 10 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
const unit = `Экономика бөлімі ${tag}`;
const mail = (n: number) => `p${n}.${tag}@b360.test`;
const row = (n: number, name: string, category: string, manager: number | null, appointed = '01.09.2022'): StaffLine => ({
  'Т.А.Ә.': `${name} ${tag}`,
  'Табель нөмірі': `X${tag}${n}`,
  Лауазымы: category === 'E-2' ? 'Бөлім басшысы' : 'Бас маман',
  Санаты: category,
  Бөлімше: unit,
  'Тікелей басшы': manager === null ? null : `X${tag}${manager}`,
  'E-mail': mail(n),
  'Лауазымға тағайындалған күні': appointed,
});
const staff = (): StaffLine[] => [
  row(1, 'Мұратов Ерлан', 'E-2', null),
  row(2, 'Сейітова Айгерім', 'E-4', 1),
  row(3, 'Омаров Нұрлан', 'E-4', 1),
  row(4, 'Кенжебаева Сәуле', 'бастық', 1),
  row(5, 'Дәулетов Асқар', 'E-4', 1),
  // Appointed in the reporting year's last weeks: left out of the 360 (§6).
  row(6, 'Жаңабаев Руслан', 'E-4', 1, `20.12.${year}`),
];

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0]! : m.to!).value[0]!.address!;
const kk = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('kk', key, params);

test('HR imports the staff, builds a campaign for a unit, e-mails the links, and a respondent answers from the message', async ({ page, browser }) => {
  await signIn(page, E2E_HR);

  // The file has a bad category on row 5: it is rejected with its row number and reason, the rest imported.
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  const file = page.getByLabel('Staff list file (.xlsx or .csv)');
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await file.setInputFiles({ name: 'staff.xlsx', mimeType: xlsx, buffer: await xlsxOf(staff()) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByLabel('Show').selectOption({ label: 'Rejected (1)' });
  await expect(page.getByTestId('import-row')).toHaveCount(1);
  await expect(page.getByTestId('import-row')).toContainText('5');
  await expect(page.getByTestId('import-row')).toContainText('“бастық” is not a position category');
  await page.getByRole('button', { name: 'Apply the import' }).click();
  await expect(page.getByRole('status')).toContainText('Imported: 5 created, 0 updated, 0 unchanged; 1 rejected rows skipped.');

  // Fixed and imported again: only the fixed row is new.
  const fixed = staff();
  fixed[3]!.Санаты = 'E-4';
  await file.setInputFiles({ name: 'staff-fixed.xlsx', mimeType: xlsx, buffer: await xlsxOf(fixed) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Apply the import' }).click();
  await expect(page.getByRole('status')).toContainText('Imported: 1 created, 0 updated, 5 unchanged; 0 rejected rows skipped.');

  // A campaign for the year, then the whole unit in one step with proposed respondents.
  await page.getByRole('link', { name: 'Campaigns' }).click();
  await page.getByLabel('Name').fill(`360 ${tag}`);
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByRole('heading', { name: `360 ${tag}` })).toBeVisible();
  await page.getByLabel('Unit', { exact: true }).selectOption({ label: unit });
  await page.getByRole('button', { name: 'Add the unit' }).click();
  const result = page.getByTestId('unit-result');
  await expect(result).toContainText('Added: 5');
  await expect(result).toContainText('With proposed respondents: 5');
  await expect(page.getByTestId('left-out')).toHaveText(`Жаңабаев Руслан ${tag} — less than a month in the position in ${year} (§6)`);
  await expect(page.getByTestId('evaluation-row')).toHaveCount(5);

  // Open, then e-mail every invitation: 5 self-assessments and each person's proposed respondents.
  await page.getByRole('button', { name: 'Open campaign' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Open campaign' }).click();
  await expect(page.locator('.badge')).toHaveText('Open');
  const panel = page.getByRole('region', { name: 'Invitations' });
  await panel.getByRole('button', { name: 'Send invitations by e-mail' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send invitations by e-mail' }).click();
  const total = Number((await page.getByTestId('progress-rate').textContent())!.match(/of (\d+) questionnaires/)![1]);
  expect(total).toBeGreaterThanOrEqual(5 * 4);
  await expect(panel.getByText(`Delivered by e-mail: ${total}`)).toBeVisible({ timeout: 30_000 });
  const ours = (await smtp.waitFor(total)).filter((m) => to(m).endsWith(`.${tag}@b360.test`));
  expect(ours).toHaveLength(total);

  // The head's message about one of the employees: its link opens the questionnaire on a phone.
  const message = ours.find((m) => to(m) === mail(1) && m.text!.includes(`Сейітова Айгерім ${tag}`))!;
  expect(message.text).toContain('Жасырындылыққа кепілдік беріледі');
  const url = message.text!.match(/http:\/\/127\.0\.0\.1:\d+\/r#[A-Za-z0-9_-]{43}/)![0];
  const context = await browser.newContext({ locale: 'kk-KZ', viewport: { width: 390, height: 844 } });
  const respondent = await context.newPage();
  await respondent.goto(url);
  await expect(respondent.getByText(kk('respond.aboutOther', { name: `Сейітова Айгерім ${tag}` }))).toBeVisible();
  for (const c of almaty2023.forms.employee.competencies) {
    for (const s of c.statements) await respondent.locator(`#st-${s.id.replaceAll('.', '\\.')} input[value="5"]`).check();
  }
  await respondent.getByRole('button', { name: kk('respond.submit') }).click();
  await expect(respondent.getByText(kk('respond.thanksTitle'))).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.getByTestId('progress-rate')).toContainText(`1 of ${total} questionnaires answered`);
});
