import { E2E_HR, E2E_HR_HEAD } from './credentials.ts';
import { signIn } from './signIn.ts';
import { expect, test } from './cspGuardedTest.ts';


test('the head of HR reads what HR did; HR cannot open the log', async ({ page }) => {
  const unitName = `Бөлім ${Date.now()}`;
  await signIn(page, E2E_HR);
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Units' }).click();
  await page.getByLabel('Unit name').fill(unitName);
  await page.getByRole('button', { name: 'Add unit' }).first().click();
  await expect(page.getByRole('cell', { name: unitName, exact: true })).toBeVisible();
  await page.goto('/audit');
  await expect(page.getByRole('alert')).toHaveText('Your account’s role does not allow this.');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, E2E_HR_HEAD);
  await page.getByRole('link', { name: 'Audit log' }).click();
  const row = page.getByTestId('audit-row').filter({ hasText: unitName });
  await expect(row).toContainText('Created a unit');
  await expect(row).toContainText(E2E_HR.login);
  // Filtering by action keeps only that kind of entry.
  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Signed out' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('audit-row').first()).toContainText('Signed out');
  await expect(page.getByTestId('audit-row').filter({ hasText: 'Created a unit' })).toHaveCount(0);
});
