import { E2E_ADMIN, E2E_HR } from './credentials.ts';
import { signIn } from './signIn.ts';
import { post, send } from './setUpThroughApi.ts';
import { expect, test } from './cspGuardedTest.ts';


/** A JSON request with the page's session. */
test('the administrator records a transfer of a day off; HR reads the calendar', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { name: 'Working-day calendar' })).toBeVisible();
  await page.getByLabel('Year', { exact: true }).fill('2025');
  await page.getByLabel('Year', { exact: true }).press('Enter');
  // The 2025 New Year transfer ships with the product, with its source.
  const jan5 = page.getByTestId('calendar-entry').filter({ hasText: '5 January 2025, Sunday' });
  await expect(jan5).toContainText('Worked in exchange for the day off on 3 January 2025');
  await expect(jan5.getByRole('link', { name: 'source 1' })).toHaveAttribute('href', /^https:\/\//);

  // A transfer: Saturday 19 December 2026 worked, Friday 18 December off.
  const note = 'Приказ Министра труда о переносе дня отдыха с 19 на 18 декабря 2026 года';
  for (const [date, kind] of [['2026-12-19', 'Working day'], ['2026-12-18', 'Day off']] as const) {
    await page.getByLabel('Date', { exact: true }).fill(date);
    await page.getByLabel('The day is').selectOption({ label: kind });
    await page.getByLabel('Grounds').fill(note);
    await page.getByRole('button', { name: 'Add change' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The change is added.' })).toBeVisible();
  }
  await expect(page.getByLabel('Year', { exact: true })).toHaveValue('2026');
  const added = page.getByTestId('calendar-entry').filter({ hasText: note });
  await expect(added).toHaveCount(2);
  await expect(added.first()).toContainText('18 December 2026');
  await expect(added.first()).toContainText('Day off');
  await expect(added.last()).toContainText('Working day');
  await expect(added.first()).toContainText(`Added by ${E2E_ADMIN.fullName}`);

  // A change that changes nothing is refused next to the date.
  await page.getByLabel('Date', { exact: true }).fill('2026-12-26');
  await page.getByLabel('The day is').selectOption({ label: 'Day off' });
  await page.getByLabel('Grounds').fill('Test');
  await page.getByRole('button', { name: 'Add change' }).click();
  await expect(page.getByText('2026-12-26 is already a day off.')).toBeVisible();
  await expect(page.getByLabel('Date', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // HR sees the change, and cannot make one.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, E2E_HR);
  await page.goto('/calendar');
  await page.getByLabel('Year', { exact: true }).fill('2025');
  await page.getByLabel('Year', { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Next year' }).click();
  await expect(page.getByLabel('Year', { exact: true })).toHaveValue('2026');
  await expect(page.getByTestId('calendar-entry').filter({ hasText: note })).toHaveCount(2);
  await expect(page.getByText('Only an administrator can change the calendar.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add change' })).toHaveCount(0);
});

test('HR opens, closes and archives a campaign through the confirmation dialog', async ({ page }) => {
  await signIn(page, E2E_HR);
  const { unit } = await post(page.request, '/units', { name: 'Кадр бөлімі', parentId: null });
  const person = async (fullName: string, category: string, managerId: string | null) =>
    (await post(page.request, '/people', { fullName, position: 'Маман', unitId: unit.id, category, managerId, email: null })).person;
  const head = await person('Әлиев Нұрлан', 'E-2', null);
  const staff = [await person('Бекова Сая', 'E-4', head.id), await person('Дәуренов Асқар', 'E-4', head.id), await person('Оспанова Гүлнар', 'E-4', head.id)];
  const { id } = await post(page.request, '/campaigns', { name: 'Lifecycle 2026', year: 2026 });
  const { ids } = await post(page.request, `/campaigns/${id}/evaluations`, { personIds: [head.id] });
  await send(page.request, 'put', `/campaigns/${id}/evaluations/${ids[0]}/respondents`, { respondents: staff.map((p) => ({ personId: p.id, relation: 'subordinate' })) });
  await page.reload();

  // A deadline on a day off is pointed out while choosing it: Saturday 9 January 2027.
  await page.getByLabel('Deadline').fill('2027-01-09');
  await expect(page.getByTestId('deadline-day-off')).toHaveText('This date is a day off. The next working day is 11 January 2027.');
  // A deadline years ahead is refused next to the field before anything is sent.
  await page.getByLabel('Deadline').fill('9999-12-31');
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByLabel('Deadline')).toHaveAccessibleDescription(/cannot be later than 31 December \d{4}/);
  await expect(page.getByTestId('deadline-day-off')).toHaveCount(0);

  await page.getByRole('link', { name: 'Lifecycle 2026' }).click();
  // 10 January 2027 is a Sunday: results are due two working days later, on Tuesday 12 January.
  await expect(page.getByText('The deadline falls on a day off.')).toBeVisible();
  await expect(page.getByTestId('results-due')).toContainText('by 12 January 2027');

  // Escape cancels: nothing happens, and the focus is back on the button.
  const openButton = page.getByRole('button', { name: 'Open campaign' });
  await openButton.click();
  const dialog = page.getByRole('dialog', { name: 'Open campaign' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Respondents can answer through their links');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(openButton).toBeFocused();
  await expect(page.locator('.badge')).toHaveText('Draft');

  await openButton.click();
  await dialog.getByRole('button', { name: 'Open campaign' }).click();
  await expect(page.locator('.badge')).toHaveText('Open');

  await page.getByRole('button', { name: 'Close campaign' }).click();
  const closeDialog = page.getByRole('dialog', { name: 'Close campaign' });
  await expect(closeDialog).toContainText('No more answers will be accepted');
  await closeDialog.getByRole('button', { name: 'Close campaign' }).click();
  await expect(page.locator('.badge')).toHaveText('Closed');

  await page.getByRole('button', { name: 'Archive campaign' }).click();
  const archiveDialog = page.getByRole('dialog', { name: 'Archive campaign' });
  await expect(archiveDialog).toContainText('It becomes read-only');
  await archiveDialog.getByRole('button', { name: 'Archive campaign' }).click();
  await expect(page.locator('.badge')).toHaveText('Archived');
  await expect(page.getByText('The campaign is archived: it can no longer be changed.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Report' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Choose respondents|Remove|Issue links/ })).toHaveCount(0);

  // The campaigns page lists it apart, under the archive.
  await page.getByRole('link', { name: 'All campaigns' }).click();
  await expect(page.getByRole('table', { name: 'Archive' }).getByRole('link', { name: 'Lifecycle 2026' })).toBeVisible();
  await expect(page.getByRole('table', { name: '360 campaigns' })).toHaveCount(0);
});
