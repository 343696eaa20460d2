import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { E2E_HR } from './credentials.ts';
import { signIn } from './signIn.ts';
import { post } from './setUpThroughApi.ts';
import { expect, test } from './cspGuardedTest.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const today = new Date();
// A reporting year whose deadline (10 January of the next year) is still ahead, so links can be answered.
const year = today.getUTCMonth() === 0 && today.getUTCDate() <= 10 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();

test('HR adds a whole unit to a campaign and follows its progress', async ({ page, browser }) => {
  await signIn(page, E2E_HR);

  // The staff list, through the API the Staff page uses: a unit with a sector below it.
  const unit = (await post(page.request, '/units', { name: 'Құқық бөлімі', parentId: null })).unit.id;
  const sector = (await post(page.request, '/units', { name: 'Шарттар секторы', parentId: unit })).unit.id;
  const person = async (fullName: string, unitId: string, category: string, managerId: string | null, extra: object = {}) =>
    (await post(page.request, '/people', { fullName, position: category === 'E-2' ? 'Бөлім басшысы' : 'Бас маман', unitId, category, managerId, email: null, ...extra })).person.id;
  const head = await person('Нұрланов Бауыржан', unit, 'E-2', null);
  for (const name of ['Әбілова Гүлнар', 'Бекова Сая', 'Серіков Тимур']) await person(name, unit, 'E-4', head);
  await person('Жаңаев Нұрбек', unit, 'E-4', head, { appointedOn: `${year}-12-20` });
  await person('Демалысова Айгерім', unit, 'E-4', head, { absence: 'leave', absentFrom: iso(today), absentUntil: iso(new Date(today.getTime() + 30 * 86_400_000)) });
  for (const name of ['Оспанов Ілияс', 'Петрова Анна', 'Рахимов Дәулет']) await person(name, sector, 'E-4', head);
  const campaignId = (await post(page.request, '/campaigns', { name: `360 ${year}`, year })).id;

  // One step: the unit with its sector.
  await page.goto(`/campaigns/${campaignId}`);
  await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Құқық бөлімі' });
  await expect(page.getByLabel('Together with its sub-units')).toBeChecked();
  await page.getByRole('button', { name: 'Add the unit' }).click();
  const result = page.getByTestId('unit-result');
  await expect(result).toContainText('Added: 8');
  await expect(result).toContainText('With proposed respondents: 8');
  await expect(result).toContainText('Демалысова Айгерім: without own participation: Leave');
  await expect(page.getByTestId('left-out')).toHaveText(`Жаңаев Нұрбек — less than a month in the position in ${year} (§6)`);
  await expect(page.getByTestId('evaluation-row')).toHaveCount(8);
  await expect(page.getByTestId('evaluation-row').filter({ hasText: 'Демалысова Айгерім' })).toContainText('without own participation: Leave');
  await expect(page.getByTestId('evaluation-row').filter({ hasText: 'Әбілова Гүлнар' })).toContainText('4 (needs 3–7)');

  // The proposed respondents are in place: the manager first, then the peers; the proposal can be taken again.
  await page.getByTestId('evaluation-row').filter({ hasText: 'Әбілова Гүлнар' }).getByRole('link', { name: 'Choose respondents' }).click();
  const rows = page.getByTestId('respondent-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'Нұрланов Бауыржан' }).getByLabel('Relation')).toHaveValue('manager');
  await expect(rows.filter({ hasText: 'Демалысова Айгерім' })).toHaveCount(0);
  await rows.filter({ hasText: 'Бекова Сая' }).getByRole('button', { name: /Remove/ }).click();
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Use proposed respondents' }).click();
  await expect(rows).toHaveCount(4);
  await page.getByRole('link', { name: /Evaluated persons/ }).click();

  // Open, issue links, and let the manager answer about one employee.
  await page.getByRole('button', { name: 'Open campaign' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Open campaign' }).click();
  await expect(page.locator('.badge')).toHaveText('Open');
  const dashboard = page.getByTestId('progress-dashboard');
  await expect(dashboard.getByTestId('progress-rate')).toContainText('0 of 40 questionnaires answered (0%)');
  await page.getByRole('button', { name: 'Issue links' }).click();
  const linkRow = page
    .locator('tr')
    .filter({ has: page.locator('td:nth-child(1)').getByText('Нұрланов Бауыржан', { exact: true }) })
    .filter({ has: page.locator('td:nth-child(2)').getByText('Әбілова Гүлнар', { exact: true }) });
  const url = await linkRow.getByRole('textbox').inputValue();

  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
  const respondent = await context.newPage();
  await respondent.goto(url);
  for (const c of almaty2023.forms.employee.competencies) {
    for (const s of c.statements) await respondent.locator(`#st-${s.id.replaceAll('.', '\\.')} input[value="4"]`).check();
  }
  await respondent.getByRole('button', { name: 'Submit' }).click();
  await expect(respondent.getByText('Thank you')).toBeVisible();
  await context.close();

  // The dashboard: campaign rate, the unit tree, the person's respondents with link status only.
  await page.reload();
  await expect(dashboard.getByTestId('progress-rate')).toContainText('1 of 40 questionnaires answered (3%)');
  await expect(dashboard.getByTestId('progress-below')).toContainText('Reports below 3 answers so far: 8');
  const units = dashboard.getByTestId('unit-progress');
  await expect(units).toHaveCount(2);
  await expect(units.first()).toContainText('Құқық бөлімі 1 of 40 answered (3%) · 8 evaluated');
  await expect(dashboard.getByTestId('person-progress')).toHaveCount(0);
  await units.first().locator('summary').click();
  const line = dashboard.getByTestId('person-progress').filter({ hasText: 'Әбілова Гүлнар' });
  await expect(line).toContainText('1 of 4 respondents');
  await expect(line).toContainText('below 3 so far');
  await line.getByRole('button', { name: 'Respondents of Әбілова Гүлнар' }).click();
  await expect(line.getByTestId('respondent-status')).toContainText('Нұрланов Бауыржан (Direct manager) — answered');
  await expect(line.getByTestId('respondent-status')).toContainText('Бекова Сая (Peer) — link issued');

  // A search narrows the tree to the matching person; the filter finds reports at risk.
  await dashboard.getByLabel('Find an evaluated person').fill('Петрова');
  await expect(dashboard.getByTestId('person-progress')).toHaveCount(1);
  await expect(units).toHaveCount(2);
  await dashboard.getByLabel('Find an evaluated person').fill('');
  await dashboard.getByLabel('Show').selectOption('cannotReach');
  await expect(dashboard.getByText('Nobody matches.')).toBeVisible();
});
